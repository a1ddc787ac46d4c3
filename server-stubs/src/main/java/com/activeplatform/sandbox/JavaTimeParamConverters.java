package com.activeplatform.sandbox;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.function.Function;

/** Binds ISO 8601 query and path values to the java.time types the generated interfaces use. */
final class JavaTimeParamConverters implements ParamConverterProvider {

  @Override
  @SuppressWarnings("unchecked")
  public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
    if (rawType == LocalDate.class) {
      return (ParamConverter<T>) converter(LocalDate::parse);
    }
    if (rawType == OffsetDateTime.class) {
      return (ParamConverter<T>) converter(OffsetDateTime::parse);
    }
    return null;
  }

  private static <T> ParamConverter<T> converter(Function<String, T> parse) {
    return new ParamConverter<>() {
      @Override
      public T fromString(String value) {
        return value == null ? null : parse.apply(value);
      }

      @Override
      public String toString(T value) {
        return value.toString();
      }
    };
  }
}
