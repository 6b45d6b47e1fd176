package dev.keel.db;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Overrides the table name of a record (by convention the record's simple name in snake_case, e.g.
 * {@code BlogPost} → {@code blog_post}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Table {
  String value();
}
