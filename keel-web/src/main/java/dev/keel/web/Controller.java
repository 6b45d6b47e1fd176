package dev.keel.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A class whose annotated methods are HTTP endpoints under a path prefix, e.g.
 * {@code @Controller("/api/articles")}. Register an instance with {@code Keel.controllers(...)}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Controller {
  /** The path prefix of every route in the class: starts with {@code /}, or empty. */
  String value() default "";
}
