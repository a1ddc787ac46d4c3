package com.activeplatform.sandbox;

import java.time.Duration;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * What a request asks of the sandbox in its {@code Prefer} header, as with Prism:
 * {@code code=404} (answer that status), {@code example=name} (answer that named example),
 * {@code dynamic=true} (generate the answer from the schema) and {@code delay=250} (wait that many
 * milliseconds first). Several go comma-separated: {@code Prefer: code=422, example=sameValue}.
 *
 * @param code the status asked for, if any
 * @param example the example name asked for, or null
 * @param dynamic whether a generated answer is asked for
 * @param delay how long to wait before answering
 */
record Preferences(OptionalInt code, String example, boolean dynamic, Duration delay) {

  static final String HEADER = "Prefer";
  static final Preferences NONE = new Preferences(OptionalInt.empty(), null, false, Duration.ZERO);

  /**
   * @param header the Prefer header, or null
   * @return what it asks for; unknown or malformed entries are ignored, as RFC 7240 says
   */
  static Preferences parse(String header) {
    if (header == null || header.isBlank()) {
      return NONE;
    }
    OptionalInt code = OptionalInt.empty();
    String example = null;
    boolean dynamic = false;
    Duration delay = Duration.ZERO;
    for (String entry : header.split("[,;]")) {
      String[] pair = entry.strip().split("=", 2);
      if (pair.length != 2) {
        continue;
      }
      String value = pair[1].strip().replace("\"", "");
      switch (pair[0].strip().toLowerCase(Locale.ROOT)) {
        case "code" -> code = parseInt(value).map(OptionalInt::of).orElse(code);
        case "example" -> example = value.isBlank() ? null : value;
        case "dynamic" -> dynamic = Boolean.parseBoolean(value);
        case "delay" -> delay = parseInt(value).filter(ms -> ms >= 0).map(ms -> Duration.ofMillis(Math.min(ms, 60_000))).orElse(delay);
        default -> { }
      }
    }
    return new Preferences(code, example, dynamic, delay);
  }

  private static java.util.Optional<Integer> parseInt(String value) {
    try {
      return java.util.Optional.of(Integer.parseInt(value));
    } catch (NumberFormatException e) {
      return java.util.Optional.empty();
    }
  }
}
