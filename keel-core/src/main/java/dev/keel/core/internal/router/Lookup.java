package dev.keel.core.internal.router;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The outcome of {@link Router#find(String, String)}. The server maps the cases to: handler call,
 * 404, 405 with an {@code Allow} header, and an automatic 204 answer to {@code OPTIONS}.
 */
public sealed interface Lookup<T> {

  /**
   * A route matched. For {@code HEAD} without an explicit HEAD route this is the GET route; the
   * server drops the body.
   *
   * @param pattern the route template, e.g. {@code /articles/{slug}}
   */
  record Found<T>(T value, String pattern, PathParams params) implements Lookup<T> {
    public Found {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(pattern, "pattern");
      Objects.requireNonNull(params, "params");
    }
  }

  /** No route pattern matches the path, whatever the method. */
  record NotFound<T>() implements Lookup<T> {}

  /**
   * A route pattern matches the path but has no route for the method.
   *
   * @param allowed what to send in {@code Allow}: sorted, includes HEAD when GET exists, and
   *     OPTIONS
   */
  record MethodNotAllowed<T>(Set<String> allowed) implements Lookup<T> {
    public MethodNotAllowed {
      allowed = sortedCopy(allowed);
    }
  }

  /**
   * An {@code OPTIONS} request for a path whose route has no explicit OPTIONS route: the server
   * answers it itself (204 with {@code Allow}).
   *
   * @param allowed same contents as {@link MethodNotAllowed#allowed()} would have
   */
  record ImplicitOptions<T>(Set<String> allowed) implements Lookup<T> {
    public ImplicitOptions {
      allowed = sortedCopy(allowed);
    }
  }

  private static Set<String> sortedCopy(Set<String> allowed) {
    return Collections.unmodifiableSortedSet(new TreeSet<>(allowed));
  }
}
