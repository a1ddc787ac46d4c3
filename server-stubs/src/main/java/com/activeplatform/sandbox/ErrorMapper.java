package com.activeplatform.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every exception into an error answer in the API's own format: unknown routes, wrong
 * methods and media types, unreadable bodies, and (logged, never shown) unexpected failures.
 */
final class ErrorMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

  private final ApiSpec spec;

  @Context
  private UriInfo uri;

  @Context
  private HttpHeaders headers;

  @Context
  private Request request;

  ErrorMapper(ApiSpec spec) {
    this.spec = spec;
  }

  @Override
  public Response toResponse(Throwable error) {
    String path = uri.getRequestUri().getRawPath();
    String method = request.getMethod();
    String locale = headers.getHeaderString(ApiErrors.LOCALE_HEADER);
    if (error instanceof NotFoundException) {
      return ApiErrors.response(path, locale, ApiErrors.Kind.NOT_FOUND, method, path);
    }
    if (error instanceof NotAllowedException notAllowed) {
      String allowed = notAllowed.getResponse().getAllowedMethods().stream().sorted().collect(Collectors.joining(", "));
      return ApiErrors.response(path, locale, ApiErrors.Kind.METHOD_NOT_ALLOWED, method, path, allowed);
    }
    if (error instanceof NotSupportedException) {
      String expected = spec.match(method, path).map(ApiSpec.SpecOperation::requestMediaType).orElse("the documented media type");
      return ApiErrors.response(path, locale, ApiErrors.Kind.UNSUPPORTED_MEDIA_TYPE, expected);
    }
    if (error instanceof NotAcceptableException) {
      String produced = spec.match(method, path)
          .map(op -> op.success().mediaType()).orElse(ErrorFormat.forPath(path).mediaType());
      return ApiErrors.response(path, locale, ApiErrors.Kind.NOT_ACCEPTABLE, produced);
    }
    if (error instanceof JsonProcessingException json) {
      return ApiErrors.response(path, locale, ApiErrors.Kind.BAD_REQUEST, json.getOriginalMessage());
    }
    if (error instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
      return ApiErrors.response(path, locale, ApiErrors.Kind.BAD_REQUEST, web.getMessage());
    }
    LOG.error("Unexpected failure answering {} {}", method, path, error);
    return ApiErrors.response(path, locale, ApiErrors.Kind.INTERNAL_ERROR);
  }
}
