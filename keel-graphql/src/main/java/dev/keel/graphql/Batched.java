package dev.keel.graphql;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Adds a field to a record's GraphQL type, resolved for many parents at once: {@code @Batched
 * List<Profile> author(List<Article> articles)} adds {@code author: Profile} to {@code Article} and
 * is called once per query level with every article that asked for it (a DataLoader per field and
 * request), so twenty articles with their authors cost two SQL statements, not twenty-one. The
 * returned list holds one value per parent, in the parents' order ({@code null} for none).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Batched {
  /** The field's name; the method's name when empty. */
  String value() default "";
}
