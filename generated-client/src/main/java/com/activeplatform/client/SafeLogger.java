package com.activeplatform.client;

import feign.Request;
import feign.Response;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each call through SLF4J at DEBUG (logger {@code com.activeplatform.client.http}): the
 * request line, and the status and time of the answer, or the retry and the failure. The
 * {@code api_token} parameter is masked; headers and bodies are never logged, so neither is the
 * {@code X-Api-Token} header.
 */
final class SafeLogger extends feign.Logger {

  static final String NAME = "com.activeplatform.client.http";
  private static final Logger LOG = LoggerFactory.getLogger(NAME);

  @Override
  protected void logRequest(String configKey, Level level, Request request) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("--> {} {}", request.httpMethod(), TokenRedaction.message(request.url()));
    }
  }

  @Override
  protected Response logAndRebufferResponse(String configKey, Level level, Response response, long elapsedMillis) {
    if (LOG.isDebugEnabled()) {
      Request request = response.request();
      LOG.debug("<-- {} {} {} ({} ms)", response.status(), request.httpMethod(),
          TokenRedaction.message(request.url()), elapsedMillis);
    }
    return response;
  }

  @Override
  protected void logRetry(String configKey, Level level) {
    LOG.debug("... retrying {}", configKey);
  }

  @Override
  protected IOException logIOException(String configKey, Level level, IOException e, long elapsedMillis) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("<-- {} failed after {} ms: {}", configKey, elapsedMillis,
          TokenRedaction.message(String.valueOf(e.getMessage())));
    }
    return e;
  }

  @Override
  protected void log(String configKey, String format, Object... args) {
    // every event is logged by the methods above; Feign's free-form lines (headers, bodies) are not
  }
}
