package com.activeplatform.sandbox;

import com.activeplatform.sandbox.ErrorFormat.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Builds the sandbox's error answers: the status, a stable code, and a title and detail in the
 * locale asked for with {@code X-Api-Locale} (English unless it is {@code ru}), in the error
 * format of the API generation of the request path. Never includes a stack trace.
 */
public final class ApiErrors {

  /** The locale header of the API. */
  public static final String LOCALE_HEADER = "X-Api-Locale";

  private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

  /** What went wrong; each kind has a title and detail in messages*.properties. */
  public enum Kind {
    BAD_REQUEST(400, "bad_request"),
    MISSING_PARAMETER(400, "missing_parameter"),
    INVALID_PARAMETER(400, "invalid_parameter"),
    UNKNOWN_PARAMETER(400, "unknown_parameter"),
    MISSING_BODY(400, "missing_body"),
    UNEXPECTED_BODY(400, "unexpected_body"),
    INVALID_REQUEST(400, "invalid_request"),
    MISSING_FIELD(422, "missing_field"),
    INVALID_FIELD(422, "invalid_field"),
    INVALID_STATE(422, "invalid_state"),
    UNAUTHORIZED_HEADER(401, "unauthorized"),
    UNAUTHORIZED_QUERY(401, "unauthorized"),
    NOT_FOUND(404, "not_found"),
    OBJECT_NOT_FOUND(404, "not_found"),
    METHOD_NOT_ALLOWED(405, "method_not_allowed"),
    NOT_ACCEPTABLE(406, "not_acceptable"),
    PAYLOAD_TOO_LARGE(413, "payload_too_large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported_media_type"),
    UNDOCUMENTED_STATUS(400, "undocumented_status"),
    UNKNOWN_EXAMPLE(400, "unknown_example"),
    SIMULATED_ERROR(0, "simulated_error"),
    INTERNAL_ERROR(500, "internal_error");

    private final int status;
    private final String code;

    Kind(int status, String code) {
      this.status = status;
      this.code = code;
    }

    /** @return the HTTP status */
    public int status() {
      return status;
    }

    /** @return the error code sent in the body */
    public String code() {
      return code;
    }

    private String messageKey() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private ApiErrors() {}

  /**
   * @param request the request being answered
   * @param kind what went wrong
   * @param args values for the detail message's placeholders
   * @return the error answer
   */
  public static Response response(ContainerRequestContext request, Kind kind, Object... args) {
    return response(request.getUriInfo().getRequestUri().getRawPath(), request.getHeaderString(LOCALE_HEADER), kind, args);
  }

  /**
   * @param path the request path (chooses the error format)
   * @param localeHeader the value of X-Api-Locale, or null
   * @param kind what went wrong
   * @param args values for the detail message's placeholders
   * @return the error answer
   */
  public static Response response(String path, String localeHeader, Kind kind, Object... args) {
    return answer(path, kind.status(), List.of(problem(localeHeader, kind, kind.status(), null, null, args))).build();
  }

  /**
   * An error answer with any status, asked for with {@code Prefer: code=...} where the spec
   * documents no answer for it. 429 and 503 say {@code Retry-After: 1}, so clients can test
   * their retries.
   *
   * @param request the request being answered
   * @param status the status asked for (4xx or 5xx)
   * @return the error answer
   */
  public static Response simulated(ContainerRequestContext request, int status) {
    Problem problem = problem(request.getHeaderString(LOCALE_HEADER), Kind.SIMULATED_ERROR, status, null, null, status);
    Response.ResponseBuilder builder = answer(request.getUriInfo().getRequestUri().getRawPath(), status, List.of(problem));
    if (status == 429 || status == 503) {
      builder.header("Retry-After", "1");
    }
    return builder.build();
  }

  /**
   * One error among several of an answer.
   *
   * @param request the request being answered
   * @param kind what went wrong
   * @param pointer JSON Pointer to the offending body member, or null
   * @param parameter the offending parameter, or null
   * @param args values for the detail message's placeholders
   * @return the error in the request's locale
   */
  static Problem problem(ContainerRequestContext request, Kind kind, String pointer, String parameter, Object... args) {
    return problem(request.getHeaderString(LOCALE_HEADER), kind, kind.status(), pointer, parameter, args);
  }

  /**
   * @param request the request being answered
   * @param status the status of the answer
   * @param problems its errors
   * @return the error answer
   */
  static Response response(ContainerRequestContext request, int status, List<Problem> problems) {
    return answer(request.getUriInfo().getRequestUri().getRawPath(), status, problems).build();
  }

  private static Problem problem(String localeHeader, Kind kind, int status, String pointer, String parameter, Object... args) {
    ResourceBundle messages = ResourceBundle.getBundle("messages", locale(localeHeader));
    String title = messages.getString(kind.messageKey() + ".title");
    String detail = new MessageFormat(messages.getString(kind.messageKey() + ".detail"), messages.getLocale()).format(args);
    return new Problem(status, kind.code(), title, detail, pointer, parameter);
  }

  private static Response.ResponseBuilder answer(String path, int status, List<Problem> problems) {
    ErrorFormat format = ErrorFormat.forPath(path);
    return Response.status(status).type(format.mediaType()).entity(format.body(problems));
  }

  private static Locale locale(String header) {
    return header != null && header.strip().toLowerCase(Locale.ROOT).startsWith("ru") ? RUSSIAN : Locale.ROOT;
  }
}
