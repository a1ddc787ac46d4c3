package com.activeplatform.sandbox;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
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
import io.swagger.v3.oas.models.media.Schema;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Checks requests against the spec with swagger-request-validator: path, query and header
 * parameters (types, formats, enums, required), unknown query parameters, and bodies. Form bodies
 * are checked as the typed object they stand for (the library would guess each field's type from
 * its text, so {@code building=1} would fail a string field).
 */
final class RequestValidation {

  static final String FORM = "application/x-www-form-urlencoded";

  private final OpenAPI api;
  private final OpenApiInteractionValidator full;
  private final OpenApiInteractionValidator withoutBody;
  private final SchemaValidator schemas;
  private final ObjectMapper mapper;

  RequestValidation(OpenAPI api, ObjectMapper mapper) {
    this.api = api;
    this.mapper = mapper;
    // the token filter answers missing tokens, JAX-RS answers media types: not repeated here
    LevelResolver.Builder levels = LevelResolver.create()
        .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
        .withLevel("validation.request.contentType", ValidationReport.Level.IGNORE)
        .withLevel("validation.request.accept", ValidationReport.Level.IGNORE)
        .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.ERROR);
    this.full = OpenApiInteractionValidator.createFor(api).withLevelResolver(levels.build()).build();
    this.withoutBody = OpenApiInteractionValidator.createFor(api)
        .withLevelResolver(levels.withLevel("validation.request.body", ValidationReport.Level.IGNORE).build()).build();
    this.schemas = new SchemaValidator(api, new MessageResolver());
  }

  /**
   * @param request the request
   * @param operation the operation it was routed to
   * @return the errors found; empty when the request is valid
   */
  List<ValidationReport.Message> validate(ContainerRequestContext request, ApiSpec.SpecOperation operation) {
    byte[] body = RequestBodies.raw(request);
    String contentType = request.getHeaderString("Content-Type");
    boolean form = contentType != null && contentType.toLowerCase().startsWith(FORM);
    SimpleRequest.Builder simple = new SimpleRequest.Builder(request.getMethod(), request.getUriInfo().getPath(true).startsWith("/")
        ? request.getUriInfo().getPath(true) : "/" + request.getUriInfo().getPath(true));
    request.getUriInfo().getQueryParameters().forEach((name, values) -> {
      if (operation.tokens().stream().noneMatch(t -> !t.header() && t.name().equals(name))) {
        simple.withQueryParam(name, values);
      }
    });
    request.getHeaders().forEach((name, values) -> simple.withHeader(name, values));
    if (body.length > 0 && !form) {
      simple.withBody(new String(body, StandardCharsets.UTF_8));
    }
    ValidationReport report = (form ? withoutBody : full).validateRequest(simple.build());
    if (form && operation.requestMediaType() != null) {
      report = report.merge(validateForm(body, operation));
    }
    return report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR).toList();
  }

  private ValidationReport validateForm(byte[] body, ApiSpec.SpecOperation operation) {
    var content = operation.model().getRequestBody().getContent().get(FORM);
    if (content == null || content.getSchema() == null) {
      return ValidationReport.empty();
    }
    Schema<?> schema = resolve(content.getSchema());
    JsonNode typed = typedForm(RequestBodies.parseForm(body, mapper), schema);
    return schemas.validate(() -> typed, schema, "validation.request.body");
  }

  private Schema<?> resolve(Schema<?> schema) {
    return schema.get$ref() == null ? schema
        : api.getComponents().getSchemas().get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
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
