package com.activeplatform.client;

import java.net.URI;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Removes the API token from URLs before they reach a message or a log. */
final class TokenRedaction {

  private static final String TOKEN_PARAMETER = "api_token";

  private TokenRedaction() {}

  /**
   * @param url an absolute or relative URL
   * @return its path and query without the {@code api_token} parameter
   */
  static String pathAndQuery(String url) {
    URI uri = URI.create(url);
    String query = uri.getRawQuery();
    String path = uri.getRawPath();
    if (query == null) {
      return path;
    }
    String kept = Arrays.stream(query.split("&"))
        .filter(pair -> !pair.equals(TOKEN_PARAMETER) && !pair.startsWith(TOKEN_PARAMETER + "="))
        .collect(Collectors.joining("&"));
    return kept.isEmpty() ? path : path + "?" + kept;
  }
}
