package com.activeplatform.sandbox;

import com.activeplatform.sandbox.ApiSpec.SpecOperation;
import com.activeplatform.sandbox.ApiSpec.SpecResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;

/**
 * Answers the operations of the spec. Every answer is prepared at start-up: the documented
 * example of each operation's success response, serialized once.
 */
public final class SandboxEngine {

  private final ApiSpec spec;
  private final Map<String, PreparedResponse> successes = new HashMap<>();

  /**
   * @param spec the spec to answer from
   * @param mapper serializes the examples
   */
  public SandboxEngine(ApiSpec spec, ObjectMapper mapper) {
    this.spec = spec;
    spec.operations().values().forEach(op -> successes.put(op.operationId(), prepare(op.success(), mapper)));
  }

  /** @return the spec the engine answers from */
  public ApiSpec spec() {
    return spec;
  }

  /**
   * @param operationId the operation the request was routed to
   * @param request the request
   * @return the answer
   */
  public Response respond(String operationId, ContainerRequestContext request) {
    PreparedResponse prepared = successes.get(operationId);
    if (prepared == null) {
      throw new IllegalStateException("No operation " + operationId + " in the spec");
    }
    return prepared.toResponse();
  }

  private static PreparedResponse prepare(SpecResponse response, ObjectMapper mapper) {
    if (response.mediaType() == null) {
      return new PreparedResponse(response.status(), null, null);
    }
    Object example = response.examples().values().stream().findFirst()
        .orElseThrow(() -> new IllegalStateException("A " + response.status() + " response has no example"));
    try {
      return new PreparedResponse(response.status(), response.mediaType(), mapper.writeValueAsBytes(example));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("An example could not be serialized", e);
    }
  }

  private record PreparedResponse(int status, String mediaType, byte[] body) {
    Response toResponse() {
      Response.ResponseBuilder builder = Response.status(status);
      return body == null ? builder.build() : builder.type(mediaType).entity(body).build();
    }
  }
}
