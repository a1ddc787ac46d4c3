package com.activeplatform.client;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Feign's transport over {@code java.net.http.HttpClient}, reading each answer whole. It stands
 * in for feign-java11's {@code Http2Client}, which streams answers through an
 * {@code InputStream} fed by the client's selector thread: for the small JSON answers of this
 * API that hand-over cost a third of a local call (see BENCHMARKS.md).
 */
final class JdkHttpClient implements Client {

  /** Headers the JDK client sets itself and refuses to be given. */
  private static final Set<String> RESTRICTED = Set.of("content-length", "host", "connection", "expect", "upgrade");

  private final HttpClient http;

  JdkHttpClient(HttpClient http) {
    this.http = http;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Response execute(Request request, Request.Options options) throws IOException {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(request.url()))
        .timeout(Duration.ofMillis(options.readTimeoutMillis()))
        .method(request.httpMethod().name(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(request.body()));
    request.headers().forEach((name, values) -> {
      if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
        values.forEach(value -> builder.header(name, value));
      }
    });
    HttpResponse<byte[]> answer;
    try {
      answer = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("Interrupted while waiting for " + request.httpMethod() + " " + request.url());
    }
    return Response.builder()
        .status(answer.statusCode())
        .request(request)
        .protocolVersion(Request.ProtocolVersion.HTTP_1_1)
        .headers((Map<String, Collection<String>>) (Map) answer.headers().map())
        .body(answer.body())
        .build();
  }
}
