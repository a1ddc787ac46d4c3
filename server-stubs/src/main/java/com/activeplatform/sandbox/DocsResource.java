package com.activeplatform.sandbox;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Serves the bundled spec at /openapi.yaml and the HTML documentation rendered from it at /docs. */
@Path("/")
@Singleton
public final class DocsResource {

  /** Classpath location of the HTML documentation (written by the spec module). */
  static final String DOCS_PAGE = "docs/index.html";

  private final byte[] spec;
  private final byte[] docs;

  /** @param spec the spec whose document is served */
  @Inject
  public DocsResource(ApiSpec spec) {
    this.spec = spec.yaml();
    this.docs = ApiSpec.resource(DOCS_PAGE);
  }

  /** @return the bundled OpenAPI document */
  @GET
  @Path("openapi.yaml")
  @Produces("application/yaml; charset=utf-8")
  public byte[] openApi() {
    return spec;
  }

  /** @return the HTML documentation */
  @GET
  @Path("docs")
  @Produces("text/html; charset=utf-8")
  public byte[] docs() {
    return docs;
  }

  /** @return a redirect from the root to the documentation */
  @GET
  public Response root() {
    return Response.seeOther(URI.create("/docs")).build();
  }
}
