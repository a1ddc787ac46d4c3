package com.activeplatform.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.MultivaluedMap;
import java.net.URI;
import java.util.List;

/**
 * One page of a list, as asked with the API's paging parameters ({@code page[number]} and
 * {@code page[size]} in v3, {@code page} and {@code per_page} in v1), and the JSON:API paging
 * links that go with it.
 */
final class PageRequest {

  private final String numberParameter;
  private final String sizeParameter;
  private final int number;
  private final int size;

  private PageRequest(String numberParameter, String sizeParameter, int number, int size) {
    this.numberParameter = numberParameter;
    this.sizeParameter = sizeParameter;
    this.number = number;
    this.size = size;
  }

  /**
   * @param query the request's query parameters
   * @param numberParameter the name of the page-number parameter
   * @param sizeParameter the name of the page-size parameter
   * @param defaultSize the page size when none is asked for
   * @return the page asked for (page 1 by default)
   */
  static PageRequest read(MultivaluedMap<String, String> query, String numberParameter, String sizeParameter, int defaultSize) {
    return new PageRequest(numberParameter, sizeParameter,
        positive(query.getFirst(numberParameter), 1), positive(query.getFirst(sizeParameter), defaultSize));
  }

  <T> List<T> slice(List<T> all) {
    long from = (long) (number - 1) * size;
    if (from >= all.size()) {
      return List.of();
    }
    return all.subList((int) from, (int) Math.min(all.size(), from + size));
  }

  /** {@code self}, {@code first}, {@code prev}, {@code next} and {@code last}, as the request's path and query. */
  ObjectNode links(ObjectMapper mapper, URI request, int total) {
    int last = Math.max(1, (int) Math.ceil(total / (double) size));
    String base = base(request);
    ObjectNode links = mapper.createObjectNode();
    links.put("self", link(base, number));
    links.put("first", link(base, 1));
    links.put("prev", number > 1 ? link(base, Math.min(number - 1, last)) : null);
    links.put("next", number < last ? link(base, number + 1) : null);
    links.put("last", link(base, last));
    return links;
  }

  /** The request's path and query without the paging parameters, ready for them to be appended. */
  private String base(URI request) {
    StringBuilder base = new StringBuilder(request.getRawPath()).append('?');
    if (request.getRawQuery() != null) {
      for (String pair : request.getRawQuery().split("&")) {
        String name = java.net.URLDecoder.decode(pair.split("=", 2)[0], java.nio.charset.StandardCharsets.UTF_8);
        if (!name.equals(numberParameter) && !name.equals(sizeParameter) && !pair.isEmpty()) {
          base.append(pair).append('&');
        }
      }
    }
    return base.toString();
  }

  private String link(String base, int page) {
    return base + numberParameter + "=" + page + "&" + sizeParameter + "=" + size;
  }

  private static int positive(String value, int fallback) {
    try {
      int parsed = Integer.parseInt(value);
      return parsed > 0 ? parsed : fallback;
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
