package com.activeplatform.client;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A non-2xx answer of the API. Carries the HTTP status, the parsed errors of either error format,
 * the request method and path (the {@code api_token} parameter removed) and the raw body.
 */
public class ActivePlatformException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String method;
  private final String path;
  private final transient List<ApiError> errors;
  private final String body;

  /**
   * @param status the HTTP status
   * @param method the request method
   * @param path the request path and query, without the token
   * @param errors the parsed errors (empty when the body had none or could not be parsed)
   * @param body the raw body (empty when there was none)
   */
  public ActivePlatformException(int status, String method, String path, List<ApiError> errors, String body) {
    super(describe(status, method, path, errors, body));
    this.status = status;
    this.method = method;
    this.path = path;
    this.errors = List.copyOf(errors);
    this.body = body;
  }

  /** @return the HTTP status */
  public int status() {
    return status;
  }

  /** @return the request method */
  public String method() {
    return method;
  }

  /** @return the request path and query, without the token */
  public String path() {
    return path;
  }

  /** @return the parsed errors; empty when the body carried none */
  public List<ApiError> errors() {
    return errors;
  }

  /** @return the raw response body; empty when there was none */
  public String body() {
    return body;
  }

  private static String describe(int status, String method, String path, List<ApiError> errors, String body) {
    String what = errors.isEmpty()
        ? (body.isBlank() ? "no body" : "unparsed body: " + abbreviate(body))
        : errors.stream().map(ApiError::message).collect(Collectors.joining("; "));
    return "HTTP " + status + " on " + method + " " + path + ": " + what;
  }

  private static String abbreviate(String text) {
    String oneLine = text.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
  }
}
