package dev.keel.core.internal.router;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * The decoded path parameters of a matched route, in pattern order. A wildcard's value is the rest
 * of the path with each segment decoded and re-joined by '/', so there an encoded {@code %2F} can
 * no longer be told apart from a real '/'.
 */
public final class PathParams {
  private static final PathParams EMPTY = new PathParams(new String[0], new String[0]);

  // Never exposed, never mutated after construction; names may be shared between lookups.
  private final String[] names;
  private final String[] values;

  private PathParams(String[] names, String[] values) {
    this.names = names;
    this.values = values;
  }

  public static PathParams empty() {
    return EMPTY;
  }

  /** Builds params from parallel lists, e.g. in tests of handlers. */
  public static PathParams of(List<String> names, List<String> values) {
    if (names.size() != values.size()) {
      throw new IllegalArgumentException(
          "names and values differ in size: " + names.size() + " vs " + values.size());
    }
    String[] n = names.toArray(String[]::new);
    String[] v = values.toArray(String[]::new);
    for (int i = 0; i < n.length; i++) {
      Objects.requireNonNull(n[i], "names");
      Objects.requireNonNull(v[i], "values");
    }
    return wrap(n, v);
  }

  /** Takes ownership of both arrays; the caller must not change them afterwards. */
  static PathParams wrap(String[] names, String[] values) {
    return names.length == 0 ? EMPTY : new PathParams(names, values);
  }

  /**
   * The value of {@code name}.
   *
   * @throws NoSuchElementException if the route has no such parameter, which is a bug in the caller
   */
  public String get(String name) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return values[i];
      }
    }
    throw new NoSuchElementException(
        "No path parameter '" + name + "'; the route has " + Arrays.toString(names));
  }

  /** The value of {@code name}, or empty if the route has no such parameter. */
  public Optional<String> find(String name) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return Optional.of(values[i]);
      }
    }
    return Optional.empty();
  }

  public List<String> names() {
    return List.of(names);
  }

  public int size() {
    return names.length;
  }

  /** An unmodifiable copy in pattern order. */
  public Map<String, String> asMap() {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      map.put(names[i], values[i]);
    }
    return Collections.unmodifiableMap(map);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PathParams p
        && Arrays.equals(names, p.names)
        && Arrays.equals(values, p.values);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(names) + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return asMap().toString();
  }
}
