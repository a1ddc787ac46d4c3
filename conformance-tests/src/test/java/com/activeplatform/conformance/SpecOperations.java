package com.activeplatform.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operations of the bundled spec, which every suite enumerates. References are resolved, so
 * each operation carries its parameters, bodies and examples inline.
 */
final class SpecOperations {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static OpenAPI api;
  private static List<SpecOperation> operations;

  private SpecOperations() {}

  /** @return the bundled spec's file (the build passes it as conformance.spec) */
  static Path specFile() {
    String location = System.getProperty("conformance.spec");
    if (location == null || !Files.isRegularFile(Path.of(location))) {
      throw new IllegalStateException("conformance.spec must name the bundled spec (run through Maven); got " + location);
    }
    return Path.of(location);
  }

  static synchronized OpenAPI api() {
    if (api == null) {
      ParseOptions options = new ParseOptions();
      options.setResolve(true);
      options.setResolveFully(true);
      SwaggerParseResult result = new OpenAPIV3Parser().readLocation(specFile().toUri().toString(), null, options);
      if (result.getOpenAPI() == null || !result.getMessages().isEmpty()) {
        throw new IllegalStateException("The bundled spec does not parse cleanly: " + result.getMessages());
      }
      api = result.getOpenAPI();
    }
    return api;
  }

  /** @return every operation, in document order */
  static synchronized List<SpecOperation> all() {
    if (operations == null) {
      List<SpecOperation> list = new ArrayList<>();
      api().getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) ->
          list.add(new SpecOperation(path, method, op, merged(item, op)))));
      operations = List.copyOf(list);
    }
    return operations;
  }

  private static List<Parameter> merged(PathItem item, Operation op) {
    Map<String, Parameter> byKey = new LinkedHashMap<>();
    for (List<Parameter> level : List.of(
        Optional.ofNullable(item.getParameters()).orElse(List.of()),
        Optional.ofNullable(op.getParameters()).orElse(List.of()))) {
      level.forEach(p -> byKey.put(p.getIn() + ":" + p.getName(), p));
    }
    return List.copyOf(byKey.values());
  }

  /** @return the value of an example as plain Java (maps, lists), following a reference to components/examples */
  static Object exampleValue(Example example) {
    if (example.get$ref() != null) {
      String name = example.get$ref().substring(example.get$ref().lastIndexOf('/') + 1);
      return plain(api().getComponents().getExamples().get(name).getValue());
    }
    return plain(example.getValue());
  }

  /** The parser hands out examples as Jackson trees or as Java values; tests want Java values. */
  static Object plain(Object value) {
    return value == null ? null : JSON.convertValue(value, Object.class);
  }

  /** @return the named examples of a media type (a lone {@code example} is named "example") */
  static Map<String, Object> examples(MediaType media) {
    Map<String, Object> values = new LinkedHashMap<>();
    if (media.getExamples() != null) {
      media.getExamples().forEach((name, example) -> values.put(name, exampleValue(example)));
    } else if (media.getExample() != null) {
      values.put("example", plain(media.getExample()));
    }
    return values;
  }

  /**
   * One operation of the spec.
   *
   * @param path its path template
   * @param method its HTTP method
   * @param operation the operation
   * @param parameters its path-level and operation-level parameters
   */
  record SpecOperation(String path, PathItem.HttpMethod method, Operation operation, List<Parameter> parameters) {

    String id() {
      return operation.getOperationId();
    }

    /** @return the example of a parameter, its schema's example, or its default */
    Object parameterExample(Parameter parameter) {
      if (parameter.getExample() != null) {
        return plain(parameter.getExample());
      }
      if (parameter.getExamples() != null && !parameter.getExamples().isEmpty()) {
        return exampleValue(parameter.getExamples().values().iterator().next());
      }
      return parameter.getSchema() == null ? null
          : plain(parameter.getSchema().getExample() != null ? parameter.getSchema().getExample() : parameter.getSchema().getDefault());
    }

    /** @return the path with every path parameter replaced by its example */
    String examplePath() {
      String concrete = path;
      for (Parameter p : parameters) {
        if ("path".equals(p.getIn())) {
          concrete = concrete.replace("{" + p.getName() + "}", String.valueOf(parameterExample(p)));
        }
      }
      return concrete;
    }

    /** @return the media type and first example of the request body, if it has one */
    Optional<Map.Entry<String, Object>> requestExample() {
      if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
        return Optional.empty();
      }
      Map.Entry<String, MediaType> content = operation.getRequestBody().getContent().entrySet().iterator().next();
      return examples(content.getValue()).values().stream().findFirst().map(v -> Map.entry(content.getKey(), v));
    }

    @Override
    public String toString() {
      return id() + " (" + method + " " + path + ")";
    }
  }
}
