package com.activeplatform.client;

import java.net.URI;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Keeps the API token out of messages and logs. */
final class TokenRedaction {

  private static final String TOKEN_PARAMETER = "api_token";
  private static final String TOKEN_HEADER = "X-Api-Token";
  private static final String MASK = "***";
  private static final Pattern TOKEN_IN_TEXT = Pattern.compile("(api_token=)[^&\\s\"']*", Pattern.CASE_INSENSITIVE);

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

  /**
   * @param text any text that may quote a URL
   * @return the text with every {@code api_token=...} value masked
   */
  static String message(String text) {
    return TOKEN_IN_TEXT.matcher(text).replaceAll("$1" + MASK);
  }

  /**
   * @param header a header name
   * @param value its value
   * @return the value, masked when the header carries the token
   */
  static String headerValue(String header, String value) {
    return TOKEN_HEADER.equalsIgnoreCase(header) ? MASK : value;
  }
}
