package dev.keel.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a query parameter: {@code T} is required (or takes {@link #defaultValue()} when absent),
 * {@code Optional<T>} may be absent, {@code List<T>} is repeated ({@code ?tag=a&tag=b}).
 *
 * <pre>{@code
 * @Get
 * Page<Todo> list(@Query(defaultValue = "20") @Max(100) int limit, @Query Optional<String> q)
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Query {
  /** The query parameter's name; the Java parameter's name when empty. */
  String value() default "";

  /**
   * The value bound when the request leaves the parameter out, written as a client would send it
   * ({@code "20"}, {@code "newest"}, {@code "2026-01-31"}). keel-processor converts it at compile
   * time by the request rules, so a default that does not convert to the parameter's type is a
   * compile error naming the parameter; it is validated like a sent value (a default that fails the
   * parameter's own constraints stops start-up) and appears in the OpenAPI document as the schema's
   * {@code default}. Not allowed on {@code Optional<T>} (it could never be empty) or {@code
   * List<T>} (it is empty when absent). Only a written {@code defaultValue} counts: without one the
   * parameter is required unless it is an {@code Optional} or a {@code List}.
   */
  String defaultValue() default "";
}
