package dev.keel.core.internal.router;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.internal.router.Lookup.Found;
import dev.keel.core.internal.router.Lookup.ImplicitOptions;
import dev.keel.core.internal.router.Lookup.MethodNotAllowed;
import dev.keel.core.internal.router.Lookup.NotFound;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Compares the tree against a naive linear matcher over random routes and paths. */
class RouterPropertyTest {

  private static final String[] METHODS = {"GET", "POST", "DELETE", "HEAD", "OPTIONS"};
  private static final String[] LITERALS = {"a", "b", "c", "é"};
  private static final String[] PATH_SEGMENTS = {
    "a", "b", "c", "d", "", "é", "%C3%A9", "%61", "x%2Fy", "zz", "%2F", "B"
  };

  /** A generated route: segments are literal text, "{name}" or "{*name}". */
  private record Spec(String method, List<String> segments, String pattern) {
    Spec(String method, List<String> segments) {
      this(method, List.copyOf(segments), "/" + String.join("/", segments));
    }

    String text() {
      return method + " " + pattern;
    }
  }

  @Test
  void treeAgreesWithNaiveMatcher() {
    Random random = new Random(20250611L);
    int found = 0;
    int notAllowed = 0;
    int notFound = 0;
    for (int round = 0; round < 200; round++) {
      List<Spec> specs = randomSpecs(random, 1 + random.nextInt(40));
      Router.Builder<String> builder = Router.builder();
      specs.forEach(s -> Routes.add(builder, s.text()));
      Router<String> router = builder.build();

      for (int i = 0; i < 250; i++) {
        String path =
            random.nextBoolean()
                ? randomPath(random)
                : instantiate(random, specs.get(random.nextInt(specs.size())));
        String method = random.nextInt(6) == 0 ? "PUT" : METHODS[random.nextInt(METHODS.length)];
        String[] segments = segments(path);
        Spec best = best(specs, segments);
        Set<String> allowed = naiveAllowed(specs, best);
        Lookup<String> expected = naiveFind(specs, best, segments, method, allowed);
        assertThat(router.find(method, path))
            .as(() -> method + " " + path + " in " + specs)
            .isEqualTo(expected);
        assertThat(router.allowedMethods(path)).as(() -> "allowed " + path).isEqualTo(allowed);
        switch (expected) {
          case Found<String> f -> found++;
          case NotFound<String> n -> notFound++;
          default -> notAllowed++;
        }
      }
    }
    System.out.printf("found=%d notAllowed=%d notFound=%d%n", found, notAllowed, notFound);
    // Guards against a generator that never reaches the interesting cases.
    assertThat(found).isGreaterThan(8_000);
    assertThat(notAllowed).isGreaterThan(4_000);
    assertThat(notFound).isGreaterThan(8_000);
  }

  @Test
  void everyRouteIsReachableThroughItsWitnessPath() {
    Random random = new Random(7L);
    for (int round = 0; round < 300; round++) {
      List<Spec> specs = randomSpecs(random, 1 + random.nextInt(40));
      Router.Builder<String> builder = Router.builder();
      specs.forEach(s -> Routes.add(builder, s.text()));
      Router<String> router = builder.build();
      for (Spec spec : specs) {
        // Parameters get values that are no literal; a wildcard's rest starts with an empty
        // segment.
        List<String> parts = new ArrayList<>();
        for (String s : spec.segments()) {
          parts.add(s.startsWith("{*") ? "/x" : s.startsWith("{") ? "fresh" : s);
        }
        String path = "/" + String.join("/", parts);
        Lookup<String> lookup = router.find(spec.method(), path);
        assertThat(lookup)
            .as(() -> spec.text() + " via " + path + " in " + specs)
            .isInstanceOf(Found.class);
        assertThat(((Found<String>) lookup).value())
            .as(() -> spec.text() + " via " + path)
            .isEqualTo(spec.text());
      }
    }
  }

  private static List<Spec> randomSpecs(Random random, int count) {
    List<Spec> specs = new ArrayList<>();
    Set<String> shapes = new HashSet<>();
    while (specs.size() < count) {
      int length = 1 + random.nextInt(4);
      List<String> segments = new ArrayList<>();
      for (int depth = 0; depth < length; depth++) {
        boolean last = depth == length - 1;
        int kind = random.nextInt(10);
        if (last && kind == 0) {
          segments.add("{*w" + depth + "}");
        } else if (last && kind == 1) {
          segments.add(""); // trailing slash, or the root route when alone
        } else if (kind < 5) {
          segments.add("{p" + depth + "}"); // one name per depth keeps shared positions consistent
        } else {
          segments.add(LITERALS[random.nextInt(LITERALS.length)]);
        }
      }
      Spec spec = new Spec(METHODS[random.nextInt(METHODS.length)], segments);
      String shape = spec.method() + spec.pattern().replaceAll("\\{\\*?\\w+}", "{}");
      if (shapes.add(shape)) {
        specs.add(spec);
      }
    }
    return specs;
  }

