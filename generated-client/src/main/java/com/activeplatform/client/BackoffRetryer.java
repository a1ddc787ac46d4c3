package com.activeplatform.client;

import feign.RetryableException;
import feign.Retryer;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Feign's retry hook under a {@link RetryPolicy}. When it gives up, it throws the
 * {@link ActivePlatformException} behind the last failure, not Feign's own exception.
 */
final class BackoffRetryer implements Retryer {

  private final RetryPolicy policy;
  private int attempt = 1;

  BackoffRetryer(RetryPolicy policy) {
    this.policy = policy;
  }

  @Override
  public void continueOrPropagate(RetryableException e) {
    attempt++;
    String method = e.method() == null ? "" : e.method().name();
    if (attempt > policy.maxAttempts() || !policy.allows(method)) {
      throw giveUp(e);
    }
    long wait = e.retryAfter() != null
        ? Math.min(Math.max(e.retryAfter() - System.currentTimeMillis(), 0), policy.maxBackoff().toMillis())
        : policy.backoffMillis(attempt, ThreadLocalRandom.current().nextDouble());
    try {
      Thread.sleep(wait);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw giveUp(e);
    }
  }

  private static RuntimeException giveUp(RetryableException e) {
    if (e.getCause() instanceof ActivePlatformException api) {
      return api;
    }
    String method = e.method() == null ? "?" : e.method().name();
    String path = e.request() == null ? "?" : TokenRedaction.pathAndQuery(e.request().url());
    return new ActivePlatformException.ConnectionFailed(method, path, e.getCause() == null ? e : e.getCause());
  }

  @Override
  public Retryer clone() {
    return new BackoffRetryer(policy);
  }
}
