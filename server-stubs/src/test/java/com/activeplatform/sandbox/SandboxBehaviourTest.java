package com.activeplatform.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Validation, Prefer, latency, faults, state and hostile input, over HTTP. */
class SandboxBehaviourTest extends SandboxOverHttp {

  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final String JSON_API = "application/vnd.api+json";
  private static final String SUBSCRIPTION = "/api/v3/resellers/1/subscriptions/3007381";
  private static final String ACCOUNTS = "/api/v3/resellers/1/accounts";
  private static final String PAYMENTS = "/api/v3/resellers/1/payments";

  @Nested
  class Validation {

    @Test
    void aValueOutsideAnEnumIsA400NamingTheParameter() throws Exception {
      JsonNode error = errorOf(send(get("/api/v3/resellers/1/subscriptions?filter%5Bpayment_model%5D=bogus")), 400);
      assertThat(error.get("code").asText()).isEqualTo("invalid_parameter");
      assertThat(error.at("/source/parameter").asText()).isEqualTo("filter[payment_model]");
    }

    @Test
    void aMalformedPathParameterIsA400() throws Exception {
      JsonNode error = errorOf(send(get("/api/v3/resellers/abc/subscriptions")), 400);
      assertThat(error.at("/source/parameter").asText()).isEqualTo("reseller_id");
    }

    @Test
    void anUnknownQueryParameterIsA400() throws Exception {
      JsonNode error = errorOf(send(get(SUBSCRIPTION + "?nonsense=1")), 400);
      assertThat(error.get("code").asText()).isEqualTo("unknown_parameter");
      assertThat(error.at("/source/parameter").asText()).isEqualTo("nonsense");
    }

    @Test
    void aBodyFieldOfTheWrongTypeIsA422WithAPointerInTheRequestedLocale() throws Exception {
      HttpResponse<String> response = send(patch(SUBSCRIPTION, "{\"data\":{\"attributes\":{\"autorenew\":\"yes\"}}}")
          .header("X-Api-Locale", "ru"));
      JsonNode error = errorOf(response, 422);
      assertThat(error.get("code").asText()).isEqualTo("invalid_field");
      assertThat(error.at("/source/pointer").asText()).isEqualTo("/data/attributes/autorenew");
      assertThat(error.get("title").asText()).isEqualTo("Недопустимое поле");
    }

    @Test
    void aMissingRequiredFieldIsA422() throws Exception {
      JsonNode error = errorOf(send(patch(SUBSCRIPTION, "{\"data\":{\"attributes\":{}}}")), 422);
      assertThat(error.get("code").asText()).isEqualTo("missing_field");
      assertThat(error.at("/source/pointer").asText()).isEqualTo("/data/attributes/autorenew");
    }

    @Test
    void formBodiesAreCheckedAsTypedObjects() throws Exception {
      String complete = "account_type_id=1&account_class_id=1&first_name=John&last_name=Smith&country=US&region=CA"
          + "&city=SF&street=Market&building=1&office=100&zip=94105&phone=%2B14155550100&email=j%40example.com";
      assertThat(send(form("/api/vendor/v1/accounts.json?api_token=t", complete)).statusCode())
          .as("building=1 is a string field whose value looks like a number").isEqualTo(200);
      HttpResponse<String> incomplete = send(form("/api/vendor/v1/accounts.json?api_token=t", "account_type_id=x&first_name=John"));
      assertThat(incomplete.statusCode()).isEqualTo(422);
      assertThat(JSON.readTree(incomplete.body()).get("error").asText()).contains("/last_name").contains("/account_type_id");
    }

    @Test
    void aMissingBodyIsA400() throws Exception {
      JsonNode error = errorOf(send(request(SUBSCRIPTION).header("X-Api-Token", "t").header("Content-Type", JSON_API)
          .method("PATCH", HttpRequest.BodyPublishers.noBody())), 400);
      assertThat(error.get("code").asText()).isIn("missing_body", "bad_request");
    }
  }

  @Nested
  class Prefer {

    @Test
    void codePicksADocumentedAnswer() throws Exception {
      HttpResponse<String> response = send(patch(SUBSCRIPTION, "{\"data\":{\"attributes\":{\"autorenew\":true}}}")
          .header("Prefer", "code=403"));
      assertThat(JSON.readTree(response.body()).at("/errors/0/title").asText()).isEqualTo("This action is forbidden");
      assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void exampleNamesADocumentedExample() throws Exception {
      HttpResponse<String> response = send(get("/api/v3/resellers/1/invoices/2046").header("Prefer", "example=withCharges"));
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(response.body()).at("/included/0/type").asText()).isEqualTo("charges");
      JsonNode error = errorOf(send(get("/api/v3/resellers/1/invoices/2046").header("Prefer", "example=nope")), 400);
      assertThat(error.get("detail").asText()).contains("withCharges");
    }

