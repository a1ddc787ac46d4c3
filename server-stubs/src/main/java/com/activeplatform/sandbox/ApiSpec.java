package com.activeplatform.sandbox;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The bundled OpenAPI document the sandbox serves, read once at start-up: its operations by
 * operationId, with their security and their documented responses.
 */
public final class ApiSpec {

  /** Classpath location of the bundled spec (written by the spec module). */
  public static final String BUNDLED_SPEC = "openapi/activeplatform.yaml";
  /** The same document as JSON, which parses several times faster. */
  private static final String BUNDLED_SPEC_JSON = "openapi/activeplatform.json";

  private static final String COMPONENT_PREFIX_RESPONSES = "#/components/responses/";
  private static final String COMPONENT_PREFIX_EXAMPLES = "#/components/examples/";

  private final byte[] yaml;
  private final OpenAPI openApi;
  private final Map<String, SpecOperation> operations;

  private ApiSpec(byte[] yaml, OpenAPI openApi) {
    this.yaml = yaml;
    this.openApi = openApi;
    this.operations = indexOperations(openApi);
  }

  /** @return the bundled spec from the classpath */
  public static ApiSpec loadBundled() {
    return new ApiSpec(resource(BUNDLED_SPEC), read(resource(BUNDLED_SPEC_JSON)));
  }

  /**
   * @param document a bundled OpenAPI document, YAML or JSON
   * @return the parsed spec
   */
  public static ApiSpec parse(byte[] document) {
    return new ApiSpec(document, read(document));
  }

  /**
   * Reads a bundled document straight into the model with swagger-core's mapper: the bundle was
   * validated and its references checked by the spec build, so swagger-parser's work (and its
   * second or so) is not repeated. Parameter references are resolved here, as the validator needs.
   */
  private static OpenAPI read(byte[] document) {
    OpenAPI api;
    try {
      boolean json = document.length > 0 && document[0] == '{';
      api = (json ? io.swagger.v3.core.util.Json.mapper() : io.swagger.v3.core.util.Yaml.mapper()).readValue(document, OpenAPI.class);
    } catch (IOException e) {
      throw new IllegalStateException("The bundled spec could not be read: " + e.getMessage(), e);
    }
    Map<String, io.swagger.v3.oas.models.parameters.Parameter> shared =
        api.getComponents() == null || api.getComponents().getParameters() == null ? Map.of() : api.getComponents().getParameters();
    api.getPaths().values().forEach(item -> item.readOperations().forEach(op -> {
      if (op.getParameters() != null) {
        op.getParameters().replaceAll(p -> p.get$ref() == null ? p : shared.get(p.get$ref().substring(p.get$ref().lastIndexOf('/') + 1)));
      }
    }));
    return api;
  }

  /**
   * @param api the parsed document
   * @param schema a schema, possibly a reference to a component schema, or null
   * @return the component schema it refers to, or the schema itself
   */
  static Schema<?> dereference(OpenAPI api, Schema<?> schema) {
    return schema == null || schema.get$ref() == null ? schema
        : api.getComponents().getSchemas().get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
  }