  private static String randomPath(Random random) {
    int length = 1 + random.nextInt(5);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < length; i++) {
      sb.append('/').append(PATH_SEGMENTS[random.nextInt(PATH_SEGMENTS.length)]);
    }
    return sb.toString();
  }

  /** A path that the spec matches, though maybe a higher-priority route takes it. */
  private static String instantiate(Random random, Spec spec) {
    StringBuilder sb = new StringBuilder();
    for (String s : spec.segments()) {
      sb.append('/');
      if (s.startsWith("{*")) {
        sb.append(randomPath(random).substring(1));
      } else if (s.startsWith("{")) {
        sb.append(PATH_SEGMENTS[random.nextInt(PATH_SEGMENTS.length)]);
      } else {
        sb.append(s.equals("é") && random.nextBoolean() ? "%C3%A9" : s);
      }
    }
    return sb.toString();
  }

  // ---- the naive matcher: try every route, keep the best by segment kinds

  private static Lookup<String> naiveFind(
      List<Spec> specs, Spec best, String[] segments, String method, Set<String> allowed) {
    if (best == null) {
      return new NotFound<>();
    }
    Map<String, String> params = match(best, segments);
    for (String m : method.equals("HEAD") ? List.of("HEAD", "GET") : List.of(method)) {
      for (Spec s : specs) {
        if (s.method().equals(m) && s.pattern().equals(best.pattern())) {
          return new Found<>(
              s.text(),
              s.pattern(),
              PathParams.of(List.copyOf(params.keySet()), List.copyOf(params.values())));
        }
      }
    }
    return method.equals("OPTIONS")
        ? new ImplicitOptions<>(allowed)
        : new MethodNotAllowed<>(allowed);
  }

  private static Set<String> naiveAllowed(List<Spec> specs, Spec best) {
    Set<String> allowed = new TreeSet<>();
    if (best == null) {
      return allowed;
    }
    for (Spec s : specs) {
      if (s.pattern().equals(best.pattern())) {
        allowed.add(s.method());
        allowed.add("OPTIONS");
        if (s.method().equals("GET")) {
          allowed.add("HEAD");
        }
      }
    }
    return allowed;
  }

  /** The matching spec with the smallest kinds sequence, or null. */
  private static Spec best(List<Spec> specs, String[] segments) {
    Spec best = null;
    for (Spec spec : specs) {
      if (match(spec, segments) != null && (best == null || compare(spec, best) < 0)) {
        best = spec;
      }
    }
    return best;
  }

  /** Literal before parameter before wildcard, at the first position where the kinds differ. */
  private static int compare(Spec x, Spec y) {
    for (int i = 0; i < Math.min(x.segments().size(), y.segments().size()); i++) {
      int c = Integer.compare(kind(x.segments().get(i)), kind(y.segments().get(i)));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static int kind(String segment) {
    return segment.startsWith("{*") ? 2 : segment.startsWith("{") ? 1 : 0;
  }

  private static Map<String, String> match(Spec spec, String[] path) {
    Map<String, String> params = new LinkedHashMap<>();
    List<String> pattern = spec.segments();
    for (int i = 0; i < pattern.size(); i++) {
      String p = pattern.get(i);
      if (i >= path.length) {
        return null;
      }
      if (kind(p) == 2) {
        params.put(
            p.substring(2, p.length() - 1),
            String.join("/", Arrays.asList(path).subList(i, path.length)));
        return params;
      }
      if (kind(p) == 1) {
        if (path[i].isEmpty()) {
          return null;
        }
        params.put(p.substring(1, p.length() - 1), path[i]);
      } else if (!p.equals(path[i])) {
        return null;
      }
    }
    return pattern.size() == path.length ? params : null;
  }

  private static String[] segments(String path) {
    String[] raw = path.substring(1).split("/", -1);
    String[] decoded = new String[raw.length];
    for (int i = 0; i < raw.length; i++) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      String s = raw[i];
      for (int j = 0; j < s.length(); j++) {
        if (s.charAt(j) == '%') {
          bytes.write(Integer.parseInt(s.substring(j + 1, j + 3), 16));
          j += 2;
        } else {
          bytes.writeBytes(String.valueOf(s.charAt(j)).getBytes(StandardCharsets.UTF_8));
        }
      }
      decoded[i] = bytes.toString(StandardCharsets.UTF_8);
    }
    return decoded;
  }
}
