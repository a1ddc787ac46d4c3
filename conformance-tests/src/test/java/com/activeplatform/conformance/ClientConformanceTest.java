package com.activeplatform.conformance;

import com.activeplatform.client.ActivePlatformClient;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Suite 2: every operation called through the generated client against {@code prism mock
 * --errors}. Prism rejects a request that breaks the spec (wrong parameter, missing token, bad
 * body) with an error the client throws; the answer must decode into the method's typed model.
 */
@DisplayName("Client vs Prism mock")
class ClientConformanceTest {

  private static final Coverage COVERAGE = new Coverage("Client vs Prism mock");
  private static PrismProcess prism;
  private static ClientDriver driver;

  @BeforeAll
  static void startPrism() throws Exception {
    prism = PrismProcess.mock();
    driver = new ClientDriver(ActivePlatformClient.builder()
        .baseUrl(prism.baseUri().toString())
        .token("conformance-token")
        .build(), true);
  }

  @AfterAll
  static void stopPrismAndReport() {
    if (prism != null) {
      prism.close();
    }
    COVERAGE.report();
  }

  @TestFactory
  Stream<DynamicTest> everyOperation() {
    return SpecOperations.all().stream().map(op -> DynamicTest.dynamicTest(op.toString(), () -> {
      try {
        driver.callAndCheck(op);
      } catch (Throwable e) {
        throw new AssertionError(op + " failed through the client: " + e.getMessage(), e);
      }
      COVERAGE.passed(op.id());
    }));
  }
}
