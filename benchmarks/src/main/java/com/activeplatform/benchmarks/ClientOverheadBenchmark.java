package com.activeplatform.benchmarks;

import com.activeplatform.client.ActivePlatformClient;
import com.activeplatform.client.ClientConfig;
import com.activeplatform.client.JsonSupport;
import com.activeplatform.client.RetryPolicy;
import com.activeplatform.client.api.SubscriptionsV3Api;
import com.activeplatform.client.model.SubscriptionDocument;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One {@code getSubscription} call through the generated client against the same request made
 * by hand with {@code java.net.http.HttpClient} and Jackson, both decoding the same fixed answer
 * of a local server into {@link SubscriptionDocument}. Run with {@code -prof gc} for allocations.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 12, time = 3) // the client's call path is still being compiled for about 30 s on 2 cores
@Measurement(iterations = 5, time = 3)
@Fork(2) // two JVMs: the figures of one differ from run to run by more than the overhead measured
public class ClientOverheadBenchmark {

  static {
    // read once when the JDK's server class loads: without it, every answer waits for a delayed ACK
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private HttpServer server;
  private String base;
  private SubscriptionsV3Api client;
  private HttpClient raw;
  private HttpRequest rawRequest;
  private ObjectMapper mapper;

  @Setup(Level.Trial)
  public void start() throws IOException {
    byte[] answer = answer();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      exchange.getResponseHeaders().add("Content-Type", "application/vnd.api+json");
      exchange.sendResponseHeaders(200, answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
    client = ActivePlatformClient.builder().baseUrl(base).token("bench").retryPolicy(RetryPolicy.NONE).build().subscriptionsV3();
    raw = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    rawRequest = HttpRequest.newBuilder(URI.create(base + "/api/v3/resellers/1/subscriptions/3007381"))
        .header("Accept", "application/vnd.api+json").header("X-Api-Token", "bench").header("X-Api-Locale", "en").build();
    mapper = JsonSupport.newMapper();
  }

  @TearDown(Level.Trial)
  public void stop() {
    server.stop(0);
  }

  @Benchmark
  public SubscriptionDocument generatedClient() {
    return client.getSubscription(1L, 3007381L, null, null);
  }

  /** What an integrator writes by hand: the request built per call, with the client's default read timeout. */
  @Benchmark
  public SubscriptionDocument rawHttpClientAndJackson() throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v3/resellers/" + 1L + "/subscriptions/" + 3007381L))
        .timeout(ClientConfig.DEFAULT_READ_TIMEOUT)
        .header("Accept", "application/vnd.api+json").header("X-Api-Token", "bench").header("X-Api-Locale", "en").build();
    HttpResponse<byte[]> response = raw.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IOException("HTTP " + response.statusCode());
    }
    return mapper.readValue(response.body(), SubscriptionDocument.class);
  }

  /** The least a call can cost: one request built once and reused, without a timeout. */
  @Benchmark
  public SubscriptionDocument rawPrebuiltRequestWithoutTimeout() throws IOException, InterruptedException {
    HttpResponse<byte[]> response = raw.send(rawRequest, HttpResponse.BodyHandlers.ofByteArray());
    return mapper.readValue(response.body(), SubscriptionDocument.class);
  }

  /** The documented Get subscription example, from the bundled spec. */
  private static byte[] answer() throws IOException {
    try (InputStream in = ClientOverheadBenchmark.class.getResourceAsStream("/openapi/activeplatform.json")) {
      return new ObjectMapper().readTree(in).at("/components/examples/SubscriptionDocument/value").toString()
          .getBytes(StandardCharsets.UTF_8);
    }
  }
}
