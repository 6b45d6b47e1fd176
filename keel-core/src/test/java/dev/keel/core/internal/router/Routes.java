package dev.keel.core.internal.router;

import dev.keel.core.internal.router.Lookup.Found;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: routes written as "METHOD /pattern", each mapped to that very string. */
final class Routes {
  private Routes() {}

  static Router<String> router(String... specs) {
    Router.Builder<String> builder = Router.builder();
    for (String spec : specs) {
      add(builder, spec);
    }
    return builder.build();
  }

  static void add(Router.Builder<String> builder, String spec) {
    int space = spec.indexOf(' ');
    builder.add(spec.substring(0, space), spec.substring(space + 1), spec, description(spec));
  }

  static String description(String spec) {
    return spec + " (H." + spec.hashCode() + ")";
  }

  /** Params from alternating names and values. */
  static PathParams params(String... namesAndValues) {
    List<String> names = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      names.add(namesAndValues[i]);
      values.add(namesAndValues[i + 1]);
    }
    return PathParams.of(names, values);
  }

  static Found<String> found(String spec, String... namesAndValues) {
    return new Found<>(spec, spec.substring(spec.indexOf(' ') + 1), params(namesAndValues));
  }
}
