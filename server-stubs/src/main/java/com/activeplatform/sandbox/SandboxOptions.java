package com.activeplatform.sandbox;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * How the sandbox runs, from its command line.
 *
 * @param host the address to listen on
 * @param port the port (0 picks a free one)
 * @param tokens the accepted tokens; empty accepts any non-blank token
 * @param stateful whether create, update and delete operations change what get and list answer
 * @param latency a delay added to every API answer
 * @param failureRate the fraction of API requests answered with 503 (0 to 1)
 */
public record SandboxOptions(String host, int port, Set<String> tokens, boolean stateful, Duration latency,
    double failureRate) {

  /** The usage line of the command. */
  public static final String USAGE = """
      usage: java -jar activeplatform-sandbox.jar [options]
        --port N            port to listen on (default 8080; 0 picks a free one)
        --host ADDRESS      address to listen on (default 127.0.0.1; 0.0.0.0 for all)
        --token TOKEN       accept only this token (repeatable; default: any non-empty token)
        --stateful BOOL     create/update/delete change what get/list answer (default true)
        --latency DURATION  delay every API answer, e.g. 200ms or 1s (default 0)
        --fail-rate RATE    answer this fraction of API requests with 503, e.g. 0.1 (default 0)
      Per request: Prefer: code=404 | example=NAME | dynamic=true | delay=250""";

  /** Validates the options. */
  public SandboxOptions {
    tokens = Set.copyOf(tokens);
    if (failureRate < 0 || failureRate > 1) {
      throw new IllegalArgumentException("--fail-rate must be between 0 and 1");
    }
    if (latency.isNegative()) {
      throw new IllegalArgumentException("--latency must not be negative");
    }
  }

  /** @return the defaults: 127.0.0.1:8080, any token, stateful, no latency, no failures */
  public static SandboxOptions defaults() {
    return new SandboxOptions("127.0.0.1", 8080, Set.of(), true, Duration.ZERO, 0);
  }

  /** @return these options on another port */
  public SandboxOptions withPort(int newPort) {
    return new SandboxOptions(host, newPort, tokens, stateful, latency, failureRate);
  }

  /** @return these options with other accepted tokens */
  public SandboxOptions withTokens(Set<String> newTokens) {
    return new SandboxOptions(host, port, newTokens, stateful, latency, failureRate);
  }

  /** @return these options with stateful mode on or off */
  public SandboxOptions withStateful(boolean on) {
    return new SandboxOptions(host, port, tokens, on, latency, failureRate);
  }

  /** @return these options with a failure rate */
  public SandboxOptions withFailureRate(double rate) {
    return new SandboxOptions(host, port, tokens, stateful, latency, rate);
  }

  /**
   * @param args the command line
   * @return the options it gives
   * @throws IllegalArgumentException for an unknown option or a bad value
   */
  public static SandboxOptions parse(String... args) {
    SandboxOptions o = defaults();
    Set<String> tokens = new LinkedHashSet<>();
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      String value = i + 1 < args.length ? args[i + 1] : null;
      if (value == null) {
        throw new IllegalArgumentException(option + " needs a value (see --help)");
      }
      i++;
      o = switch (option) {
        case "--port" -> o.withPort(Integer.parseInt(value));
        case "--host" -> new SandboxOptions(value, o.port(), o.tokens(), o.stateful(), o.latency(), o.failureRate());
        case "--token" -> {
          tokens.add(value);
          yield o;
        }
        case "--stateful" -> o.withStateful(Boolean.parseBoolean(value));
        case "--latency" -> new SandboxOptions(o.host(), o.port(), o.tokens(), o.stateful(), duration(value), o.failureRate());
        case "--fail-rate" -> o.withFailureRate(Double.parseDouble(value));
        default -> throw new IllegalArgumentException("Unknown option " + option + " (see --help)");
      };
    }
    return o.withTokens(tokens);
  }

  /** 200ms, 2s, 1m or a number of milliseconds. */
  static Duration duration(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (t.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
    }
    if (t.endsWith("s")) {
      return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
    }
    if (t.endsWith("m")) {
      return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
    }
    return Duration.ofMillis(Long.parseLong(t));
  }
}