    @Test
    void dynamicGeneratesAnAnswerFromTheSchema() throws Exception {
      HttpResponse<String> response = send(get(SUBSCRIPTION).header("Prefer", "dynamic=true"));
      assertThat(response.statusCode()).isEqualTo(200);
      JsonNode body = JSON.readTree(response.body());
      assertThat(body.at("/data/type").asText()).isEqualTo("subscriptions");
      assertThat(body.at("/data/attributes/ability/stop").isBoolean()).isTrue();
    }

    @Test
    void delayWaitsBeforeAnswering() throws Exception {
      long started = System.nanoTime();
      assertThat(send(get(SUBSCRIPTION).header("Prefer", "delay=300")).statusCode()).isEqualTo(200);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void anUndocumentedErrorStatusIsSimulatedWithRetryAfter() throws Exception {
      HttpResponse<String> response = send(get(SUBSCRIPTION).header("Prefer", "code=503"));
      assertThat(errorOf(response, 503).get("code").asText()).isEqualTo("simulated_error");
      assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
    }
  }

  @Test
  void latencyAndFailureRateApplyToEveryApiAnswer() throws Exception {
    try (SandboxServer slow = SandboxServer.start(SandboxOptions.parse("--port", "0", "--latency", "200ms", "--fail-rate", "1"))) {
      long started = System.nanoTime();
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(slow.baseUri().resolve(SUBSCRIPTION))
          .header("X-Api-Token", "t").build(), HttpResponse.BodyHandlers.ofString());
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
    }
  }

  @Nested
  class State {

    @Test
    void resetRestoresTheDocumentedExamples() throws Exception {
      String id = JSON.readTree(send(post(ACCOUNTS, newAccount("reset@example.com"))).body()).at("/data/id").asText();
      assertThat(send(get(ACCOUNTS + "/" + id)).statusCode()).isEqualTo(200);
      assertThat(send(request("/__sandbox/reset").POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(204);
      assertThat(send(get(ACCOUNTS + "/" + id)).statusCode()).isEqualTo(404);
      assertThat(send(get(SUBSCRIPTION)).statusCode()).isEqualTo(200);
    }

    @Test
    void concurrentCreatesNeverCollide() throws Exception {
      int before = JSON.readTree(send(get(ACCOUNTS + "?page%5Bsize%5D=1000")).body()).get("data").size();
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<String>> created = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String email = "parallel" + i + "@example.com";
        created.add(pool.submit(() -> JSON.readTree(send(post(ACCOUNTS, newAccount(email))).body()).at("/data/id").asText()));
      }
      Set<String> ids = new HashSet<>();
      for (Future<String> id : created) {
        ids.add(id.get());
      }
      pool.shutdown();
      assertThat(ids).hasSize(200).doesNotContain("");
      int after = JSON.readTree(send(get(ACCOUNTS + "?page%5Bsize%5D=1000")).body()).get("data").size();
      assertThat(after).isEqualTo(before + 200);
    }

    @Test
    void stateOperationsChangeTheirObject() throws Exception {
      String reason = "{\"data\":{\"attributes\":{\"reason\":\"Customer request\",\"comment\":\"Test\"}}}";
      assertThat(send(post(SUBSCRIPTION + "/stop_operation", reason)).statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(send(get(SUBSCRIPTION)).body()).at("/data/attributes/status").asText()).isEqualTo("stopped");
      assertThat(send(post(SUBSCRIPTION + "/activate_operation", reason)).statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(send(get(SUBSCRIPTION)).body()).at("/data/attributes/status").asText()).isEqualTo("active");
      assertThat(errorOf(send(post("/api/v3/resellers/1/subscriptions/987654/stop_operation", reason)), 404).get("code").asText())
          .isEqualTo("not_found");
    }

    @Test
    void aStateOperationOnAnObjectInTheWrongStateIsA422() throws Exception {
      String payment = JSON.readTree(send(post(PAYMENTS, "{\"data\":{\"attributes\":{\"account_id\":505,\"total\":10.5,"
          + "\"comment\":\"Test\",\"purpose\":\"prepay payment\"}}}")).body()).at("/data/id").asText();
      HttpResponse<String> cancelled = send(request(PAYMENTS + "/" + payment).header("X-Api-Token", "t").DELETE());
      assertThat(cancelled.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(cancelled.body()).at("/data/attributes/status").asText()).isEqualTo("cancelled");

      // the refusal the spec documents for Cancel payment (x-sandbox-refusal)...
      HttpResponse<String> again = send(request(PAYMENTS + "/" + payment).header("X-Api-Token", "t").DELETE());
      assertThat(again.statusCode()).isEqualTo(422);
      assertThat(JSON.readTree(again.body()).at("/errors/title").asText()).startsWith("Only payments with");
      // ...or the sandbox's own, in the requested locale
      JsonNode refused = errorOf(send(patch(PAYMENTS + "/" + payment, "{\"data\":{\"attributes\":{\"payment_method_id\":2}}}")
          .header("X-Api-Locale", "ru")), 422);
      assertThat(refused.get("code").asText()).isEqualTo("invalid_state");
      assertThat(refused.get("title").asText()).isEqualTo("Недопустимое состояние");
      assertThat(JSON.readTree(send(get(PAYMENTS + "/" + payment)).body()).at("/data/attributes/status").asText()).isEqualTo("cancelled");
    }

    private String newAccount(String email) {
      return "{\"data\":{\"attributes\":{\"account_type_id\":1,\"first_name\":\"Ann\",\"last_name\":\"Lee\",\"email\":\"" + email + "\"}}}";
    }
  }

