package com.activeplatform.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import feign.codec.Decoder;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decodes 2xx answers into the operation's model, straight from the body's bytes. A body that
 * does not fit becomes an {@link ActivePlatformException.UnreadableAnswer} with a one-line reason,
 * not a Jackson stack trace.
 */
final class AnswerDecoder implements Decoder {

  private final ObjectMapper mapper;
  private final Map<Type, JavaType> types = new ConcurrentHashMap<>();

  AnswerDecoder(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public Object decode(Response response, Type type) throws IOException {
    byte[] body = Bodies.bytes(response);
    if (body.length == 0) {
      return null;
    }
    try {
      return mapper.readValue(body, types.computeIfAbsent(type, mapper::constructType));
    } catch (IOException | RuntimeException e) {
      String problem = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getClass().getSimpleName();
      throw new ActivePlatformException.UnreadableAnswer(response.status(), response.request().httpMethod().name(),
          TokenRedaction.pathAndQuery(response.request().url()), type.getTypeName(), problem,
          new String(body, StandardCharsets.UTF_8));
    }
  }
}
