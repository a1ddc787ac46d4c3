package com.activeplatform.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A default sandbox on a free port for the tests of one class, and what they share to talk to it. */
abstract class SandboxOverHttp {

  static final ObjectMapper JSON = new ObjectMapper();

  static SandboxServer sandbox;

  @BeforeAll
  static void start() throws IOException {
    sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0));
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  /** @return a request to the path (with its query) exactly as written, not resolved or re-encoded */
  static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(sandbox.baseUri() + path));
  }
}
