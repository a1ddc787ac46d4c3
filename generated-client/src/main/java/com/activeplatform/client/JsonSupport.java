package com.activeplatform.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;

/** The JSON mapping of the client. */
public final class JsonSupport {

  /**
   * ISO 8601 date-time with the offset written with a colon ({@code +03:00}), without one
   * ({@code +0300}) or as {@code Z}: the platform uses all three.
   */
  static final DateTimeFormatter API_DATE_TIME = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
      .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
      .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
      .toFormatter();

  private JsonSupport() {}

  /**
   * A mapper for the API's bodies: java.time types, lenient date-time offsets, unknown fields
   * ignored (the schemas are open where the vendor guide was incomplete) and nulls left out of
   * requests.
   *
   * @return a new mapper
   */
  public static ObjectMapper newMapper() {
    SimpleModule offsets = new SimpleModule("ActivePlatformDateTimes")
        .addDeserializer(OffsetDateTime.class, new OffsetDateTimeDeserializer());
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .addModule(offsets)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .serializationInclusion(JsonInclude.Include.NON_NULL)
        .build();
  }

  private static final class OffsetDateTimeDeserializer extends StdScalarDeserializer<OffsetDateTime> {
    private static final long serialVersionUID = 1L;

    OffsetDateTimeDeserializer() {
      super(OffsetDateTime.class);
    }

    @Override
    public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String text = p.getValueAsString();
      if (text == null || text.isBlank()) {
        return null;
      }
      try {
        return OffsetDateTime.parse(text.strip(), API_DATE_TIME);
      } catch (DateTimeParseException e) {
        return (OffsetDateTime) ctxt.handleWeirdStringValue(OffsetDateTime.class, text,
            "not an ISO 8601 date-time with offset: %s", e.getMessage());
      }
    }
  }
}
