package com.activeplatform.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Request;
import feign.Response;
import feign.RetryableException;
import feign.codec.ErrorDecoder;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Turns every non-2xx answer into the matching {@link ActivePlatformException}, whatever the
 * error format. Answers worth repeating (429, 502, 503, 504) are handed to the retryer wrapped in
 * Feign's {@link RetryableException}; the retryer throws the ActivePlatformException when it
 * gives up.
 */
final class ErrorResponseDecoder implements ErrorDecoder {

  private static final Set<Integer> RETRYABLE = Set.of(429, 502, 503, 504);

  private final ObjectMapper mapper;

  ErrorResponseDecoder(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public Exception decode(String methodKey, Response response) {
    String body = Bodies.read(response);
    Request request = response.request();
    Duration retryAfter = retryAfter(response.headers().get("Retry-After"));
    ActivePlatformException error = ActivePlatformException.of(response.status(), request.httpMethod().name(),
        TokenRedaction.pathAndQuery(request.url()), parseErrors(body), body, retryAfter);
    if (!RETRYABLE.contains(response.status())) {
      return error;
    }
    Long retryAt = retryAfter == null ? null : System.currentTimeMillis() + retryAfter.toMillis();
    return new RetryableException(response.status(), error.getMessage(), request.httpMethod(), error, retryAt, request);
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

  /** Retry-After as delta-seconds or an HTTP date; null when absent or unreadable. */
  static Duration retryAfter(Collection<String> values) {
    if (values == null || values.isEmpty()) {
      return null;
    }
    String value = values.iterator().next().strip();
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
    } catch (NumberFormatException notSeconds) {
      try {
        Duration until = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
        return until.isNegative() ? Duration.ZERO : until;
      } catch (DateTimeParseException unreadable) {
        return null;
      }
    }
  }
}
