package com.activeplatform.sandbox;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import com.sun.net.httpserver.HttpServer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.glassfish.jersey.jdkhttp.JdkHttpServerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Runs the sandbox: {@code java -jar activeplatform-sandbox.jar [--port 8080] [--host 127.0.0.1]
 * [--token TOKEN]...}.
 */
public final class SandboxServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SandboxServer.class);
  private static final int WORKER_THREADS = Math.max(16, 4 * Runtime.getRuntime().availableProcessors());

  private final HttpServer server;
  private final ExecutorService workers;
  private final URI baseUri;
  private final int operationCount;

  private SandboxServer(HttpServer server, ExecutorService workers, URI baseUri, int operationCount) {
    this.server = server;
    this.workers = workers;
    this.baseUri = baseUri;
    this.operationCount = operationCount;
  }

  /**
   * Starts a sandbox serving the bundled spec.
   *
   * @param options where to listen and how to answer
   * @return the running server
   * @throws IOException if it cannot listen
   */
  public static SandboxServer start(SandboxOptions options) throws IOException {
    String host = options.host();
    int port = options.port();
    SandboxApplication application = new SandboxApplication(ApiSpec.loadBundled(), options);
    // The JDK's server, not Grizzly: Grizzly hangs on request bodies and drops Content-Type when
    // a client offers an HTTP/2 upgrade (Upgrade: h2c), as java.net.http.HttpClient does by default.
    // (Jetty was tried too: no faster here, and it answers malformed URIs itself, in HTML.)
    // Without TCP_NODELAY, keep-alive clients wait for delayed ACKs (about 40 ms per answer).
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server = JdkHttpServerFactory.createHttpServer(URI.create("http://" + host + ":" + port + "/"), application, false);
    ExecutorService workers = Executors.newFixedThreadPool(WORKER_THREADS);
    server.setExecutor(workers);
    server.start();
    URI baseUri = URI.create("http://" + host + ":" + server.getAddress().getPort());
    return new SandboxServer(server, workers, baseUri, application.operationCount());
  }

  /** @return the base URI, e.g. http://127.0.0.1:8080 (no trailing slash) */
  public URI baseUri() {
    return baseUri;
  }

  /** @return the number of operations served */
  public int operationCount() {
    return operationCount;
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
  }

  /**
   * Command-line entry point; see {@link SandboxOptions#USAGE}.
   *
   * @param args the options
   * @throws Exception if the server cannot start
   */
  public static void main(String[] args) throws Exception {
    if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
      System.out.println(SandboxOptions.USAGE);
      return;
    }
    SandboxOptions options;
    try {
      options = SandboxOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(SandboxOptions.USAGE);
      System.exit(2);
      return;
    }
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    long started = System.nanoTime();
    SandboxServer sandbox = start(options);
    Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "sandbox-shutdown"));
    LOG.info("ActivePlatform sandbox: {} operations at {} (ready in {} ms)", sandbox.operationCount(), sandbox.baseUri(),
        (System.nanoTime() - started) / 1_000_000);
    LOG.info("Tokens: {}", options.tokens().isEmpty() ? "any non-empty token is accepted, e.g. X-Api-Token: sandbox"
        : String.join(", ", options.tokens()));
    LOG.info("Stateful: {}; latency: {} ms; failure rate: {}", options.stateful(), options.latency().toMillis(), options.failureRate());
    LOG.info("Docs: {}/docs   Spec: {}/openapi.yaml   Reset: POST {}/__sandbox/reset", sandbox.baseUri(), sandbox.baseUri(), sandbox.baseUri());
    Thread.currentThread().join();
  }
}
