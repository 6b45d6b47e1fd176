package dev.keel.graphql;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a method of a {@link GraphQlApi} class a field of the schema's {@code Mutation} type: a
 * write. Its parameters are the field's arguments (by their Java names); a {@code
 * dev.keel.security.Principal} or {@code Optional<Principal>} parameter receives the caller
 * instead. {@code value} renames the field.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Mutation {
  /** The field's name; the method's name when empty. */
  String value() default "";
}
