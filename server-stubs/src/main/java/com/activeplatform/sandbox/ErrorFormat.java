package com.activeplatform.sandbox;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/**
 * The error body of each API generation: v3 answers a JSON:API error document, v1 and v2 answer
 * {@code {"error": "<text>"}}. Chosen by the request path, so unknown paths get the format of the
 * generation they aimed at.
 */
enum ErrorFormat {
  /** {@code {"errors": [{"status", "code", "title", "detail"}]}} as application/vnd.api+json. */
  JSON_API("application/vnd.api+json") {
    @Override
    byte[] body(int status, String code, String title, String detail) {
      ObjectNode root = JsonNodeFactory.instance.objectNode();
      root.putArray("errors").addObject()
          .put("status", Integer.toString(status))
          .put("code", code)
          .put("title", title)
          .put("detail", detail);
      return write(root);
    }
  },
  /** {@code {"error": "<detail>"}} as application/json. */
  V1("application/json") {
    @Override
    byte[] body(int status, String code, String title, String detail) {
      return write(JsonNodeFactory.instance.objectNode().put("error", detail));
    }
  };

  private final String mediaType;

  ErrorFormat(String mediaType) {
    this.mediaType = mediaType;
  }

  /**
   * @param path a request path
   * @return the error format of the API generation the path belongs to
   */
  static ErrorFormat forPath(String path) {
    return path != null && path.startsWith("/api/v3/") ? JSON_API : V1;
  }

  String mediaType() {
    return mediaType;
  }

  abstract byte[] body(int status, String code, String title, String detail);

  private static byte[] write(ObjectNode node) {
    return node.toString().getBytes(StandardCharsets.UTF_8);
  }
}
