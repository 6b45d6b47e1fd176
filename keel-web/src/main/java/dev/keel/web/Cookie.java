package dev.keel.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a request cookie; {@code Optional<T>} when it may be absent, or a {@link #defaultValue()}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Cookie {
  /** The cookie's name; the Java parameter's name when empty. */
  String value() default "";

  /**
   * The value bound when the request leaves the cookie out, written as a client would send it
   * ({@code "20"}, {@code "newest"}, {@code "2026-01-31"}). keel-processor converts it at compile
   * time by the request rules, so a default that does not convert to the parameter's type is a
   * compile error naming the parameter; it is validated like a sent value (a default that fails the
   * parameter's own constraints stops start-up) and appears in the OpenAPI document as the schema's
   * {@code default}. Not allowed on {@code Optional<T>} (it could never be empty). Only a written
   * {@code defaultValue} counts: without one the parameter is required unless it is an {@code
   * Optional}.
   */
  String defaultValue() default "";
}
