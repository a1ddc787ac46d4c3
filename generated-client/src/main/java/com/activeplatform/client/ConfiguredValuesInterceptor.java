package com.activeplatform.client;

import feign.MethodMetadata;
import feign.RequestInterceptor;
import feign.RequestTemplate;
import java.lang.reflect.Method;

/**
 * Adds what the client configuration supplies to each request: its fixed headers, the token where
 * the operation's {@link ApiAuth} says, and the {@link ClientHeader} values such as the locale.
 */
final class ConfiguredValuesInterceptor implements RequestInterceptor {

  private final ClientConfig config;

  ConfiguredValuesInterceptor(ClientConfig config) {
    this.config = config;
  }

  @Override
  public void apply(RequestTemplate template) {
    config.headers().forEach((name, value) -> template.header(name, value));
    MethodMetadata metadata = template.methodMetadata();
    if (metadata == null) {
      return;
    }
    Method method = metadata.method();
    ApiAuth auth = method.getAnnotation(ApiAuth.class);
    if (auth != null) {
      String token = config.token();
      if (token == null || token.isBlank()) {
        throw new IllegalStateException(method.getName() + " needs an API token, but the client has none");
      }
      if (auth.in() == ApiAuth.In.QUERY) {
        template.query(auth.name(), token);
      } else {
        template.header(auth.name(), token);
      }
    }
    ClientHeader header = method.getAnnotation(ClientHeader.class);
    if (header != null) {
      template.header(header.name(), config.setting(header.setting()));
    }
  }
}
