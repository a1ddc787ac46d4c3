package com.activeplatform.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.activeplatform.client.ActivePlatformClient;
import com.activeplatform.client.ActivePlatformException;
import com.activeplatform.client.ApiError;
import com.activeplatform.client.ClientConfig;
import com.activeplatform.client.JsonApi;
import com.activeplatform.client.RetryPolicy;
import com.activeplatform.client.api.AccountsV1Api;
import com.activeplatform.client.api.AccountsV3Api;
import com.activeplatform.client.model.AccountCreateRequest;
import com.activeplatform.client.model.AccountCreateRequestData;
import com.activeplatform.client.model.AccountCreateRequestDataAttributes;
import com.activeplatform.client.model.Charge;
import com.activeplatform.client.model.InvoiceDocument;
import com.activeplatform.client.model.InvoiceErpDocumentRequest;
import com.activeplatform.client.model.SubscriptionUpdateRequest;
import com.activeplatform.client.model.SubscriptionUpdateRequestData;
import com.activeplatform.client.model.SubscriptionUpdateRequestDataAttributes;
import com.activeplatform.sandbox.SandboxOptions;
import com.activeplatform.sandbox.SandboxServer;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The client's features against Prism's mock and the sandbox, over real HTTP: typed errors,
 * retries, safe logging, paging, included resolution and locales.
 */
class ClientFeaturesTest {

