package com.activeplatform.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Builds a value from a schema alone, for {@code Prefer: dynamic=true}: each property's example,
 * default or first enum value, else a value of its type and format. Deterministic, so answers can
 * be prepared once.
 */
final class SchemaSamples {

  private static final int MAX_DEPTH = 10;

  private final OpenAPI api;
  private final ObjectMapper mapper;

  SchemaSamples(OpenAPI api, ObjectMapper mapper) {
    this.api = api;
    this.mapper = mapper;
  }

  JsonNode sample(Schema<?> schema) {
    return sample(schema, 0);
  }

  @SuppressWarnings("rawtypes")
  private JsonNode sample(Schema<?> schema, int depth) {
    if (schema == null || depth > MAX_DEPTH) {
      return mapper.getNodeFactory().nullNode();
    }
    if (schema.get$ref() != null) {
      return sample(ApiSpec.dereference(api, schema), depth + 1);
    }
    if (schema.getExample() != null) {
      return mapper.valueToTree(schema.getExample());
    }
    if (schema.getDefault() != null) {
      return mapper.valueToTree(schema.getDefault());
    }
    if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
      return mapper.valueToTree(schema.getEnum().get(0));
    }
    if (schema.getAllOf() != null && !schema.getAllOf().isEmpty()) {
      return sample(schema.getAllOf().get(0), depth + 1);
    }
    String type = schema.getType() != null ? schema.getType() : schema.getProperties() != null ? "object" : "string";
    String format = schema.getFormat() == null ? "" : schema.getFormat();
    return switch (type) {
      case "object" -> {
        ObjectNode object = mapper.createObjectNode();
        Map<String, Schema> properties = schema.getProperties() == null ? Map.of() : schema.getProperties();
        properties.forEach((name, property) -> object.set(name, sample(property, depth + 1)));
        yield object;
      }
      case "array" -> {
        ArrayNode array = mapper.createArrayNode();
        array.add(sample(schema.getItems(), depth + 1));
        yield array;
      }
      case "integer" -> mapper.getNodeFactory().numberNode(schema.getMinimum() != null ? schema.getMinimum().longValue() : 1L);
      case "number" -> mapper.getNodeFactory().numberNode(schema.getMinimum() != null ? schema.getMinimum().doubleValue() : 1.0);
      case "boolean" -> mapper.getNodeFactory().booleanNode(true);
      default -> mapper.getNodeFactory().textNode(switch (format) {
        case "date-time" -> OffsetDateTime.of(2021, 3, 6, 12, 0, 0, 0, ZoneOffset.ofHours(3)).toString();
        case "date" -> LocalDate.of(2021, 3, 6).toString();
        case "uuid" -> "9b68427b-52d5-4c01-9b77-eb1b70517414";
        case "email" -> "john.smith@example.com";
        default -> "string";
      });
    };
  }
}
