package com.activeplatform.client;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A failed call: a non-2xx answer of the API, an answer that could not be read, or no answer at
 * all. Carries the HTTP status, the parsed errors of either error format, the request method and
 * path (the {@code api_token} parameter removed) and the raw body.
 *
 * <p>Catch a subclass for one kind of failure ({@link NotFound}, {@link Unprocessable},
 * {@link RateLimited}, {@link ServerError}, ...) or this class for all of them.
 */
public class ActivePlatformException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String method;
  private final String path;
  private final transient List<ApiError> errors;
  private final String body;

  /**
   * @param status the HTTP status (0 when there was no answer)
   * @param method the request method
   * @param path the request path and query, without the token
   * @param errors the parsed errors (empty when the body had none or could not be parsed)
   * @param body the raw body (empty when there was none)
   */
  public ActivePlatformException(int status, String method, String path, List<ApiError> errors, String body) {
    this(describe(status, method, path, errors, body), status, method, path, errors, body, null);
  }

  ActivePlatformException(String message, int status, String method, String path, List<ApiError> errors, String body,
      Throwable cause) {
    super(message, cause);
    this.status = status;
    this.method = method;
    this.path = path;
    this.errors = List.copyOf(errors);
    this.body = body;
  }

  /**
   * The exception for an error answer: the subclass that matches its status.
   *
   * @param status the HTTP status
   * @param method the request method
   * @param path the request path and query, without the token
   * @param errors the parsed errors
   * @param body the raw body
   * @param retryAfter the server's Retry-After, if it sent one
   * @return the exception
   */
  public static ActivePlatformException of(int status, String method, String path, List<ApiError> errors, String body,
      Duration retryAfter) {
    return switch (status) {
      case 400 -> new BadRequest(status, method, path, errors, body);
      case 401 -> new Unauthorized(status, method, path, errors, body);
      case 403 -> new Forbidden(status, method, path, errors, body);
      case 404 -> new NotFound(status, method, path, errors, body);
      case 422 -> new Unprocessable(status, method, path, errors, body);
      case 429 -> new RateLimited(status, method, path, errors, body, retryAfter);
      default -> status >= 500
          ? new ServerError(status, method, path, errors, body)
          : new ActivePlatformException(status, method, path, errors, body);
    };
  }

  /** @return the HTTP status; 0 when there was no answer */
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

  /** @return the first parsed error, if any */
  public Optional<ApiError> firstError() {
    return errors.stream().findFirst();
  }

  /** @return the raw response body; empty when there was none */
  public String body() {
    return body;
  }

  static String describe(int status, String method, String path, List<ApiError> errors, String body) {
    String what = errors.isEmpty()
        ? (body.isBlank() ? "no body" : "unparsed body: " + abbreviate(body))
        : errors.stream().map(ApiError::message).collect(Collectors.joining("; "));
    return "HTTP " + status + " on " + method + " " + path + ": " + what;
  }

  static String abbreviate(String text) {
    String oneLine = text.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
  }

  /** 400: the request is malformed. */
  public static class BadRequest extends ActivePlatformException {
    private static final long serialVersionUID = 1L;

    BadRequest(int status, String method, String path, List<ApiError> errors, String body) {
      super(status, method, path, errors, body);
    }
  }

  /** 401: the token is missing or not valid. */
  public static class Unauthorized extends ActivePlatformException {
    private static final long serialVersionUID = 1L;

    Unauthorized(int status, String method, String path, List<ApiError> errors, String body) {
      super(status, method, path, errors, body);
    }
  }

  /** 403: the manager's role or the object's state does not allow the operation. */
  public static class Forbidden extends ActivePlatformException {
    private static final long serialVersionUID = 1L;

    Forbidden(int status, String method, String path, List<ApiError> errors, String body) {
      super(status, method, path, errors, body);
    }
  }

  /** 404: no such object (or path). */
  public static class NotFound extends ActivePlatformException {
    private static final long serialVersionUID = 1L;

    NotFound(int status, String method, String path, List<ApiError> errors, String body) {
      super(status, method, path, errors, body);
    }
  }

  /** 422: the request breaks a business rule or a field constraint; see {@link #errors()}. */
  public static class Unprocessable extends ActivePlatformException {
    private static final long serialVersionUID = 1L;

    Unprocessable(int status, String method, String path, List<ApiError> errors, String body) {
      super(status, method, path, errors, body);
    }
  }

  /** 429: too many requests; {@link #retryAfter()} says when to try again, if the server said. */
  public static class RateLimited extends ActivePlatformException {
    private static final long serialVersionUID = 1L;
    private final Duration retryAfter;

    RateLimited(int status, String method, String path, List<ApiError> errors, String body, Duration retryAfter) {
      super(status, method, path, errors, body);
      this.retryAfter = retryAfter;
    }

    /** @return the server's Retry-After, if it sent one */
    public Optional<Duration> retryAfter() {
      return Optional.ofNullable(retryAfter);
    }
  }

  /** 5xx: the server failed. */
  public static class ServerError extends ActivePlatformException {
    private static final long serialVersionUID = 1L;

    ServerError(int status, String method, String path, List<ApiError> errors, String body) {
      super(status, method, path, errors, body);
    }
  }

  /** An answer with a 2xx status whose body is not what the operation documents. */
  public static class UnreadableAnswer extends ActivePlatformException {
    private static final long serialVersionUID = 1L;

    UnreadableAnswer(int status, String method, String path, String expected, String problem, String body) {
      super("HTTP " + status + " on " + method + " " + path + ": the answer is not a valid " + expected + " (" + problem + ")",
          status, method, path, List.of(), body, null);
    }
  }

  /** No answer: the connection failed or timed out (after the retries the policy allows). */
  public static class ConnectionFailed extends ActivePlatformException {
    private static final long serialVersionUID = 1L;

    ConnectionFailed(String method, String path, Throwable cause) {
      super("No answer to " + method + " " + path + ": " + cause.getClass().getSimpleName()
          + (cause.getMessage() == null ? "" : " (" + TokenRedaction.message(cause.getMessage()) + ")"),
          0, method, path, List.of(), "", cause);
    }
  }
}
