package dev.keel.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a query parameter; {@code Optional<T>} when it may be absent, {@code List<T>} for a
 * repeated one.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Query {
  /** The query parameter's name; the Java parameter's name when empty. */
  String value() default "";
}
