package dev.keel.graphql;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a method of a {@link GraphQlApi} class a field of the schema's {@code Subscription} type;
 * the method returns a {@code java.util.concurrent.Flow.Publisher} of the events. Its parameters
 * are the field's arguments (by their Java names); a {@code dev.keel.security.Principal} or {@code
 * Optional<Principal>} parameter receives the caller instead. {@code value} renames the field.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Subscription {
  /** The field's name; the method's name when empty. */
  String value() default "";
}
