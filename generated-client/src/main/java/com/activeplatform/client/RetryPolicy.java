package com.activeplatform.client;

import java.time.Duration;
import java.util.Objects;

/**
 * When and how often the client repeats a request. A request is repeated after a connection error
 * or a 429, 502, 503 or 504 answer, with exponential backoff and jitter (or after the server's
 * {@code Retry-After}, up to {@code maxBackoff}). Only idempotent methods (GET, PUT, DELETE, HEAD,
 * OPTIONS) are repeated unless {@code retryNonIdempotent} also allows POST and PATCH.
 *
 * @param maxAttempts attempts in all, including the first (1 disables retries)
 * @param initialBackoff the wait before the second attempt; it doubles for each further one
 * @param maxBackoff the longest wait between two attempts, also for {@code Retry-After}
 * @param retryNonIdempotent whether POST and PATCH are repeated too
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, boolean retryNonIdempotent) {

  /** 3 attempts, 250 ms doubling up to 5 s, idempotent methods only. */
  public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(250), Duration.ofSeconds(5), false);

  /** Never repeat a request. */
  public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, false);

  /** Validates the settings. */
  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    if (initialBackoff.isNegative() || maxBackoff.isNegative()) {
      throw new IllegalArgumentException("backoffs must not be negative");
    }
  }

  /**
   * @param allowed whether POST and PATCH are repeated too
   * @return a copy of this policy
   */
  public RetryPolicy withRetryNonIdempotent(boolean allowed) {
    return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, allowed);
  }

  /**
   * @param method an HTTP method
   * @return whether a request with it may be repeated under this policy
   */
  public boolean allows(String method) {
    return switch (method) {
      case "GET", "HEAD", "OPTIONS", "PUT", "DELETE" -> true;
      default -> retryNonIdempotent;
    };
  }

  /**
   * The wait before the given attempt: {@code initialBackoff * 2^(attempt-2)}, capped at
   * {@code maxBackoff}, of which a random half is left out ("equal jitter").
   *
   * @param attempt the attempt about to be made (2 for the first repetition)
   * @param random a number in [0, 1)
   * @return the wait in milliseconds
   */
  long backoffMillis(int attempt, double random) {
    long exponential = initialBackoff.toMillis() << Math.min(attempt - 2, 30);
    long capped = Math.min(Math.max(exponential, 0), maxBackoff.toMillis());
    return capped / 2 + (long) (random * (capped / 2.0));
  }
}
