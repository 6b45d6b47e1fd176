package dev.keel.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a controller class or method: the request must be authenticated (401 otherwise) and its
 * principal must hold every listed permission (403 otherwise) — the same rule as {@link
 * Security#requires(String...)} for functional routes: the routes keel-processor generates call
 * {@link Security#authorize} before reading any parameter. A method's annotation adds to its
 * class's. No permission, a blank one, one with whitespace, or the annotation on a method that is
 * not a route are compile errors.
 *
 * <pre>{@code
 * @Post @Requires("articles:write")
 * ArticleView create(@Body NewArticle body, Principal user) { … }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Requires {
  /** Permissions, all required, e.g. {@code articles:write}. */
  String[] value();
}
