package com.activeplatform.client;

/**
 * One error of an error answer. v3 answers carry a JSON:API {@code errors} list; v1 and v2 answer
 * {@code {"error": "..."}}, which becomes one ApiError whose {@link #title()} is that text.
 *
 * @param status the HTTP status the error states, as a string (may be null)
 * @param code a machine-readable code such as {@code INVOICE-0001} (may be null)
 * @param title a short message in the requested locale (may be null)
 * @param detail details of this occurrence (may be null)
 * @param pointer JSON Pointer to the offending body member (may be null)
 * @param parameter name of the offending parameter (may be null)
 */
public record ApiError(String status, String code, String title, String detail, String pointer, String parameter) {

  /** @return title and detail, whichever are present */
  public String message() {
    if (title != null && detail != null) {
      return title + ": " + detail;
    }
    return title != null ? title : detail != null ? detail : code;
  }
}
