package dev.keel.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Binds a request cookie; {@code Optional<T>} when it may be absent. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Cookie {
  /** The cookie's name; the Java parameter's name when empty. */
  String value() default "";
}
