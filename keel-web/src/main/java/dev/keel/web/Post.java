package dev.keel.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Handles {@code POST} requests at the controller'\''s prefix plus {@link #value()}. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Post {
  /** The path after the controller's prefix, e.g. {@code /{slug}}; empty for the prefix itself. */
  String value() default "";
}
