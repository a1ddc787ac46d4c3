package com.activeplatform.sandbox;

import com.activeplatform.sandbox.ApiSpec.SpecOperation;
import com.activeplatform.sandbox.ApiSpec.SpecResponse;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Answers the operations of the spec. Every documented answer is prepared at start-up (each
 * example of each documented status, serialized once); a sample generated from the success
 * schema is made on the first {@code Prefer: dynamic=true} and kept. A request picks one with its {@code Prefer} header, as with Prism; otherwise the
 * stateful sandbox answers where the operation has a stateful role, else the first example of the
 * lowest 2xx status.
 */
public final class SandboxEngine {

  private final ApiSpec spec;
  private final SandboxOptions options;
  private final StatefulResponder state;
  private final Map<String, Map<Integer, PreparedStatus>> answers = new HashMap<>();
  private final Map<String, PreparedResponse> samples = new ConcurrentHashMap<>();
  private final SchemaSamples sampler;
  private final ObjectMapper mapper;

  /**
   * @param spec the spec to answer from
   * @param mapper serializes the examples
   * @param options latency, failure rate and stateful mode
   * @param store where the stateful sandbox keeps resources
   * @param schemas validates stored resources against their schemas
   */
  public SandboxEngine(ApiSpec spec, ObjectMapper mapper, SandboxOptions options, ResourceStore store, SchemaValidator schemas) {
    this.spec = spec;
    this.options = options;
    this.state = new StatefulResponder(spec, mapper, store, schemas);
    this.sampler = new SchemaSamples(spec.openApi(), mapper);
    this.mapper = mapper;
    spec.operations().values().forEach(op -> answers.put(op.operationId(), prepare(op, mapper)));
  }

  /** @return the spec the engine answers from */
  public ApiSpec spec() {
    return spec;
  }

  /** Restores the stateful sandbox to the documented examples. */
  public void reset() {
    state.reset();
  }

  /**
   * @param operationId the operation the request was routed to
   * @param request the request
   * @return the answer
   */
  public Response respond(String operationId, ContainerRequestContext request) {
    SpecOperation op = spec.operation(operationId)
        .orElseThrow(() -> new IllegalStateException("No operation " + operationId + " in the spec"));
    Preferences preferences = Preferences.parse(request.getHeaderString(Preferences.HEADER));
    pause(options.latency().plus(preferences.delay()));
    if (options.failureRate() > 0 && ThreadLocalRandom.current().nextDouble() < options.failureRate()) {
      return ApiErrors.simulated(request, 503);
    }
    Map<Integer, PreparedStatus> documented = answers.get(operationId);
    if (preferences.code().isPresent() || preferences.example() != null) {
      return documented(op, request, preferences, documented);
    }
    if (preferences.dynamic()) {
      return samples.computeIfAbsent(operationId, id -> sample(op, sampler, mapper)).toResponse();
    }
    if (!options.stateful() || state.behaviour(operationId).isEmpty()) {
      return documented.get(op.success().status()).first().toResponse();
    }
    return state.respond(op, request, new StatefulResponder.Documented() {
      @Override
      public Response success() {
        return documented.get(op.success().status()).first().toResponse();
      }

      @Override
      public Response example(int status, String name) {
        return documented.get(status).byExample().get(name).toResponse();
      }
    });
  }

  private static Response documented(SpecOperation op, ContainerRequestContext request, Preferences preferences,
      Map<Integer, PreparedStatus> documented) {
    int status = preferences.code().orElse(op.success().status());
    PreparedStatus prepared = documented.get(status);
    if (prepared == null) {
      return status >= 400
          ? ApiErrors.simulated(request, status)
          : ApiErrors.response(request, ApiErrors.Kind.UNDOCUMENTED_STATUS, status,
              String.join(", ", op.responses().keySet().stream().map(String::valueOf).toList()));
    }
    if (preferences.example() == null) {
      return prepared.first().toResponse();
    }
    PreparedResponse named = prepared.byExample().get(preferences.example());
    return named != null ? named.toResponse()
        : ApiErrors.response(request, ApiErrors.Kind.UNKNOWN_EXAMPLE, preferences.example(), status,
            String.join(", ", prepared.byExample().keySet()));
  }

  private static void pause(Duration delay) {
    if (delay.isZero()) {
      return;
    }
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Map<Integer, PreparedStatus> prepare(SpecOperation op, ObjectMapper mapper) {
    Map<Integer, PreparedStatus> byStatus = new HashMap<>();
    for (SpecResponse response : op.responses().values()) {
      Map<String, PreparedResponse> byExample = new LinkedHashMap<>();
      if (response.mediaType() == null) {
        byExample.put("", new PreparedResponse(response.status(), null, null));
      } else {
        response.examples().forEach((name, value) ->
            byExample.put(name, new PreparedResponse(response.status(), response.mediaType(), serialize(mapper, value))));
      }
      if (!byExample.isEmpty()) {
        byStatus.put(response.status(), new PreparedStatus(byExample));
      }
    }
    if (!byStatus.containsKey(op.success().status())) {
      throw new IllegalStateException(op.operationId() + " documents no example for its success answer");
    }
    return byStatus;
  }

  private static PreparedResponse sample(SpecOperation op, SchemaSamples sampler, ObjectMapper mapper) {
    SpecResponse success = op.success();
    if (success.mediaType() == null) {
      return new PreparedResponse(success.status(), null, null);
    }
    return new PreparedResponse(success.status(), success.mediaType(), serialize(mapper, sampler.sample(success.schema())));
  }

  /** @return the value as JSON, in UTF-8 */
  static byte[] serialize(ObjectMapper mapper, Object value) {
    try {
      return mapper.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("An answer could not be serialized", e);
    }
  }

  private record PreparedStatus(Map<String, PreparedResponse> byExample) {
    PreparedResponse first() {
      return byExample.values().iterator().next();
    }
  }

  private record PreparedResponse(int status, String mediaType, byte[] body) {
    Response toResponse() {
      Response.ResponseBuilder builder = Response.status(status);
      return body == null ? builder.build() : builder.type(mediaType).entity(body).build();
    }
  }
}
