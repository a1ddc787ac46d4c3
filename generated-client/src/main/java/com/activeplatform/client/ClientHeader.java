package com.activeplatform.client;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A header the client sets from its configuration instead of a method argument (the spec marks
 * such parameters {@code x-client-level}); for example {@code X-Api-Locale} from
 * {@link ClientConfig#locale()}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ClientHeader {

  /** @return the header name */
  String name();

  /** @return the configuration setting that supplies the value (see {@link ClientConfig#setting(String)}) */
  String setting();
}
