package com.activeplatform.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * The training run of the build's class-data-sharing archive: starts the sandbox, sends it the
 * kinds of request partners send, and exits. Run with {@code -XX:ArchiveClassesAtExit=...}, the
 * JVM then stores every class this loaded, parsed and verified, and a sandbox started with
 * {@code -XX:SharedArchiveFile=...} maps them instead of loading them again (see BENCHMARKS.md).
 */
final class StartupTraining {

  private static final String JSON_API = "application/vnd.api+json";

  private StartupTraining() {}

  public static void main(String[] args) throws Exception {
    try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0))) {
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      URI base = sandbox.baseUri();
      List<HttpRequest> requests = List.of(
          v3(base, "/api/v3/resellers/1/subscriptions?page%5Bsize%5D=10&page%5Bnumber%5D=1&filter%5Bpayment_model%5D=postpay").GET().build(),
          v3(base, "/api/v3/resellers/1/subscriptions/3007381?include=account").GET().build(),
          v3(base, "/api/v3/resellers/1/accounts").header("Content-Type", JSON_API)
              .POST(HttpRequest.BodyPublishers.ofString("{\"data\":{\"attributes\":{\"account_type_id\":1,\"primary_name\":\"Training Ltd\","
                  + "\"first_name\":\"Ann\",\"last_name\":\"Lee\",\"email\":\"ann@example.com\"}}}")).build(),
          v3(base, "/api/v3/resellers/1/accounts").header("Content-Type", JSON_API)
              .POST(HttpRequest.BodyPublishers.ofString("{\"data\":{}}")).build(),
          v3(base, "/api/v3/resellers/1/nothing").header("X-Api-Locale", "ru").GET().build(),
          HttpRequest.newBuilder(base.resolve("/api/vendor/v1/accounts/710.json?api_token=training")).GET().build(),
          HttpRequest.newBuilder(base.resolve("/api/vendor/v1/accounts.json?api_token=training"))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString("account[name]=Training")).build());
      for (HttpRequest request : requests) {
        http.send(request, HttpResponse.BodyHandlers.discarding());
      }
    }
  }

  private static HttpRequest.Builder v3(URI base, String path) {
    return HttpRequest.newBuilder(base.resolve(path)).header("X-Api-Token", "training");
  }
}
