package com.activeplatform.sandbox;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;
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
   * @param host the address to listen on
   * @param port the port; 0 picks a free one
   * @param acceptedTokens the accepted tokens; empty accepts any non-blank token
   * @return the running server
   * @throws IOException if it cannot listen
   */
  public static SandboxServer start(String host, int port, Set<String> acceptedTokens) throws IOException {
    SandboxApplication application = new SandboxApplication(ApiSpec.loadBundled(), acceptedTokens);
    // The JDK's server, not Grizzly: Grizzly hangs on request bodies and drops Content-Type when
    // a client offers an HTTP/2 upgrade (Upgrade: h2c), as java.net.http.HttpClient does by default.
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
   * Command-line entry point.
   *
   * @param args {@code --port N}, {@code --host ADDRESS}, {@code --token TOKEN} (repeatable)
   * @throws Exception if the server cannot start
   */
  public static void main(String[] args) throws Exception {
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    int port = 8080;
    String host = "127.0.0.1";
    Set<String> tokens = new LinkedHashSet<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
        case "--host" -> host = value(args, ++i, "--host");
        case "--token" -> tokens.add(value(args, ++i, "--token"));
        case "--help", "-h" -> {
          System.out.println("usage: java -jar activeplatform-sandbox.jar [--port 8080] [--host 127.0.0.1] [--token TOKEN]...");
          return;
        }
        default -> throw new IllegalArgumentException("Unknown option " + args[i] + " (see --help)");
      }
    }
    long started = System.nanoTime();
    SandboxServer sandbox = start(host, port, tokens);
    Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "sandbox-shutdown"));
    LOG.info("ActivePlatform sandbox: {} operations at {} (started in {} ms)", sandbox.operationCount(), sandbox.baseUri(),
        (System.nanoTime() - started) / 1_000_000);
    LOG.info("Tokens: {}", tokens.isEmpty() ? "any non-empty token is accepted" : tokens.size() + " configured token(s)");
    LOG.info("Docs: {}/docs   Spec: {}/openapi.yaml", sandbox.baseUri(), sandbox.baseUri());
    Thread.currentThread().join();
  }

  private static String value(String[] args, int index, String option) {
    if (index >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[index];
  }
}
