package com.activeplatform.sandbox;

import com.atlassian.oai.validator.interaction.request.RequestValidator;
import com.atlassian.oai.validator.model.ApiOperation;
import com.atlassian.oai.validator.model.ApiPathImpl;
import com.atlassian.oai.validator.model.NormalisedPathImpl;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks requests against the spec with swagger-request-validator: path, query and header
 * parameters (types, formats, enums, required), unknown query parameters, and bodies. Form bodies
 * are checked as the typed object they stand for (the library would guess each field's type from
 * its text, so {@code building=1} would fail a string field).
 *
 * <p>JAX-RS has already matched the operation, so the library's own search over every path is
 * skipped. Verdicts on requests without a body are remembered (a bounded cache): repeated reads,
 * the bulk of a partner's traffic, are validated once.
 */
final class RequestValidation {

  static final String FORM = "application/x-www-form-urlencoded";
  private static final int MAX_REMEMBERED = 10_000;

  private final OpenAPI api;
  private final ObjectMapper mapper;
  private final RequestValidator full;
  private final RequestValidator withoutBody;
  private final SchemaValidator schemas;
  private final Map<String, ApiPathImpl> paths = new ConcurrentHashMap<>();
  private final Map<String, List<ValidationReport.Message>> remembered = new ConcurrentHashMap<>();

