package com.activeplatform.conformance;

import com.activeplatform.client.ActivePlatformClient;
import com.activeplatform.sandbox.SandboxOptions;
import com.activeplatform.sandbox.SandboxServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Suite 3: every operation called through the generated client, via {@code prism proxy
 * --errors}, against the running sandbox. Prism checks our request on the way in and the
 * sandbox's answer on the way out; an answer that breaks the spec comes back as a 500 with
 * Prism's violations, which fails the operation.
 */
@DisplayName("Sandbox vs spec (through Prism proxy)")
class SandboxConformanceTest {

  private static final Coverage COVERAGE = new Coverage("Sandbox vs spec (Prism proxy)");
  private static SandboxServer sandbox;
  private static PrismProcess prism;
  private static ClientDriver driver;

  @BeforeAll
  static void startSandboxAndProxy() throws Exception {
    sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0));
    prism = PrismProcess.proxy(sandbox.baseUri());
    driver = new ClientDriver(ActivePlatformClient.builder()
        .baseUrl(prism.baseUri().toString())
        .token("conformance-token")
        .build(), false);
  }

  @AfterAll
  static void stopAndReport() {
    if (prism != null) {
      prism.close();
    }
    if (sandbox != null) {
      sandbox.close();
    }
    COVERAGE.report();
  }

  private static void resetSandbox() throws Exception {
    HttpResponse<Void> reset = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(sandbox.baseUri().resolve("/__sandbox/reset")).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.discarding());
    if (reset.statusCode() != 204) {
      throw new IllegalStateException("POST /__sandbox/reset answered " + reset.statusCode());
    }
  }

  @TestFactory
  Stream<DynamicTest> everyOperation() {
    return SpecOperations.all().stream().map(op -> DynamicTest.dynamicTest(op.toString(), () -> {
      resetSandbox(); // each operation starts from the documented examples (a delete must not hide them)
      try {
        driver.callAndCheck(op);
      } catch (Throwable e) {
        throw new AssertionError(op + " failed against the sandbox: " + e.getMessage(), e);
      }
      COVERAGE.passed(op.id());
    }));
  }
}
