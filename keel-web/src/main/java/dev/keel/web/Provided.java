package dev.keel.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a type whose values the framework provides to handler parameters from a request attribute
 * that middleware sets under {@link RequestValues#key(Class)}; e.g. the authenticated principal. A
 * required parameter answers {@link #status()} when the attribute is absent; declare {@code
 * Optional<T>} to accept absence.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Provided {
  /** The status answered when a required value is absent: 401 for a principal, 500 for a bug. */
  int status() default 500;
}
