package dev.keel.jmh;

import dev.keel.core.internal.router.Lookup;
import dev.keel.core.internal.router.Router;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link Router#find} over a realistic table: the RealWorld (Conduit) API, an admin area, health
 * and TechEmpower-style endpoints and static assets - 50 routes. One benchmark per kind of outcome.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class RouterBenchmark {

  /** Method and pattern of every route; the value stored is the route's description. */
  static final String[][] ROUTES = {
    // RealWorld / Conduit
    {"POST", "/api/users/login"},
    {"POST", "/api/users"},
    {"GET", "/api/user"},
    {"PUT", "/api/user"},
    {"GET", "/api/profiles/{username}"},
    {"POST", "/api/profiles/{username}/follow"},
    {"DELETE", "/api/profiles/{username}/follow"},
    {"GET", "/api/articles"},
    {"POST", "/api/articles"},
    {"GET", "/api/articles/feed"},
    {"GET", "/api/articles/{slug}"},
    {"PUT", "/api/articles/{slug}"},
    {"DELETE", "/api/articles/{slug}"},
    {"GET", "/api/articles/{slug}/comments"},
    {"POST", "/api/articles/{slug}/comments"},
    {"GET", "/api/articles/{slug}/comments/{id}"},
    {"DELETE", "/api/articles/{slug}/comments/{id}"},
    {"POST", "/api/articles/{slug}/favorite"},
    {"DELETE", "/api/articles/{slug}/favorite"},
    {"GET", "/api/tags"},
    {"GET", "/api/users/{username}/articles"},
    {"GET", "/api/notifications"},
    {"PUT", "/api/notifications/{id}/read"},
    {"GET", "/api/search"},
    {"POST", "/api/uploads"},
    {"GET", "/api/uploads/{id}"},
    {"GET", "/api/v2/articles"},
    {"GET", "/api/v2/articles/{slug}"},
    // admin area
    {"GET", "/admin"},
    {"GET", "/admin/users"},
    {"GET", "/admin/users/{id}"},
    {"PUT", "/admin/users/{id}"},
    {"DELETE", "/admin/users/{id}"},
    {"GET", "/admin/articles"},
    {"GET", "/admin/articles/{slug}"},
    {"DELETE", "/admin/articles/{slug}"},
    // operations and TechEmpower-style endpoints
    {"GET", "/health"},
    {"GET", "/ready"},
    {"GET", "/metrics"},
    {"GET", "/plaintext"},
    {"GET", "/json"},
    {"GET", "/db"},
    {"GET", "/queries"},
    {"GET", "/fortunes"},
    // pages and static files
    {"GET", "/"},
    {"GET", "/login"},
    {"GET", "/favicon.ico"},
    {"GET", "/robots.txt"},
    {"GET", "/assets/{*path}"},
    {"GET", "/docs/{*path}"},
  };

  private Router<String> router;

  // Fields, not constants, so the JIT cannot fold the lookups away.
  private String get = "GET";
  private String patch = "PATCH";
  private String staticPath = "/api/user";
  private String oneParamPath = "/api/articles/how-to-train-your-dragon";
  private String twoParamPath = "/api/articles/how-to-train-your-dragon/comments/42";
  private String wildcardPath = "/assets/css/app.3f2a9c.css";
  private String missingPath = "/api/articles/how-to-train-your-dragon/likes";

  @Setup
  public void setUp() {
    var builder = Router.<String>builder();
    for (String[] route : ROUTES) {
      builder.add(route[0], route[1], route[0] + " " + route[1], route[0] + " " + route[1]);
    }
    router = builder.build();
    expect(staticPath(), "Found");
    expect(oneParam(), "Found");
    expect(twoParams(), "Found");
    expect(wildcard(), "Found");
    expect(notFound(), "NotFound");
    expect(methodNotAllowed(), "MethodNotAllowed");
  }

  private static void expect(Lookup<String> lookup, String kind) {
    if (!lookup.getClass().getSimpleName().equals(kind)) {
      throw new IllegalStateException("expected " + kind + " but the router answered " + lookup);
    }
  }

  /** {@code GET /api/user}: no parameters; the answer is prebuilt. */
  @Benchmark
  public Lookup<String> staticPath() {
    return router.find(get, staticPath);
  }

  /** {@code GET /api/articles/{slug}}. */
  @Benchmark
  public Lookup<String> oneParam() {
    return router.find(get, oneParamPath);
  }

  /** {@code GET /api/articles/{slug}/comments/{id}}. */
  @Benchmark
  public Lookup<String> twoParams() {
    return router.find(get, twoParamPath);
  }

  /** {@code GET /assets/{*path}} with a three-segment rest. */
  @Benchmark
  public Lookup<String> wildcard() {
    return router.find(get, wildcardPath);
  }

  /** A path that goes three segments deep, then matches nothing: 404. */
  @Benchmark
  public Lookup<String> notFound() {
    return router.find(get, missingPath);
  }

  /** {@code PATCH /api/articles/{slug}}: the path matches, the method does not: 405. */
  @Benchmark
  public Lookup<String> methodNotAllowed() {
    return router.find(patch, oneParamPath);
  }
}
