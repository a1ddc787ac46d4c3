package com.activeplatform.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The error body of each API generation: v3 answers a JSON:API error document, v1 and v2 answer
 * {@code {"error": "<text>"}}. Chosen by the request path, so unknown paths get the format of the
 * generation they aimed at.
 */
enum ErrorFormat {
  /** {@code {"errors": [{"status", "code", "title", "detail", "source"}]}} as application/vnd.api+json. */
  JSON_API("application/vnd.api+json") {
    @Override
    byte[] body(List<Problem> problems) {
      ObjectNode root = JsonNodeFactory.instance.objectNode();
      ArrayNode errors = root.putArray("errors");
      for (Problem p : problems) {
        ObjectNode error = errors.addObject()
            .put("status", Integer.toString(p.status()))
            .put("code", p.code())
            .put("title", p.title())
            .put("detail", p.detail());
        if (p.pointer() != null || p.parameter() != null) {
          ObjectNode source = error.putObject("source");
          if (p.pointer() != null) {
            source.put("pointer", p.pointer());
          }
          if (p.parameter() != null) {
            source.put("parameter", p.parameter());
          }
        }
      }
      return write(root);
    }
  },
  /** {@code {"error": "<detail>"}} as application/json; several problems are joined in one text. */
  V1("application/json") {
    @Override
    byte[] body(List<Problem> problems) {
      String text = problems.stream().map(Problem::detail).collect(Collectors.joining(" "));
      return write(JsonNodeFactory.instance.objectNode().put("error", text));
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

  abstract byte[] body(List<Problem> problems);

  private static byte[] write(ObjectNode node) {
    return node.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * One error, already in the request's locale.
   *
   * @param status its HTTP status
   * @param code a stable code
   * @param title a short title
   * @param detail what is wrong here
   * @param pointer JSON Pointer to the offending body member, or null
   * @param parameter the offending parameter, or null
   */
  record Problem(int status, String code, String title, String detail, String pointer, String parameter) {}
}
