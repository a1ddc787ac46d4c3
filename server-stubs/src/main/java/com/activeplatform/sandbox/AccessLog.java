package com.activeplatform.sandbox;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import java.net.URI;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request (logger {@code com.activeplatform.sandbox.access}): method, path and
 * query with the {@code api_token} value masked, status and milliseconds. Headers, and so the
 * {@code X-Api-Token}, are never logged.
 */
@PreMatching
@Priority(Priorities.USER)
final class AccessLog implements ContainerRequestFilter, ContainerResponseFilter {

  private static final Logger LOG = LoggerFactory.getLogger("com.activeplatform.sandbox.access");
  private static final String STARTED = "sandbox.started";
  private static final Pattern TOKEN = Pattern.compile("(api_token=)[^&]*");

  @Override
  public void filter(ContainerRequestContext request) {
    request.setProperty(STARTED, System.nanoTime());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!LOG.isInfoEnabled()) {
      return;
    }
    Object started = request.getProperty(STARTED);
    long millis = started instanceof Long nanos ? (System.nanoTime() - nanos) / 1_000_000 : -1;
    LOG.info("{} {} {} {} ms", request.getMethod(), masked(request.getUriInfo().getRequestUri()), response.getStatus(), millis);
  }

  static String masked(URI uri) {
    String query = uri.getRawQuery();
    return query == null ? uri.getRawPath() : uri.getRawPath() + "?" + TOKEN.matcher(query).replaceAll("$1***");
  }
}
