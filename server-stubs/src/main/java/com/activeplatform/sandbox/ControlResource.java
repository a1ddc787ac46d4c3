package com.activeplatform.sandbox;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** The sandbox's own endpoints, outside the API: {@code POST /__sandbox/reset}. */
@Path("/__sandbox")
@Singleton
public final class ControlResource {

  private final SandboxEngine engine;

  /** @param engine the engine whose state is reset */
  @Inject
  public ControlResource(SandboxEngine engine) {
    this.engine = engine;
  }

  /** @return 204 once the stored objects are back to the documented examples */
  @POST
  @Path("reset")
  public Response reset() {
    engine.reset();
    return Response.noContent().build();
  }
}
