package com.activeplatform.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The sandbox over HTTP: answers, tokens, error formats and locales, docs. */
class SandboxServerTest extends SandboxOverHttp {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String SUBSCRIPTION = "/api/v3/resellers/1/subscriptions/3007381";
  private static final String ACCOUNT_V1 = "/api/vendor/v1/accounts/710.json";

  @Test
  void everyErrorHasATitleAndDetailInEnglishAndRussian() {
    for (java.util.Locale locale : List.of(java.util.Locale.ROOT, java.util.Locale.forLanguageTag("ru"))) {
      java.util.ResourceBundle messages = java.util.ResourceBundle.getBundle("messages", locale);
      for (ApiErrors.Kind kind : ApiErrors.Kind.values()) {
        String key = kind.name().toLowerCase(java.util.Locale.ROOT);
        assertThat(messages.getString(key + ".title")).as(locale + " " + key).isNotBlank();
        assertThat(messages.getString(key + ".detail")).as(locale + " " + key).isNotBlank();
      }
    }
    assertThat(java.util.ResourceBundle.getBundle("messages", java.util.Locale.forLanguageTag("ru")).getString("not_found.title"))
        .isEqualTo("Не найдено");
  }

  @Test
  void servesEveryOperationOfTheSpec() {
    assertThat(sandbox.operationCount()).isEqualTo(ApiSpec.loadBundled().operations().size()).isPositive();
  }

  @Test
  void answersV3WithTheDocumentedExample() throws Exception {
    HttpResponse<String> response = send(get(SUBSCRIPTION).header("X-Api-Token", "any"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/vnd.api+json");
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.at("/data/id").asText()).isEqualTo("3007381");
    assertThat(body.at("/data/attributes/renewal_settings/autorenew").asBoolean()).isTrue();
  }

  @Test
  void answersV1WithTheTokenInTheQuery() throws Exception {
    HttpResponse<String> response = send(get(ACCOUNT_V1 + "?api_token=any"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).get("id").asInt()).isEqualTo(710);
  }

  @Test
  void needsNoTokenWhereTheSpecSaysSo() throws Exception {
    assertThat(send(get("/api/v2/client/market.json")).statusCode()).isEqualTo(200);
  }

  @Test
  void answersAStopOperationWithAnEmptyBody() throws Exception {
    HttpResponse<String> response = send(request(SUBSCRIPTION + "/stop_operation").header("X-Api-Token", "any")
        .header("Content-Type", "application/vnd.api+json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"data\":{\"attributes\":{\"reason\":\"r\",\"comment\":\"c\"}}}")));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
  }

  @Nested
  class WithoutAToken {

    @Test
    void v3AnswersAJsonApiErrorInEnglishByDefault() throws Exception {
      HttpResponse<String> response = send(get(SUBSCRIPTION));
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.headers().firstValue("Content-Type")).hasValue("application/vnd.api+json");
      JsonNode error = JSON.readTree(response.body()).at("/errors/0");
      assertThat(error.get("status").asText()).isEqualTo("401");
      assertThat(error.get("code").asText()).isEqualTo("unauthorized");
      assertThat(error.get("title").asText()).isEqualTo("Unauthorized");
      assertThat(error.get("detail").asText()).contains("X-Api-Token");
    }

    @Test
    void v3AnswersInRussianWhenAsked() throws Exception {
      HttpResponse<String> response = send(get(SUBSCRIPTION).header("X-Api-Locale", "ru"));
      assertThat(response.statusCode()).isEqualTo(401);
      JsonNode error = JSON.readTree(response.body()).at("/errors/0");
      assertThat(error.get("title").asText()).isEqualTo("Не авторизован");
      assertThat(error.get("detail").asText()).contains("X-Api-Token").contains("не передан");
    }

    @Test
    void v1AnswersItsOwnErrorFormat() throws Exception {
      HttpResponse<String> response = send(get(ACCOUNT_V1));
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
      JsonNode body = JSON.readTree(response.body());
      assertThat(body.size()).isEqualTo(1);
      assertThat(body.get("error").asText()).contains("api_token");
    }

    @Test
    void v1AnswersInRussianWhenAsked() throws Exception {
      HttpResponse<String> response = send(get(ACCOUNT_V1).header("X-Api-Locale", "ru"));
      assertThat(JSON.readTree(response.body()).get("error").asText()).startsWith("Параметр запроса api_token");
    }

    @Test
    void aBlankTokenIsNoToken() throws Exception {
      assertThat(send(get(ACCOUNT_V1 + "?api_token=")).statusCode()).isEqualTo(401);
      assertThat(send(get(SUBSCRIPTION).header("X-Api-Token", " ")).statusCode()).isEqualTo(401);
    }
  }

  @Test
  void acceptsOnlyConfiguredTokensWhenSomeAreGiven() throws Exception {
    try (SandboxServer strict = SandboxServer.start(SandboxOptions.defaults().withPort(0).withTokens(Set.of("good")))) {
      URI subscription = strict.baseUri().resolve(SUBSCRIPTION);
      assertThat(send(HttpRequest.newBuilder(subscription).header("X-Api-Token", "bad")).statusCode()).isEqualTo(401);
      assertThat(send(HttpRequest.newBuilder(subscription).header("X-Api-Token", "good")).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void unknownPathsGetA404InTheFormatOfTheirApi() throws Exception {
    HttpResponse<String> v3 = send(get("/api/v3/resellers/1/nothing-here"));
    assertThat(v3.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(v3.body()).at("/errors/0/code").asText()).isEqualTo("not_found");

    HttpResponse<String> v1 = send(get("/api/vendor/v1/nothing.json").header("X-Api-Locale", "ru"));
    assertThat(v1.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(v1.body()).get("error").asText()).contains("/api/vendor/v1/nothing.json").contains("не существует");
  }

  @Test
  void aWrongMethodGetsA405() throws Exception {
    HttpResponse<String> response = send(request(SUBSCRIPTION).header("X-Api-Token", "any").DELETE());
    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(JSON.readTree(response.body()).at("/errors/0/detail").asText()).contains("PATCH");
  }

  @Test
  void aWrongMediaTypeGetsA415NamingTheRightOne() throws Exception {
    HttpResponse<String> response = send(request(SUBSCRIPTION).header("X-Api-Token", "any")
        .header("Content-Type", "text/plain").method("PATCH", HttpRequest.BodyPublishers.ofString("autorenew")));
    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(JSON.readTree(response.body()).at("/errors/0/detail").asText()).contains("application/vnd.api+json");
  }

  @Test
  void malformedJsonGetsA400WithoutAStackTrace() throws Exception {
    HttpResponse<String> response = send(request(SUBSCRIPTION).header("X-Api-Token", "any")
        .header("Content-Type", "application/vnd.api+json").method("PATCH", HttpRequest.BodyPublishers.ofString("{\"data\":")));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).at("/errors/0/code").asText()).isEqualTo("bad_request");
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("com.fasterxml");
  }

  @Test
  void servesTheBundledSpec() throws Exception {
    HttpResponse<String> response = send(get("/openapi.yaml"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).startsWith("openapi: 3.0.3").contains("/api/v3/resellers/{reseller_id}/subscriptions");
  }

  @Test
  void servesSelfContainedHtmlDocs() throws Exception {
    HttpResponse<String> response = send(get("/docs"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(response.body()).contains("ActivePlatform API").contains("getSubscription")
        .doesNotContainPattern("<script[^>]+src=\"https?://")
        .doesNotContainPattern("<link[^>]+href=\"https?://");
  }

  private static HttpRequest.Builder get(String path) {
    return request(path).GET();
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
