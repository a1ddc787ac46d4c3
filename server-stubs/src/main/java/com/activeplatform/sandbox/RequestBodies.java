package com.activeplatform.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** The raw request body, kept by {@link RequestBodyFilter} before JAX-RS binds it, and its fields. */
final class RequestBodies {

  /** Request property holding the body's bytes. */
  static final String PROPERTY = "sandbox.body";

  private RequestBodies() {}

  static byte[] raw(ContainerRequestContext request) {
    Object body = request.getProperty(PROPERTY);
    return body instanceof byte[] bytes ? bytes : new byte[0];
  }

  /**
   * @param raw an application/x-www-form-urlencoded body
   * @param mapper makes the nodes
   * @return its fields as text; a repeated field becomes an array
   */
  static ObjectNode parseForm(byte[] raw, ObjectMapper mapper) {
    ObjectNode fields = mapper.createObjectNode();
    for (String pair : new String(raw, StandardCharsets.UTF_8).split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      String[] parts = pair.split("=", 2);
      String name = decode(parts[0]);
      String value = parts.length > 1 ? decode(parts[1]) : "";
      JsonNode existing = fields.get(name);
      if (existing == null) {
        fields.put(name, value);
      } else if (existing instanceof ArrayNode array) {
        array.add(value);
      } else {
        fields.putArray(name).add(existing).add(value);
      }
    }
    return fields;
  }

  /** URL-decodes form text; malformed escapes are kept as they are (validation then reports the field). */
  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return text;
    }
  }

  /**
   * The fields a write request carries: the {@code data.attributes} of a JSON:API document, or the
   * fields of a form (a repeated field becomes an array).
   */
  static ObjectNode fields(ContainerRequestContext request, ObjectMapper mapper) {
    byte[] raw = raw(request);
    ObjectNode fields = mapper.createObjectNode();
    if (raw.length == 0) {
      return fields;
    }
    String type = request.getMediaType() == null ? "" : request.getMediaType().getSubtype();
    if (type.equals("x-www-form-urlencoded")) {
      return parseForm(raw, mapper);
    }
    try {
      JsonNode attributes = mapper.readTree(raw).path("data").path("attributes");
      return attributes instanceof ObjectNode object ? object : fields;
    } catch (IOException e) {
      return fields;
    }
  }
}
