package com.activeplatform.client;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Settings of an {@link ActivePlatformClient}: where the installation is, the manager's API token,
 * the locale of error messages, timeouts, retries and headers sent with every call. Immutable;
 * {@link #withLocale(String)} derives a copy.
 */
public final class ClientConfig {

  /** Connect timeout used when none is set. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /** Read timeout used when none is set. */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);
  /** Locale used when none is set. */
  public static final String DEFAULT_LOCALE = "en";

  private final String baseUrl;
  private final String token;
  private final String locale;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final RetryPolicy retryPolicy;
  private final Map<String, String> headers;

  private ClientConfig(Builder<?> b) {
    this.baseUrl = stripTrailingSlash(Objects.requireNonNull(b.baseUrl, "baseUrl"));
    URI.create(this.baseUrl); // fail early on a malformed URL
    this.token = b.token;
    this.locale = requireText(b.locale, "locale");
    this.connectTimeout = requirePositive(b.connectTimeout, "connectTimeout");
    this.readTimeout = requirePositive(b.readTimeout, "readTimeout");
    this.retryPolicy = Objects.requireNonNull(b.retryPolicy, "retryPolicy");
    this.headers = Map.copyOf(b.headers);
  }

  private ClientConfig(ClientConfig base, String locale) {
    this.baseUrl = base.baseUrl;
    this.token = base.token;
    this.locale = requireText(locale, "locale");
    this.connectTimeout = base.connectTimeout;
    this.readTimeout = base.readTimeout;
    this.retryPolicy = base.retryPolicy;
    this.headers = base.headers;
  }

  /** @return the installation's base URL, e.g. {@code https://test.activeplatform.com} */
  public String baseUrl() {
    return baseUrl;
  }

  /** @return the manager's API token, or null when only unauthenticated methods are called */
  public String token() {
    return token;
  }

  /** @return the locale sent as {@code X-Api-Locale} ({@code en} or {@code ru}) */
  public String locale() {
    return locale;
  }

  /** @return the connect timeout */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** @return the read timeout */
  public Duration readTimeout() {
    return readTimeout;
  }

  /** @return when failed calls are repeated */
  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /** @return headers sent with every call */
  public Map<String, String> headers() {
    return headers;
  }

  /**
   * @param newLocale the locale for error messages
   * @return a copy of this configuration with another locale
   */
  public ClientConfig withLocale(String newLocale) {
    return new ClientConfig(this, newLocale);
  }

  /**
   * The value of a client-level setting named by a {@link ClientHeader}.
   *
   * @param name the setting's name
   * @return its value
   * @throws IllegalArgumentException for a setting this client does not know
   */
  public String setting(String name) {
    if ("locale".equals(name)) {
      return locale;
    }
    throw new IllegalArgumentException("Unknown client-level setting: " + name);
  }

  @Override
  public String toString() { // never prints the token
    return "ClientConfig[baseUrl=" + baseUrl + ", token=" + (token == null ? "none" : "***")
        + ", locale=" + locale + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
        + ", retryPolicy=" + retryPolicy + ", headers=" + headers.keySet() + "]";
  }

  private static String stripTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static String requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  private static Duration requirePositive(Duration value, String name) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
    return value;
  }

  /**
   * Builds a {@link ClientConfig} and hands it to a factory, typically
   * {@code ActivePlatformClient.builder()}.
   *
   * @param <T> what {@link #build()} returns
   */
  public static final class Builder<T> {
    private final Function<ClientConfig, T> factory;
    private String baseUrl;
    private String token;
    private String locale = DEFAULT_LOCALE;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration readTimeout = DEFAULT_READ_TIMEOUT;
    private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
    private final Map<String, String> headers = new LinkedHashMap<>();

    /** @param factory turns the finished configuration into the built object */
    public Builder(Function<ClientConfig, T> factory) {
      this.factory = Objects.requireNonNull(factory, "factory");
    }

    /**
     * @param value the installation's base URL (required)
     * @return this builder
     */
    public Builder<T> baseUrl(String value) {
      this.baseUrl = value;
      return this;
    }

    /**
     * @param value the manager's API token; sent as {@code api_token} (v1, v2) or
     *     {@code X-Api-Token} (v3), as each operation's security says
     * @return this builder
     */
    public Builder<T> token(String value) {
      this.token = value;
      return this;
    }

    /**
     * @param value {@code en} (default) or {@code ru}
     * @return this builder
     */
    public Builder<T> locale(String value) {
      this.locale = value;
      return this;
    }

    /**
     * @param value the connect timeout (default 10 s)
     * @return this builder
     */
    public Builder<T> connectTimeout(Duration value) {
      this.connectTimeout = value;
      return this;
    }

    /**
     * @param value the read timeout (default 60 s)
     * @return this builder
     */
    public Builder<T> readTimeout(Duration value) {
      this.readTimeout = value;
      return this;
    }

    /**
     * @param value when failed calls are repeated (default {@link RetryPolicy#DEFAULT}; {@link RetryPolicy#NONE} never)
     * @return this builder
     */
    public Builder<T> retryPolicy(RetryPolicy value) {
      this.retryPolicy = value;
      return this;
    }

    /**
     * A header sent with every call, e.g. a correlation ID, or {@code Prefer} to pick an answer
     * of the sandbox or of Prism. The token and the locale have their own settings.
     *
     * @param name the header name
     * @param value its value
     * @return this builder
     */
    public Builder<T> header(String name, String value) {
      this.headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** @return the built object */
    public T build() {
      return factory.apply(new ClientConfig(this));
    }
  }
}