  private static final String TOKEN = "secret-token-4711";
  private static final String HTTP_LOG = "com.activeplatform.client.http";
  private static final RetryPolicy FAST_RETRIES = new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(2), false);

  private static PrismProcess prism;
  private static SandboxServer sandbox;

  @BeforeAll
  static void start() throws Exception {
    prism = PrismProcess.mock();
    sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withTokens(Set.of(TOKEN)));
  }

  @AfterAll
  static void stop() {
    if (prism != null) {
      prism.close();
    }
    if (sandbox != null) {
      sandbox.close();
    }
  }

  private static ActivePlatformClient prismClient(String prefer) {
    return client(prism.baseUri().toString(), b -> b.header("Prefer", prefer).retryPolicy(RetryPolicy.NONE));
  }

  private static ActivePlatformClient sandboxClient(UnaryOperator<ClientConfig.Builder<ActivePlatformClient>> settings) {
    return client(sandbox.baseUri().toString(), settings);
  }

  private static ActivePlatformClient client(String baseUrl, UnaryOperator<ClientConfig.Builder<ActivePlatformClient>> settings) {
    return settings.apply(ActivePlatformClient.builder().baseUrl(baseUrl).token(TOKEN)).build();
  }

  private static SubscriptionUpdateRequest autorenew(boolean on) {
    return new SubscriptionUpdateRequest().data(new SubscriptionUpdateRequestData()
        .attributes(new SubscriptionUpdateRequestDataAttributes().autorenew(on)));
  }

  @Nested
  class TypedErrors {

    @Test
    void documentedV3ErrorsBecomeTheirSubclassWithParsedErrors() {
      assertThatThrownBy(() -> prismClient("code=403").subscriptionsV3().updateSubscription(1L, 3007381L, autorenew(true)))
          .isInstanceOfSatisfying(ActivePlatformException.Forbidden.class, e -> {
            assertThat(e.status()).isEqualTo(403);
            assertThat(e.method()).isEqualTo("PATCH");
            assertThat(e.path()).isEqualTo("/api/v3/resellers/1/subscriptions/3007381");
            assertThat(e.errors()).extracting(ApiError::title).containsExactly("This action is forbidden");
          });
      assertThatThrownBy(() -> prismClient("code=422").subscriptionsV3().updateSubscription(1L, 3007381L, autorenew(true)))
          .isInstanceOfSatisfying(ActivePlatformException.Unprocessable.class, e -> assertThat(e.errors().get(0).title())
              .startsWith("You are trying to change the current Auto-renew value"));
      assertThatThrownBy(() -> prismClient("code=404").subscriptionsV3().getSubscription(1L, 3007381L, null, null))
          .isInstanceOf(ActivePlatformException.NotFound.class);
      assertThatThrownBy(() -> prismClient("code=401").subscriptionsV3().getSubscription(1L, 3007381L, null, null))
          .isInstanceOfSatisfying(ActivePlatformException.Unauthorized.class,
              e -> assertThat(e.errors().get(0).status()).isEqualTo("401"));
    }

    @Test
    void documentedErrorCodesAreParsed() {
      assertThatThrownBy(() -> prismClient("code=400").invoicesV3().completeInvoice(1L, 2046L, new InvoiceErpDocumentRequest()))
          .isInstanceOfSatisfying(ActivePlatformException.BadRequest.class,
              e -> assertThat(e.errors()).extracting(ApiError::code).allMatch(code -> code.startsWith("INVOICE-")));
    }

    @Test
    void v1ErrorTextBecomesTheErrorTitle() {
      assertThatThrownBy(() -> prismClient("code=404").api(AccountsV1Api.class).getAccountV1(710L))
          .isInstanceOfSatisfying(ActivePlatformException.NotFound.class, e -> {
            assertThat(e.errors()).hasSize(1);
            assertThat(e.errors().get(0).title()).isNotBlank();
            assertThat(e.path()).isEqualTo("/api/vendor/v1/accounts/710.json");
          });
    }

    @Test
    void rateLimitsAndServerErrorsFromTheSandbox() {
      assertThatThrownBy(() -> sandboxClient(b -> b.header("Prefer", "code=429").retryPolicy(RetryPolicy.NONE))
          .subscriptionsV3().getSubscription(1L, 3007381L, null, null))
          .isInstanceOfSatisfying(ActivePlatformException.RateLimited.class,
              e -> assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(1)));
      assertThatThrownBy(() -> sandboxClient(b -> b.header("Prefer", "code=503").retryPolicy(RetryPolicy.NONE))
          .subscriptionsV3().getSubscription(1L, 3007381L, null, null))
          .isInstanceOfSatisfying(ActivePlatformException.ServerError.class, e -> assertThat(e.status()).isEqualTo(503));
    }

    @Test
    void undecodableBodiesGiveAClearMessage() throws Exception {
      HttpServer broken = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      broken.createContext("/api/v3/resellers/1/subscriptions/1", exchange -> reply(exchange, 200, "{\"data\": {\"id\": [1, 2"));
      broken.createContext("/api/v3/resellers/1/subscriptions/2", exchange -> reply(exchange, 502, "<html>Bad gateway</html>"));
      broken.start();
      try {
        ActivePlatformClient client = client("http://127.0.0.1:" + broken.getAddress().getPort(), b -> b.retryPolicy(RetryPolicy.NONE));
        assertThatThrownBy(() -> client.subscriptionsV3().getSubscription(1L, 1L, null, null))
            .isInstanceOf(ActivePlatformException.UnreadableAnswer.class)
            .hasMessageStartingWith("HTTP 200 on GET /api/v3/resellers/1/subscriptions/1: the answer is not a valid")
            .hasMessageNotContaining("com.fasterxml").hasMessageNotContaining("\tat ");
        assertThatThrownBy(() -> client.subscriptionsV3().getSubscription(1L, 2L, null, null))
            .isInstanceOf(ActivePlatformException.ServerError.class)
            .hasMessageContaining("unparsed body: <html>Bad gateway</html>");
      } finally {
        broken.stop(0);
      }
    }

    private static void reply(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws java.io.IOException {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    }
  }

  @Nested
  class Retries {

    @Test
    void idempotentCallsAreRepeatedHonouringRetryAfter() {
      assertThat(getRetriedThreeTimes(503, ActivePlatformException.ServerError.class))
          .isGreaterThanOrEqualTo(Duration.ofSeconds(2)); // Retry-After: 1, twice
    }

    @Test
    void withoutRetryAfterTheBackoffGrowsExponentially() {
      assertThat(getRetriedThreeTimes(502, ActivePlatformException.ServerError.class))
          .isGreaterThanOrEqualTo(Duration.ofMillis(100 + 200)); // at least half of 200 ms, then of 400 ms
    }

    @Test
    void rateLimitedCallsAreRepeatedToo() {
      getRetriedThreeTimes(429, ActivePlatformException.RateLimited.class);
    }

    /** A GET the sandbox answers with the status every time: sent three times, then thrown; returns how long it took. */
    private Duration getRetriedThreeTimes(int status, Class<? extends ActivePlatformException> thrown) {
      try (LogCapture log = new LogCapture(HTTP_LOG)) {
        long started = System.nanoTime();
        assertThatThrownBy(() -> sandboxClient(b -> b.header("Prefer", "code=" + status).retryPolicy(FAST_RETRIES))
            .subscriptionsV3().getSubscription(1L, 3007381L, null, null))
            .isInstanceOf(thrown);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        assertThat(log.count("--> GET")).isEqualTo(3);
        return elapsed;
      }
    }

    @Test
    void postAndPatchAreNotRepeatedUnlessAsked() {
      try (LogCapture log = new LogCapture(HTTP_LOG)) {
        assertThatThrownBy(() -> sandboxClient(b -> b.header("Prefer", "code=503").retryPolicy(FAST_RETRIES))
            .subscriptionsV3().updateSubscription(1L, 3007381L, autorenew(true)))
            .isInstanceOf(ActivePlatformException.ServerError.class);
        assertThat(log.count("--> PATCH")).isEqualTo(1);
      }
      try (LogCapture log = new LogCapture(HTTP_LOG)) {
        assertThatThrownBy(() -> sandboxClient(b -> b.header("Prefer", "code=503")
            .retryPolicy(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(20), true)))
            .subscriptionsV3().updateSubscription(1L, 3007381L, autorenew(true)))
            .isInstanceOf(ActivePlatformException.ServerError.class);
        assertThat(log.count("--> PATCH")).isEqualTo(3);
      }
    }

    @Test
    void connectionFailuresAreRepeatedThenReported() throws Exception {
      int closedPort;
      try (ServerSocket socket = new ServerSocket(0)) {
        closedPort = socket.getLocalPort();
      }
      try (LogCapture log = new LogCapture(HTTP_LOG)) {
        ActivePlatformClient client = client("http://127.0.0.1:" + closedPort,
            b -> b.retryPolicy(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(20), false)));
        assertThatThrownBy(() -> client.subscriptionsV3().getSubscription(1L, 1L, null, null))
            .isInstanceOfSatisfying(ActivePlatformException.ConnectionFailed.class, e -> assertThat(e.status()).isZero())
            .hasMessageStartingWith("No answer to GET /api/v3/resellers/1/subscriptions/1");
        assertThat(log.count("--> GET")).isEqualTo(3);
      }
    }
  }

  @Nested
  class SafeLogging {

    @Test
    void theTokenNeverReachesLogsOrMessages() {
      try (LogCapture log = new LogCapture(HTTP_LOG)) {
        ActivePlatformClient client = sandboxClient(b -> b);
        client.api(AccountsV1Api.class).getAccountV1(710L);
        client.subscriptionsV3().getSubscription(1L, 3007381L, null, null);
        assertThatThrownBy(() -> client.api(AccountsV1Api.class).getAccountV1(999_999L))
            .isInstanceOfSatisfying(ActivePlatformException.NotFound.class, e -> {
              assertThat(e.getMessage()).doesNotContain(TOKEN);
              assertThat(e.path()).isEqualTo("/api/vendor/v1/accounts/999999.json");
            });
        assertThat(log.lines()).isNotEmpty().noneMatch(line -> line.contains(TOKEN));
        assertThat(log.lines()).anyMatch(line -> line.startsWith("--> GET") && line.contains("api_token=***"));
        assertThat(log.lines()).anyMatch(line -> line.matches("<-- 200 GET .*/subscriptions/3007381 \\(\\d+ ms\\)"));
      }
    }
  }

  @Nested
  class Paging {

    @Test
    void v3ListsAreStreamedAcrossPages() {
      ActivePlatformClient client = sandboxClient(b -> b);
      AccountsV3Api accounts = client.accountsV3();
      long before = accounts.listAccountsAll(1L, new AccountsV3Api.ListAccountsQueryParams(), 50).count();
      for (int i = 0; i < 5; i++) {
        accounts.createAccount(1L, new AccountCreateRequest().data(new AccountCreateRequestData()
            .attributes(new AccountCreateRequestDataAttributes().accountTypeId(1L).firstName("Page").lastName("Test " + i)
                .email("page" + i + "@example.com"))));
      }
      try (LogCapture log = new LogCapture(HTTP_LOG)) {
        List<String> names = accounts.listAccountsAll(1L, new AccountsV3Api.ListAccountsQueryParams(), 2)
            .map(account -> account.getId()).toList();
        assertThat(names).hasSize((int) before + 5).doesNotHaveDuplicates();
        assertThat(log.count("--> GET")).as("one call per page; the last page's links.next is null")
            .isEqualTo((before + 5 + 1) / 2);
      }
      try (LogCapture log = new LogCapture(HTTP_LOG)) {
        assertThat(accounts.listAccountsAll(1L, new AccountsV3Api.ListAccountsQueryParams(), 2).limit(3).count()).isEqualTo(3);
        assertThat(log.count("--> GET")).as("pages are fetched lazily").isEqualTo(2);
      }
    }

    @Test
    void v1ListsAreStreamedAcrossPages() {
      AccountsV1Api accounts = sandboxClient(b -> b).api(AccountsV1Api.class);
      long total = accounts.listAccountsV1All(new AccountsV1Api.ListAccountsV1QueryParams(), 100).count();
      assertThat(accounts.listAccountsV1All(new AccountsV1Api.ListAccountsV1QueryParams(), 1).count()).isEqualTo(total);
    }
  }

  @Nested
  class JsonApiHelpers {

    @Test
    void includedResourcesResolveToTheirModels() {
      InvoiceDocument invoice = prismClient("example=withCharges").invoicesV3().getInvoice(1L, 2046L, List.of("charges"));
      JsonApi.Included included = JsonApi.included(invoice.getIncluded());
      List<Charge> charges = included.resolve(invoice.getData().getRelationships().getCharges(), Charge.class);
      assertThat(charges).hasSize(1);
      assertThat(charges.get(0).getId()).isEqualTo("323740");
      assertThat(charges.get(0).getAttributes().getQuantity()).isEqualTo(1);
      assertThat(included.resolve(invoice.getData().getRelationships().getCharges())).singleElement().isInstanceOf(Charge.class);
      assertThat(included.resolve(invoice.getData().getRelationships().getPayments(), Object.class))
          .as("identifiers whose resource was not included are skipped").isEmpty();
    }
  }

  @Nested
  class Locales {

    @Test
    void errorsComeInTheClientsLocaleAndAPerCallOverride() {
      ActivePlatformClient english = client(sandbox.baseUri().toString(), b -> b.token("wrong-token"));
      assertThatThrownBy(() -> english.subscriptionsV3().getSubscription(1L, 3007381L, null, null))
          .isInstanceOfSatisfying(ActivePlatformException.Unauthorized.class,
              e -> assertThat(e.errors().get(0).title()).isEqualTo("Unauthorized"));
      assertThatThrownBy(() -> english.withLocale("ru").subscriptionsV3().getSubscription(1L, 3007381L, null, null))
          .isInstanceOfSatisfying(ActivePlatformException.Unauthorized.class,
              e -> assertThat(e.errors().get(0).title()).isEqualTo("Не авторизован"));
    }
  }
}
