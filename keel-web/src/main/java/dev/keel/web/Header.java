package dev.keel.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Binds a request header (case-insensitive name); {@code Optional<T>} when it may be absent. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Header {
  /** The header's name, e.g. {@code X-Tenant}. */
  String value();
}
