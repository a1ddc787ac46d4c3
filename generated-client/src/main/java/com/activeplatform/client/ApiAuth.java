package com.activeplatform.client;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Where an operation's security scheme puts the API token. Generated on every operation that the
 * spec secures; the client adds its configured token there, so no method takes a token argument.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ApiAuth {

  /** Location of the token. */
  enum In {
    /** A query parameter (API v1 and v2: {@code api_token}). */
    QUERY,
    /** A request header (API v3: {@code X-Api-Token}). */
    HEADER
  }

  /** @return where the token goes */
  In in();

  /** @return the name of the query parameter or header */
  String name();
}