  /** @return a resource the build put on the classpath (the bundle, the docs page), whole */
  static byte[] resource(String name) {
    try (InputStream in = ApiSpec.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is not on the classpath; build the spec module first");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return the document as served at /openapi.yaml */
  public byte[] yaml() {
    return yaml.clone();
  }

  /** @return the parsed document */
  public OpenAPI openApi() {
    return openApi;
  }

  /** @return every operation by operationId, in document order */
  public Map<String, SpecOperation> operations() {
    return operations;
  }

  /**
   * @param method an HTTP method
   * @param path a request path
   * @return the operation whose path template and method match, if any
   */
  public Optional<SpecOperation> match(String method, String path) {
    return operations.values().stream()
        .filter(op -> op.method().equalsIgnoreCase(method) && op.matches(path))
        .findFirst();
  }

  /**
   * @param operationId an operationId
   * @return the operation, if the spec has it
   */
  public Optional<SpecOperation> operation(String operationId) {
    return Optional.ofNullable(operations.get(operationId));
  }

  private Map<String, SpecOperation> indexOperations(OpenAPI api) {
    Map<String, SpecOperation> byId = new LinkedHashMap<>();
    api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) ->
        byId.put(op.getOperationId(), toOperation(path, method, op))));
    return Collections.unmodifiableMap(byId); // in document order: what the sandbox derives from it must not vary by run
  }

  private SpecOperation toOperation(String path, PathItem.HttpMethod method, Operation op) {
    List<SecurityRequirement> requirements = op.getSecurity() != null ? op.getSecurity() : openApi.getSecurity();
    List<TokenLocation> tokens = new ArrayList<>();
    boolean anonymous = requirements == null || requirements.isEmpty();
    if (requirements != null) {
      for (SecurityRequirement requirement : requirements) {
        requirement.keySet().forEach(name -> tokens.add(tokenLocation(name)));
        anonymous |= requirement.isEmpty();
      }
    }
    Map<Integer, SpecResponse> responses = new LinkedHashMap<>();
    if (op.getResponses() != null) {
      op.getResponses().forEach((code, response) -> {
        if (code.chars().allMatch(Character::isDigit)) {
          int status = Integer.parseInt(code);
          responses.put(status, toResponse(status, resolve(response)));
        }
      });
    }
    String requestMediaType = op.getRequestBody() == null || op.getRequestBody().getContent() == null
        ? null : op.getRequestBody().getContent().keySet().iterator().next();
    Set<String> queryParameters = op.getParameters() == null ? Set.of() : op.getParameters().stream()
        .filter(p -> "query".equals(p.getIn())).map(io.swagger.v3.oas.models.parameters.Parameter::getName)
        .collect(Collectors.toUnmodifiableSet());
    return new SpecOperation(op.getOperationId(), method.name(), path, pathPattern(path), List.copyOf(tokens),
        queryParameters, anonymous, requestMediaType, responses, op);
  }

  /** @return a regex that matches the paths of a template such as /accounts/{account_id}.json */
  private static Pattern pathPattern(String template) {
    StringBuilder regex = new StringBuilder();
    Matcher variable = Pattern.compile("\\{[^}]+}").matcher(template);
    int last = 0;
    while (variable.find()) {
      regex.append(Pattern.quote(template.substring(last, variable.start()))).append("[^/]+");
      last = variable.end();
    }
    regex.append(Pattern.quote(template.substring(last)));
    return Pattern.compile(regex.toString());
  }

  private TokenLocation tokenLocation(String schemeName) {
    SecurityScheme scheme = openApi.getComponents().getSecuritySchemes().get(schemeName);
    if (scheme == null || scheme.getType() != SecurityScheme.Type.APIKEY) {
      throw new IllegalStateException("Security scheme " + schemeName + " is not an API key scheme");
    }
    return new TokenLocation(scheme.getIn() == SecurityScheme.In.HEADER, scheme.getName());
  }

  private ApiResponse resolve(ApiResponse response) {
    String ref = response.get$ref();
    if (ref == null) {
      return response;
    }
    return openApi.getComponents().getResponses().get(ref.substring(COMPONENT_PREFIX_RESPONSES.length()));
  }

  private SpecResponse toResponse(int status, ApiResponse response) {
    if (response.getContent() == null || response.getContent().isEmpty()) {
      return new SpecResponse(status, null, Map.of(), null);
    }
    Map.Entry<String, MediaType> content = response.getContent().entrySet().iterator().next();
    Map<String, Object> examples = new LinkedHashMap<>();
    MediaType media = content.getValue();
    if (media.getExamples() != null) {
      media.getExamples().forEach((name, example) -> examples.put(name, resolve(example).getValue()));
    } else if (media.getExample() != null) {
      examples.put("default", media.getExample());
    }
    return new SpecResponse(status, content.getKey(), examples, media.getSchema());
  }

  private Example resolve(Example example) {
    String ref = example.get$ref();
    if (ref == null) {
      return example;
    }
    return openApi.getComponents().getExamples().get(ref.substring(COMPONENT_PREFIX_EXAMPLES.length()));
  }

  /**
   * Where an operation expects its token.
   *
   * @param header true for a header, false for a query parameter
   * @param name the header or parameter name
   */
  public record TokenLocation(boolean header, String name) {}

  /**
   * A documented response.
   *
   * @param status the HTTP status
   * @param mediaType its media type, or null for an empty body
   * @param examples its named examples, in document order
   * @param schema the schema of its body, or null for an empty body
   */
  public record SpecResponse(int status, String mediaType, Map<String, Object> examples, Schema<?> schema) {}

  /**
   * An operation of the spec.
   *
   * @param operationId its operationId
   * @param method the HTTP method
   * @param path the path template
   * @param pathPattern matches the request paths of the template
   * @param tokens where it accepts a token; empty when it needs none
   * @param queryParameters the names of the query parameters it declares
   * @param anonymous whether a request without any token is allowed ({@code security: []} or an
   *     empty alternative such as {@code [{}, {ApiTokenQuery: []}]})
   * @param requestMediaType the media type of its request body, or null when it takes none
   * @param responses its documented responses by status
   * @param model the operation as parsed
   */
  public record SpecOperation(String operationId, String method, String path, Pattern pathPattern,
      List<TokenLocation> tokens, Set<String> queryParameters, boolean anonymous, String requestMediaType, Map<Integer, SpecResponse> responses,
      Operation model) {

    /**
     * @param name a vendor extension such as x-paging
     * @return its value, if the operation has it
     */
    public Optional<Object> extension(String name) {
      return Optional.ofNullable(model.getExtensions()).map(e -> e.get(name));
    }

    /**
     * @param requestPath a request path
     * @return whether it is a path of this operation
     */
    public boolean matches(String requestPath) {
      return pathPattern.matcher(requestPath).matches();
    }

    /** @return the documented 2xx response with the lowest status */
    public SpecResponse success() {
      return responses.values().stream()
          .filter(r -> r.status() >= 200 && r.status() < 300)
          .min((a, b) -> Integer.compare(a.status(), b.status()))
          .orElseThrow(() -> new IllegalStateException(operationId + " documents no 2xx response"));
    }
  }
}
