package com.activeplatform.spec;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Validates the multi-file spec with swagger-parser and writes it as one document whose only
 * references are internal ({@code #/components/...}), in YAML and, beside it, in JSON.
 *
 * <p>Usage: {@code SpecBundler <root.yaml> <bundle.yaml>}. Exits with status 1, printing every
 * problem, when the parser reports any message, when two operations share an operationId, when
 * bundling had to rename a component because two domain files define the same name, or when a
 * list operation's paging does not match its parameters and answer ({@link PagingExtensions}).
 */
public final class SpecBundler {

  /** swagger-parser appends _1, _2, ... when two external components share a name. */
  private static final Pattern RENAMED_COMPONENT = Pattern.compile(".*_\\d+$");

  private static final Pattern DATE_LIKE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private SpecBundler() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: SpecBundler <root.yaml> <bundle.yaml>");
      System.exit(2);
    }
    Path root = Path.of(args[0]).toAbsolutePath();
    Path out = Path.of(args[1]).toAbsolutePath();

    ParseOptions options = new ParseOptions();
    options.setResolve(true); // pull external refs into components, keep internal refs
    SwaggerParseResult result = new OpenAPIV3Parser().readLocation(root.toUri().toString(), null, options);

    List<String> problems = new ArrayList<>();
    if (result.getMessages() != null) {
      problems.addAll(result.getMessages());
    }
    OpenAPI api = result.getOpenAPI();
    if (api == null) {
      problems.add("the document could not be read");
    } else {
      problems.addAll(duplicateOperationIds(api));
      problems.addAll(renamedComponents(api));
      problems.addAll(PagingExtensions.derive(api));
    }
    if (!problems.isEmpty()) {
      System.err.println("The spec " + root + " has " + problems.size() + " problem(s):");
      problems.forEach(p -> System.err.println("  - " + p));
      System.exit(1);
    }

    restoreParameterReferences(api);
    Files.createDirectories(out.getParent());
    Files.writeString(out, bundleWriter().writeValueAsString(api));
    // the same document as JSON, which tools (the sandbox among them) read several times faster
    Files.writeString(out.resolveSibling(out.getFileName().toString().replaceFirst("\\.ya?ml$", "") + ".json"),
        Json.pretty(api));
    System.out.printf("Bundled %d operations from %s into %s%n", countOperations(api), root, out);
  }

  /**
   * swagger-parser inlines every referenced parameter while resolving, yet keeps the component:
   * the bundle would repeat each shared parameter in every operation and list the components as
   * unused. Each inlined copy of a component is turned back into a reference to it.
   */
  private static void restoreParameterReferences(OpenAPI api) {
    Map<String, Parameter> components = api.getComponents() == null ? null : api.getComponents().getParameters();
    if (components == null) {
      return;
    }
    api.getPaths().values().forEach(item -> {
      replaceWithReferences(item.getParameters(), components);
      item.readOperations().forEach(op -> replaceWithReferences(op.getParameters(), components));
    });
  }

  private static void replaceWithReferences(List<Parameter> parameters, Map<String, Parameter> components) {
    if (parameters == null) {
      return;
    }
    parameters.replaceAll(p -> components.entrySet().stream()
        .filter(c -> c.getValue().equals(p))
        .findFirst()
        .map(c -> new Parameter().$ref("#/components/parameters/" + c.getKey()))
        .orElse(p));
  }

  private static List<String> duplicateOperationIds(OpenAPI api) {
    Map<String, String> seen = new HashMap<>();
    List<String> problems = new ArrayList<>();
    api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
      String where = method + " " + path;
      String previous = seen.putIfAbsent(op.getOperationId(), where);
      if (previous != null) {
        problems.add("operationId " + op.getOperationId() + " is used by " + previous + " and " + where);
      }
    }));
    return problems;
  }

  private static List<String> renamedComponents(OpenAPI api) {
    if (api.getComponents() == null) {
      return List.of();
    }
    var c = api.getComponents();
    return Stream.of(c.getSchemas(), c.getParameters(), c.getResponses(), c.getExamples(), c.getRequestBodies())
        .filter(Objects::nonNull)
        .flatMap(m -> m.keySet().stream())
        .filter(name -> RENAMED_COMPONENT.matcher(name).matches())
        .map(name -> "component " + name + " was renamed while bundling: two files define the same name")
        .toList();
  }

  /**
   * swagger-core's YAML writer leaves strings unquoted where it can, so a string example such as
   * 2021-03-06 would be read back as a date by other YAML readers (Prism's among them). This
   * writer also quotes every string that starts like a date.
   */
  private static ObjectWriter bundleWriter() {
    YAMLFactory factory = YAMLFactory.builder()
        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
        .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
        .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
        .disable(YAMLGenerator.Feature.SPLIT_LINES)
        .stringQuotingChecker(new StringQuotingChecker.Default() {
          @Override
          public boolean needToQuoteValue(String value) {
            return DATE_LIKE.matcher(value).lookingAt() || super.needToQuoteValue(value);
          }
        })
        .build();
    return Yaml.mapper().copyWith(factory).writerWithDefaultPrettyPrinter();
  }

  private static long countOperations(OpenAPI api) {
    return api.getPaths().values().stream().mapToLong(item -> item.readOperations().size()).sum();
  }
}
