package com.activeplatform.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Feign;
import feign.Logger;
import feign.Request;
import feign.form.FormEncoder;
import feign.jackson.JacksonEncoder;
import java.net.http.HttpClient;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * Creates and caches the Feign implementations of the generated API interfaces for one
 * {@link ClientConfig}. Clients derived with another locale share the HTTP connection pool.
 */
final class FeignApis {

  private final ClientConfig config;
  private final HttpClient http;
  private final ObjectMapper mapper;
  private final ConcurrentMap<Class<?>, Object> apis = new ConcurrentHashMap<>();

  FeignApis(ClientConfig config) {
    this(config, HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(config.connectTimeout())
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build(), JsonSupport.newMapper());
  }

  private FeignApis(ClientConfig config, HttpClient http, ObjectMapper mapper) {
    this.config = config;
    this.http = http;
    this.mapper = mapper;
  }

  /** @return a sibling for another configuration of the same installation, sharing connections */
  FeignApis withConfig(ClientConfig other) {
    return new FeignApis(other, http, mapper);
  }

  <T> T get(Class<T> api) {
    return api.cast(apis.computeIfAbsent(api, this::create));
  }

  private Object create(Class<?> api) {
    return Feign.builder()
        .contract(new SpecNamesContract())
        .client(new JdkHttpClient(http))
        .options(new Request.Options(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS,
            config.readTimeout().toMillis(), TimeUnit.MILLISECONDS, true))
        .encoder(new FormEncoder(new JacksonEncoder(mapper)))
        .decoder(new AnswerDecoder(mapper))
        .errorDecoder(new ErrorResponseDecoder(mapper))
        .retryer(new BackoffRetryer(config.retryPolicy()))
        .logger(new SafeLogger())
        .logLevel(Logger.Level.BASIC)
        .invocationHandlerFactory(new UnwrappingInvocationHandlerFactory())
        .requestInterceptor(new ConfiguredValuesInterceptor(config))
        .target(api, config.baseUrl());
  }
}
