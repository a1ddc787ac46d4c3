package com.activeplatform.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Request;
import feign.Response;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Turns every non-2xx answer into an {@link ActivePlatformException}, whatever the error format. */
final class ErrorResponseDecoder implements ErrorDecoder {

  /** Error bodies are small; a larger one is cut, not buffered whole. */
  private static final int MAX_BODY_BYTES = 1 << 20;

  private final ObjectMapper mapper;

  ErrorResponseDecoder(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public Exception decode(String methodKey, Response response) {
    String body = readBody(response);
    Request request = response.request();
    return new ActivePlatformException(response.status(), request.httpMethod().name(),
        TokenRedaction.pathAndQuery(request.url()), parseErrors(body), body);
  }

  /**
   * Reads v3 {@code {"errors": [...]}} (the platform also sends a single object instead of a
   * list) and v1/v2 {@code {"error": "..."}}; anything else yields no errors.
   */
  List<ApiError> parseErrors(String body) {
    JsonNode root;
    try {
      root = mapper.readTree(body);
    } catch (JsonProcessingException e) {
      return List.of();
    }
    List<ApiError> errors = new ArrayList<>();
    if (root == null || !root.isObject()) {
      return errors;
    }
    JsonNode list = root.get("errors");
    if (list != null && list.isArray()) {
      list.forEach(e -> errors.add(toError(e)));
    } else if (list != null && list.isObject()) {
      errors.add(toError(list));
    } else if (root.path("error").isTextual()) {
      errors.add(new ApiError(null, null, root.get("error").asText(), null, null, null));
    }
    return errors;
  }

  private static ApiError toError(JsonNode e) {
    JsonNode source = e.path("source");
    return new ApiError(text(e, "status"), text(e, "code"), text(e, "title"), text(e, "detail"),
        text(source, "pointer"), text(source, "parameter"));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static String readBody(Response response) {
    if (response.body() == null) {
      return "";
    }
    try (InputStream in = response.body().asInputStream()) {
      return new String(in.readNBytes(MAX_BODY_BYTES), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
