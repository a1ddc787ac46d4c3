package com.activeplatform.client;

import feign.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reading response bodies, bounded. */
final class Bodies {

  /** API answers are small; a larger body is cut, not buffered whole. */
  static final int MAX_BYTES = 16 << 20;

  private Bodies() {}

  static byte[] bytes(Response response) throws IOException {
    if (response.body() == null) {
      return new byte[0];
    }
    try (InputStream in = response.body().asInputStream()) {
      return in.readNBytes(MAX_BYTES);
    }
  }

  static String read(Response response) {
    try {
      return new String(bytes(response), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
