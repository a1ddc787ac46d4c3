package com.activeplatform.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Prism (pinned in spec/package.json, installed by the build) running on a free loopback port for
 * the length of a suite: {@code prism mock} or {@code prism proxy}, both with {@code --errors}, so
 * an invalid request (and, for the proxy, an upstream answer that breaks the spec) is an error.
 */
final class PrismProcess implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static Path refereeSpec;

  private final Process process;
  private final URI baseUri;
  private final Path log;

  private PrismProcess(Process process, URI baseUri, Path log) {
    this.process = process;
    this.baseUri = baseUri;
    this.log = log;
  }

  /** Starts {@code prism mock --errors} on the bundled spec. */
  static PrismProcess mock() throws IOException, InterruptedException {
    return start("mock", List.of());
  }

  /** Starts {@code prism proxy --errors} on the bundled spec in front of {@code upstream}. */
  static PrismProcess proxy(URI upstream) throws IOException, InterruptedException {
    return start("proxy", List.of(upstream.toString()));
  }

  URI baseUri() {
    return baseUri;
  }

  /** @return what Prism printed so far (for failure messages) */
  String output() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(Prism log unreadable: " + e.getMessage() + ")";
    }
  }

  private static PrismProcess start(String mode, List<String> extra) throws IOException, InterruptedException {
    String prism = System.getProperty("conformance.prism");
    if (prism == null || !Files.isExecutable(Path.of(prism))) {
      throw new IllegalStateException("conformance.prism must name the Prism executable installed by the build; got " + prism);
    }
    int port = freePort();
    List<String> command = new ArrayList<>(List.of(prism, mode, refereeSpec().toString()));
    command.addAll(extra);
    command.addAll(List.of("--errors", "--host", "127.0.0.1", "--port", Integer.toString(port)));
    Path logs = Path.of(System.getProperty("conformance.logs", "target/prism-logs"));
    Files.createDirectories(logs);
    Path log = logs.resolve("prism-" + mode + "-" + port + ".log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    PrismProcess prismProcess = new PrismProcess(process, URI.create("http://127.0.0.1:" + port), log);
    prismProcess.awaitListening(port);
    return prismProcess;
  }

  /**
   * The bundled spec as handed to Prism. Prism 5.16 cannot match a required query parameter
   * whose name has brackets ({@code filter[switch_type]}): it answers 422 whether the client
   * sends the name raw or percent-encoded (stoplightio/prism#2443). In Prism's copy such
   * parameters are optional; the spec suite and the sandbox's own validation still enforce them.
   */
  private static synchronized Path refereeSpec() throws IOException {
    if (refereeSpec != null) {
      return refereeSpec;
    }
    Path copy = Path.of(System.getProperty("conformance.logs", "target/prism-logs")).resolve("prism-spec.json");
    JsonNode spec = new ObjectMapper(new YAMLFactory()).readTree(SpecOperations.specFile().toFile());
    for (JsonNode parameter : spec.findParents("in")) {
      if ("query".equals(parameter.path("in").asText()) && parameter.path("name").asText().contains("[")
          && parameter.path("required").asBoolean(false)) {
        ((ObjectNode) parameter).put("required", false);
      }
    }
    Files.createDirectories(copy.getParent());
    new ObjectMapper().writeValue(copy.toFile(), spec);
    refereeSpec = copy;
    return copy;
  }

  private void awaitListening(int port) throws InterruptedException {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Prism exited with " + process.exitValue() + ":\n" + output());
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    close();
    throw new IllegalStateException("Prism did not listen on port " + port + " within " + START_TIMEOUT + ":\n" + output());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
