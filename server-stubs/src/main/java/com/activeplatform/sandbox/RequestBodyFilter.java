package com.activeplatform.sandbox;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads each request body once, up to a limit, and keeps it for validation and the stateful
 * sandbox; JAX-RS then binds the same bytes. A larger body gets 413 in the API's error format.
 */
@Priority(Priorities.ENTITY_CODER)
final class RequestBodyFilter implements ContainerRequestFilter {

  /** The largest body the sandbox reads; ActivePlatform requests are small. */
  static final int MAX_BODY_BYTES = 1 << 20;

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    if (!request.hasEntity()) {
      return;
    }
    byte[] body;
    try (InputStream in = request.getEntityStream()) {
      body = in.readNBytes(MAX_BODY_BYTES + 1);
    }
    if (body.length > MAX_BODY_BYTES) {
      request.abortWith(ApiErrors.response(request, ApiErrors.Kind.PAYLOAD_TOO_LARGE, MAX_BODY_BYTES));
      return;
    }
    request.setProperty(RequestBodies.PROPERTY, body);
    request.setEntityStream(new ByteArrayInputStream(body));
  }
}
