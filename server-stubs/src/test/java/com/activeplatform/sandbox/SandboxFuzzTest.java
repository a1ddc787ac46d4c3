package com.activeplatform.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.activeplatform.sandbox.ApiSpec.SpecOperation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fires a few thousand requests generated from the spec at the sandbox: each operation's valid
 * request (from its examples), then mutations of it (parameters of the wrong type or length,
 * parameters and body fields dropped, fields of the wrong type, garbage bodies, wrong media
 * types and methods, hostile headers). No answer may be a 5xx, every error must come in the
 * API generation's error format, and the server must keep serving.
 */
class SandboxFuzzTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final List<String> BAD_VALUES = List.of("abc", "-1", "99999999999999999999", "", "x".repeat(3000),
      "1,,2", "true", "{}", "%00", "' OR 1=1 --", "../../etc/passwd", "\u0000\uFFFF");
  private static final List<byte[]> BAD_BODIES = List.of(bytes(""), bytes("{"), bytes("null"), bytes("[]"), bytes("\"text\""),
      bytes("{\"data\":null}"), bytes("{\"data\":{\"attributes\":[]}}"), bytes("[".repeat(5000)),
      new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF}, bytes("a=%zz&=&&=="), bytes("{\"data\":{\"attributes\":{\"x\":1e999999}}}"));

  private static SandboxServer sandbox;
  private static ApiSpec spec;

  @BeforeAll
  static void start() throws Exception {
    sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0));
    spec = ApiSpec.loadBundled();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void noMutatedRequestGetsA5xxOrAMalformedError() throws Exception {
    Random random = new Random(20261204);
    List<String> failures = new ArrayList<>();
    int sent = 0;
    for (SpecOperation op : spec.operations().values()) {
      for (Variant variant : variants(op, random)) {
        HttpResponse<String> response = HTTP.send(variant.request().build(), HttpResponse.BodyHandlers.ofString());
        sent++;
        problem(op, response).ifPresent(p -> failures.add(op.operationId() + " [" + variant.name() + "]: " + p));
      }
    }
    System.out.printf("Sandbox fuzz: %d requests over %d operations, %d failures%n", sent, spec.operations().size(), failures.size());
    assertThat(sent).isGreaterThan(2000);
    assertThat(failures).isEmpty();
    HttpResponse<String> after = HTTP.send(HttpRequest.newBuilder(sandbox.baseUri().resolve("/api/v3/resellers/1/subscriptions/3007381"))
        .header("X-Api-Token", "t").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(after.statusCode()).as("still serving").isEqualTo(200);
  }

  private static java.util.Optional<String> problem(SpecOperation op, HttpResponse<String> response) {
    int status = response.statusCode();
    if (status >= 500) {
      return java.util.Optional.of("status " + status + ": " + abbreviate(response.body()));
    }
    if (status < 400) {
      return java.util.Optional.empty();
    }
    try {
      JsonNode body = JSON.readTree(response.body());
      boolean v3 = response.uri().getRawPath().startsWith("/api/v3/");
      // v3: a list of errors, or the single error object some methods document (Cancel payment's refusal)
      JsonNode error = body.path("errors").isArray() ? body.path("errors").path(0) : body.path("errors");
      boolean wellFormed = v3
          ? error.path("title").isTextual() && error.path("status").isTextual()
          : body.path("error").isTextual();
      return wellFormed ? java.util.Optional.empty()
          : java.util.Optional.of("status " + status + " without a " + (v3 ? "JSON:API" : "v1") + " error: " + abbreviate(response.body()));
    } catch (Exception e) {
      return java.util.Optional.of("status " + status + " with a body that is not JSON: " + abbreviate(response.body()));
    }
  }

  private record Variant(String name, HttpRequest.Builder request) {}

  private static List<Variant> variants(SpecOperation op, Random random) {
    Request base = Request.valid(op);
    List<Variant> variants = new ArrayList<>();
    variants.add(new Variant("valid", base.build()));
    for (Parameter p : base.parameters) {
      for (String bad : pick(BAD_VALUES, 4, random)) {
        variants.add(new Variant(p.getName() + "=" + abbreviate(bad), base.with(r -> r.set(p, bad)).build()));
      }
      if (!"path".equals(p.getIn())) {
        variants.add(new Variant("without " + p.getName(), base.with(r -> r.drop(p)).build()));
      }
    }
    variants.add(new Variant("unknown query parameter", base.with(r -> r.extraQuery("unknown_" + random.nextInt(1000), "1")).build()));
    variants.add(new Variant("no token", base.with(Request::withoutToken).build()));
    variants.add(new Variant("odd locale", base.with(r -> r.header("X-Api-Locale", "xx-\u00e9")).build()));
    variants.add(new Variant("garbage Prefer", base.with(r -> r.header("Prefer", "code=abc, example=, delay=-5, dynamic=maybe")).build()));
    variants.add(new Variant("wrong method", base.with(r -> r.method(op.method().equals("DELETE") ? "PUT" : "DELETE")).build()));
    if (base.body != null) {
      for (byte[] bad : BAD_BODIES) {
        variants.add(new Variant("body " + abbreviate(new String(bad, StandardCharsets.ISO_8859_1)), base.with(r -> r.body(bad)).build()));
      }
      variants.add(new Variant("text/plain body", base.with(r -> r.contentType("text/plain")).build()));
      variants.add(new Variant("xml body", base.with(r -> r.contentType("application/xml")).build()));
      if (base.jsonBody() != null) {
        for (String pointer : leaves(base.jsonBody(), "")) {
          variants.add(new Variant("drop " + pointer, base.with(r -> r.jsonBody(without(base.jsonBody(), pointer))).build()));
          variants.add(new Variant("flip " + pointer, base.with(r -> r.jsonBody(flipped(base.jsonBody(), pointer))).build()));
        }
      }
    }
    return variants;
  }

  /** A request of an operation, built from its examples; immutable, {@link #with} derives variants. */
  private static final class Request {
    private final SpecOperation op;
    private final List<Parameter> parameters;
    private final Map<String, String> values;
    private final Map<String, String> extraQuery;
    private final Map<String, String> headers;
    private final String method;
    private final String contentType;
    private final byte[] body;
    private boolean token = true;

    private Request(SpecOperation op, List<Parameter> parameters, Map<String, String> values, Map<String, String> extraQuery,
        Map<String, String> headers, String method, String contentType, byte[] body) {
      this.op = op;
      this.parameters = parameters;
      this.values = values;
      this.extraQuery = extraQuery;
      this.headers = headers;
      this.method = method;
      this.contentType = contentType;
      this.body = body;
    }

    static Request valid(SpecOperation op) {
      List<Parameter> parameters = op.model().getParameters() == null ? List.of() : op.model().getParameters();
      Map<String, String> values = new LinkedHashMap<>();
      for (Parameter p : parameters) {
        values.put(p.getName(), text(p.getExample() != null ? p.getExample() : p.getSchema().getExample() != null
            ? p.getSchema().getExample() : p.getSchema().getDefault()));
      }
      byte[] body = null;
      String contentType = op.requestMediaType();
      if (contentType != null) {
        var media = op.model().getRequestBody().getContent().get(contentType);
        Object example = media.getExamples() != null && !media.getExamples().isEmpty()
            ? exampleValue(media.getExamples().values().iterator().next()) : media.getExample();
        body = contentType.equals("application/x-www-form-urlencoded") ? bytes(formEncode(JSON.convertValue(example, Map.class)))
            : bytes(String.valueOf(JSON.valueToTree(example)));
      }
      return new Request(op, parameters, values, new LinkedHashMap<>(), new LinkedHashMap<>(), op.method(), contentType, body);
    }

    Request with(UnaryOperator<Request> change) {
      Request copy = new Request(op, parameters, new LinkedHashMap<>(values), new LinkedHashMap<>(extraQuery),
          new LinkedHashMap<>(headers), method, contentType, body);
      copy.token = token;
      return change.apply(copy);
    }

    Request set(Parameter p, String value) {
      values.put(p.getName(), value);
      return this;
    }

    Request drop(Parameter p) {
      values.remove(p.getName());
      return this;
    }

    Request extraQuery(String name, String value) {
      extraQuery.put(name, value);
      return this;
    }

    Request header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    Request withoutToken() {
      token = false;
      return this;
    }

    Request method(String newMethod) {
      return new Request(op, parameters, values, extraQuery, headers, newMethod, contentType, body).tokenFrom(this);
    }

    Request body(byte[] newBody) {
      return new Request(op, parameters, values, extraQuery, headers, method, contentType, newBody).tokenFrom(this);
    }

    Request contentType(String type) {
      return new Request(op, parameters, values, extraQuery, headers, method, type, body).tokenFrom(this);
    }

    Request jsonBody(JsonNode json) {
      return body(bytes(json.toString()));
    }

    JsonNode jsonBody() {
      if (body == null || contentType == null || !contentType.contains("json")) {
        return null;
      }
      try {
        return JSON.readTree(body);
      } catch (Exception e) {
        return null;
      }
    }

    private Request tokenFrom(Request other) {
      token = other.token;
      return this;
    }

    HttpRequest.Builder build() {
      String path = op.path();
      List<String> query = new ArrayList<>();
      for (Parameter p : parameters) {
        String value = values.get(p.getName());
        if ("path".equals(p.getIn())) {
          path = path.replace("{" + p.getName() + "}", encode(value == null ? "1" : value));
        } else if ("query".equals(p.getIn()) && value != null) {
          query.add(encode(p.getName()) + "=" + encode(value));
        }
      }
      extraQuery.forEach((name, value) -> query.add(encode(name) + "=" + encode(value)));
      op.tokens().stream().filter(t -> token && !t.header()).forEach(t -> query.add(t.name() + "=fuzz"));
      HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(sandbox.baseUri() + path
          + (query.isEmpty() ? "" : "?" + String.join("&", query))));
      op.tokens().stream().filter(t -> token && t.header()).forEach(t -> builder.header(t.name(), "fuzz"));
      for (Parameter p : parameters) {
        String value = values.get(p.getName());
        if ("header".equals(p.getIn()) && value != null && value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
          builder.header(p.getName(), value);
        }
      }
      headers.forEach((name, value) -> builder.header(name, value.replaceAll("[^\\x20-\\x7e]", "?")));
      if (contentType != null) {
        builder.header("Content-Type", contentType);
      }
      return builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    }
  }

  private static Object exampleValue(io.swagger.v3.oas.models.examples.Example example) {
    if (example.get$ref() != null) {
      String name = example.get$ref().substring(example.get$ref().lastIndexOf('/') + 1);
      return spec.openApi().getComponents().getExamples().get(name).getValue();
    }
    return example.getValue();
  }

  private static List<String> leaves(JsonNode node, String pointer) {
    List<String> leaves = new ArrayList<>();
    if (node.isObject()) {
      node.fields().forEachRemaining(f -> leaves.addAll(leaves(f.getValue(), pointer + "/" + f.getKey())));
    } else if (!node.isArray() && !pointer.isEmpty()) {
      leaves.add(pointer);
    }
    return leaves;
  }

  private static JsonNode without(JsonNode root, String pointer) {
    JsonNode copy = root.deepCopy();
    int cut = pointer.lastIndexOf('/');
    ((ObjectNode) copy.at(pointer.substring(0, cut))).remove(pointer.substring(cut + 1));
    return copy;
  }

  private static JsonNode flipped(JsonNode root, String pointer) {
    JsonNode copy = root.deepCopy();
    int cut = pointer.lastIndexOf('/');
    ObjectNode parent = (ObjectNode) copy.at(pointer.substring(0, cut));
    String field = pointer.substring(cut + 1);
    JsonNode value = parent.get(field);
    if (value.isTextual()) {
      parent.put(field, 12345);
    } else if (value.isNumber()) {
      parent.put(field, "not a number");
    } else {
      parent.putArray(field).add("x");
    }
    return copy;
  }

  private static <T> List<T> pick(List<T> all, int count, Random random) {
    List<T> picked = new ArrayList<>(all);
    java.util.Collections.shuffle(picked, random);
    return picked.subList(0, Math.min(count, picked.size()));
  }

  private static String text(Object example) {
    if (example == null) {
      return null;
    }
    if (example instanceof Collection<?> list) {
      return list.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
    JsonNode node = JSON.valueToTree(example);
    return node.isArray() ? java.util.stream.StreamSupport.stream(node.spliterator(), false).map(JsonNode::asText)
        .collect(Collectors.joining(",")) : node.asText();
  }

  private static String formEncode(Map<?, ?> form) {
    List<String> pairs = new ArrayList<>();
    form.forEach((name, value) -> (value instanceof Collection<?> list ? list : List.of(value))
        .forEach(v -> pairs.add(encode(String.valueOf(name)) + "=" + encode(String.valueOf(v)))));
    return String.join("&", pairs);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String abbreviate(String text) {
    String oneLine = text.replaceAll("\\s+", " ");
    return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 60) + "...";
  }
}
