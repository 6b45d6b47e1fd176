package dev.keel.core.internal.router;

import dev.keel.core.internal.router.Lookup.Found;
import dev.keel.core.internal.router.Lookup.ImplicitOptions;
import dev.keel.core.internal.router.Lookup.MethodNotAllowed;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * The routes of one pattern, by method, with every answer that does not depend on the path built
 * ahead of time so that lookups of parameterless routes allocate nothing.
 */
final class Terminal<T> {
  private final String[] methods; // explicit methods, sorted
  private final List<T> values;
  private final List<Found<T>> prebuilt; // per method when the pattern has no parameters
  private final int getIndex; // serves HEAD when there is no explicit HEAD route; -1 if no GET
  private final String pattern;
  private final String[] paramNames;
  private final int[] paramSegments; // segment index of each parameter
  private final boolean endsWithWildcard;
  final Set<String> allowed;
  private final MethodNotAllowed<T> notAllowed;
  private final ImplicitOptions<T> options;

  Terminal(RoutePattern pattern, SortedMap<String, T> byMethod) {
    this.pattern = pattern.text();
    this.methods = byMethod.keySet().toArray(String[]::new);
    this.values = List.copyOf(byMethod.values());
    this.getIndex = indexOf("GET");

    List<String> names = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    List<RoutePattern.Segment> segments = pattern.segments();
    for (int i = 0; i < segments.size(); i++) {
      if (segments.get(i).kind() != RoutePattern.Kind.STATIC) {
        names.add(segments.get(i).text());
        positions.add(i);
      }
    }
    this.paramNames = names.toArray(String[]::new);
    this.paramSegments = positions.stream().mapToInt(Integer::intValue).toArray();
    this.endsWithWildcard = segments.getLast().kind() == RoutePattern.Kind.WILDCARD;

    List<Found<T>> found = new ArrayList<>();
    if (paramNames.length == 0) {
      for (T value : values) {
        found.add(new Found<>(value, this.pattern, PathParams.empty()));
      }
    }
    this.prebuilt = List.copyOf(found);

    TreeSet<String> allow = new TreeSet<>(byMethod.keySet());
    allow.add("OPTIONS");
    if (getIndex >= 0) {
      allow.add("HEAD");
    }
    this.allowed = Collections.unmodifiableSortedSet(allow);
    this.notAllowed = new MethodNotAllowed<>(allowed);
    this.options = new ImplicitOptions<>(allowed);
  }

  /** The answer for {@code method} once the path is known to match this pattern. */
  Lookup<T> lookup(String method, String path, String[] decoded) {
    int i = indexOf(method);
    if (i < 0 && method.equals("HEAD")) {
      i = getIndex;
    }
    if (i >= 0) {
      return prebuilt.isEmpty()
          ? new Found<>(values.get(i), pattern, params(path, decoded))
          : prebuilt.get(i);
    }
    return method.equals("OPTIONS") ? options : notAllowed;
  }

  private int indexOf(String method) {
    for (int i = 0; i < methods.length; i++) {
      if (methods[i].equals(method)) {
        return i;
      }
    }
    return -1;
  }

  /** Walks the path once more; cheaper than tracking captures while backtracking. */
  private PathParams params(String path, String[] decoded) {
    String[] out = new String[paramNames.length];
    int p = 0;
    int pos = 1;
    for (int seg = 0; p < out.length; seg++) {
      int slash = path.indexOf('/', pos);
      int end = slash < 0 ? path.length() : slash;
      if (seg == paramSegments[p]) {
        boolean rest = endsWithWildcard && p == out.length - 1;
        if (decoded == null) {
          out[p] = rest ? path.substring(pos) : path.substring(pos, end);
        } else {
          out[p] =
              rest ? String.join("/", List.of(decoded).subList(seg, decoded.length)) : decoded[seg];
        }
        p++;
      }
      pos = end + 1;
    }
    return PathParams.wrap(paramNames, out);
  }
}