  RequestValidation(OpenAPI api, ObjectMapper mapper) {
    this.api = api;
    this.mapper = mapper;
    // the token filter answers missing tokens, JAX-RS answers media types, and unknown query
    // parameters are checked here (the library builds a regex from each parameter name, which
    // breaks on names such as resources[][id])
    LevelResolver.Builder levels = LevelResolver.create()
        .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
        .withLevel("validation.request.contentType", ValidationReport.Level.IGNORE)
        .withLevel("validation.request.accept", ValidationReport.Level.IGNORE)
        .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.IGNORE);
    MessageResolver messages = new MessageResolver(levels.build());
    MessageResolver messagesWithoutBody = new MessageResolver(
        levels.withLevel("validation.request.body", ValidationReport.Level.IGNORE).build());
    this.schemas = new SchemaValidator(api, messages);
    this.full = new RequestValidator(schemas, messages, api, List.of());
    // form bodies are not handed to the library, so its schema validator only sees parameters here
    this.withoutBody = new RequestValidator(schemas, messagesWithoutBody, api, List.of());
  }

  /** @return the schema validator built from the spec (costly to build: share it) */
  SchemaValidator schemas() {
    return schemas;
  }

  /**
   * @param request the request
   * @param operation the operation it was routed to
   * @return the errors found; empty when the request is valid
   */
  List<ValidationReport.Message> validate(ContainerRequestContext request, ApiSpec.SpecOperation operation) {
    byte[] body = RequestBodies.raw(request);
    if (body.length > 0) {
      return check(request, operation, body);
    }
    String key = operation.operationId() + ' ' + request.getUriInfo().getRequestUri().getRawPath() + '?'
        + request.getUriInfo().getRequestUri().getRawQuery() + ' ' + request.getHeaderString(ApiErrors.LOCALE_HEADER)
        + ' ' + request.getHeaderString("Content-Type");
    List<ValidationReport.Message> known = remembered.get(key);
    if (known != null) {
      return known;
    }
    List<ValidationReport.Message> verdict = check(request, operation, body);
    if (remembered.size() >= MAX_REMEMBERED) {
      remembered.clear();
    }
    remembered.put(key, verdict);
    return verdict;
  }

  private List<ValidationReport.Message> check(ContainerRequestContext request, ApiSpec.SpecOperation operation, byte[] body) {
    String contentType = request.getHeaderString("Content-Type");
    boolean form = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(FORM);
    String path = request.getUriInfo().getPath(true);
    path = path.startsWith("/") ? path : "/" + path;
    SimpleRequest.Builder simple = new SimpleRequest.Builder(request.getMethod(), path);
    request.getUriInfo().getQueryParameters().forEach((name, values) -> {
      if (operation.queryParameters().contains(name)) { // unknown ones are reported by unknownQueryParameters
        simple.withQueryParam(name, values);
      }
    });
    request.getHeaders().forEach(simple::withHeader);
    if (body.length > 0 && !form) {
      simple.withBody(new String(body, StandardCharsets.UTF_8));
    }
    ApiPathImpl apiPath = paths.computeIfAbsent(operation.path(), template -> new ApiPathImpl(template, null));
    ApiOperation apiOperation = new ApiOperation(apiPath, new NormalisedPathImpl(path, null),
        PathItem.HttpMethod.valueOf(operation.method()), operation.model());
    ValidationReport report = (form ? withoutBody : full).validateRequest(simple.build(), apiOperation)
        .merge(unknownQueryParameters(request, operation));
    if (form && operation.requestMediaType() != null) {
      report = report.merge(validateForm(body, operation));
    }
    return report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR).toList();
  }

  private static ValidationReport unknownQueryParameters(ContainerRequestContext request, ApiSpec.SpecOperation operation) {
    // the operation's token parameter is the token filter's business
    return request.getUriInfo().getQueryParameters().keySet().stream()
        .filter(name -> !operation.queryParameters().contains(name)
            && operation.tokens().stream().noneMatch(t -> !t.header() && t.name().equals(name)))
        .map(name -> ValidationReport.singleton(ValidationReport.Message.create("validation.request.parameter.query.unexpected",
            "Query parameter '" + name + "' is unexpected").build()))
        .reduce(ValidationReport.empty(), ValidationReport::merge);
  }

  private ValidationReport validateForm(byte[] body, ApiSpec.SpecOperation operation) {
    var content = operation.model().getRequestBody().getContent().get(FORM);
    if (content == null || content.getSchema() == null) {
      return ValidationReport.empty();
    }
    Schema<?> schema = ApiSpec.dereference(api, content.getSchema());
    JsonNode typed = typedForm(RequestBodies.parseForm(body, mapper), schema);
    return schemas.validate(() -> typed, schema, "request.body");
  }

  /** Each form field given the type its schema property says; text that does not parse stays text. */
  @SuppressWarnings("rawtypes")
  private ObjectNode typedForm(ObjectNode fields, Schema<?> schema) {
    Map<String, Schema> properties = schema.getProperties() == null ? Map.of() : schema.getProperties();
    ObjectNode typed = mapper.createObjectNode();
    fields.fields().forEachRemaining(field -> {
      Schema<?> property = properties.get(field.getKey());
      if (property != null && "array".equals(property.getType())) {
        ArrayNode array = typed.putArray(field.getKey());
        JsonNode values = field.getValue();
        (values.isArray() ? values : mapper.createArrayNode().add(values))
            .forEach(v -> array.add(scalar(v.asText(), property.getItems())));
      } else {
        typed.set(field.getKey(), scalar(field.getValue().isArray() ? field.getValue().get(0).asText()
            : field.getValue().asText(), property));
      }
    });
    return typed;
  }

  private JsonNode scalar(String text, Schema<?> schema) {
    String type = schema == null || schema.getType() == null ? "string" : schema.getType();
    try {
      return switch (type) {
        case "integer" -> mapper.getNodeFactory().numberNode(Long.parseLong(text));
        case "number" -> mapper.getNodeFactory().numberNode(new java.math.BigDecimal(text));
        case "boolean" -> text.equals("true") || text.equals("false")
            ? mapper.getNodeFactory().booleanNode(Boolean.parseBoolean(text)) : mapper.getNodeFactory().textNode(text);
        default -> mapper.getNodeFactory().textNode(text);
      };
    } catch (NumberFormatException e) {
      return mapper.getNodeFactory().textNode(text);
    }
  }
}