  @Nested
  class HostileInput {

    @Test
    void aHugeBodyIsA413() throws Exception {
      String huge = "{\"data\":{\"attributes\":{\"autorenew\":true,\"x\":\"" + "a".repeat(RequestBodyFilter.MAX_BODY_BYTES) + "\"}}}";
      assertThat(errorOf(send(patch(SUBSCRIPTION, huge)), 413).get("code").asText()).isEqualTo("payload_too_large");
    }

    @Test
    void invalidUtf8IsA4xx() throws Exception {
      byte[] body = {'{', '"', 'd', 'a', 't', 'a', '"', ':', (byte) 0xC3, (byte) 0x28, '}'};
      HttpResponse<String> response = send(request(SUBSCRIPTION).header("X-Api-Token", "t").header("Content-Type", JSON_API)
          .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(body)));
      assertThat(response.statusCode()).isBetween(400, 499);
      assertThat(JSON.readTree(response.body()).has("errors")).isTrue();
    }

    @Test
    void pathTraversalFindsNothing() throws Exception {
      HttpResponse<String> response = send(get("/api/v3/resellers/1/..%2F..%2F..%2Fetc%2Fpasswd"));
      assertThat(response.statusCode()).isBetween(400, 499);
      assertThat(response.body()).doesNotContain("root:");
    }

    @Test
    void aBrokenRequestLineOrHeaderDoesNotStopTheServer() throws Exception {
      for (String raw : List.of("GET /api/v3/resellers/1/subscriptions HTTP/1.1\r\nHost: x\r\nX-Api-Token: t\r\nX-Api-Locale: ru\rInjected: 1\r\n\r\n",
          "GARBAGE\r\n\r\n", "GET /%%%% HTTP/1.1\r\nHost: x\r\n\r\n")) {
        try (Socket socket = new Socket(sandbox.baseUri().getHost(), sandbox.baseUri().getPort())) {
          socket.setSoTimeout(5000);
          OutputStream out = socket.getOutputStream();
          out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
          out.flush();
          InputStream in = socket.getInputStream();
          String answer = new String(in.readNBytes(12), StandardCharsets.ISO_8859_1);
          assertThat(answer).doesNotContain(" 500");
        } catch (IOException closedByServer) {
          // the server may close a connection it cannot parse; it must keep serving others
        }
      }
      assertThat(send(get(SUBSCRIPTION)).statusCode()).isEqualTo(200);
    }
  }

  private static JsonNode errorOf(HttpResponse<String> response, int status) throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return JSON.readTree(response.body()).at("/errors/0");
  }

  private static HttpRequest.Builder get(String path) {
    return request(path).header("X-Api-Token", "t").GET();
  }

  private static HttpRequest.Builder patch(String path, String body) {
    return request(path).header("X-Api-Token", "t").header("Content-Type", JSON_API)
        .method("PATCH", HttpRequest.BodyPublishers.ofString(body));
  }

  private static HttpRequest.Builder post(String path, String body) {
    return request(path).header("X-Api-Token", "t").header("Content-Type", JSON_API).POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private static HttpRequest.Builder form(String path, String body) {
    return request(path).header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
