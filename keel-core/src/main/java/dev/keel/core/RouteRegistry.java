package dev.keel.core;

import dev.keel.core.internal.http.Pipeline;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What an application registered before it started: routes in groups, application middleware
 * (outermost first), before and after hooks. Turned into the pipeline's route specs once, and
 * printed as the route table.
 */
final class RouteRegistry {
  private final List<Registered> routes = new ArrayList<>();
  private final List<Middleware> outermost = new ArrayList<>();
  private final List<Middleware> middleware = new ArrayList<>();
  final List<Hook> before = new ArrayList<>();
  final List<Hook> after = new ArrayList<>();
  private final Runnable checkOpen;
  final Group root;

  /**
   * @param checkOpen throws once the application has started and nothing may be added
   */
  RouteRegistry(Runnable checkOpen) {
    this.checkOpen = checkOpen;
    this.root = new Group("", null);
  }

  void use(Middleware m) {
    checkOpen.run();
    middleware.add(Objects.requireNonNull(m, "middleware"));
  }

  void useOutermost(Middleware m) {
    checkOpen.run();
    outermost.add(Objects.requireNonNull(m, "middleware"));
  }

  /** The application's middleware, outermost first. */
  List<Middleware> middleware() {
    var all = new ArrayList<>(outermost);
    all.addAll(middleware);
    return all;
  }

  int size() {
    return routes.size();
  }

  List<Pipeline.RouteSpec> specs() {
    var specs = new ArrayList<Pipeline.RouteSpec>(routes.size());
    for (Registered r : routes) {
      specs.add(new Pipeline.RouteSpec(r.method(), r.pattern(), r.handler(), r.group().chain()));
    }
    return specs;
  }

  /** See {@link Keel#routeTable()}. */
  String table() {
    List<Middleware> all = middleware();
    var b = new StringBuilder("middleware, outermost first:\n");
    if (all.isEmpty()) b.append("  (none)\n");
    for (int i = 0; i < all.size(); i++) {
      b.append("  ").append(i + 1).append(". ").append(describe(all.get(i))).append('\n');
    }
    b.append("routes:\n");
    routes.stream()
        .sorted(Comparator.comparing(Registered::pattern).thenComparing(Registered::method))
        .forEach(
            r -> {
              b.append(String.format("  %-7s %-40s", r.method(), r.pattern()));
              var chain = r.group().chain();
              if (!chain.isEmpty()) {
                b.append(" group middleware: ");
                b.append(String.join(", ", chain.stream().map(RouteRegistry::describe).toList()));
              }
              if (r.handler() instanceof Handler.NonBlocking) b.append(" (non-blocking)");
              b.setLength(b.toString().stripTrailing().length());
              b.append('\n');
            });
    return b.toString();
  }

  /**
   * A readable name: the class's own {@code toString()}, else its name, for lambdas the outer one.
   */
  private static String describe(Object o) {
    Class<?> c = o.getClass();
    if (c.isHidden() || c.isSynthetic()) {
      String name = c.getName();
      int cut = name.indexOf("$$");
      name = cut > 0 ? name.substring(0, cut) : name;
      return name.substring(name.lastIndexOf('.') + 1) + " (lambda)";
    }
    String text = o.toString();
    return text.startsWith(c.getName() + "@") ? c.getSimpleName() : text;
  }

  private record Registered(String method, String pattern, Handler handler, Group group) {}

  /**
   * Routes under a prefix with middleware of their own. A group's middleware wraps all of its
   * routes, whether added before or after them; a nested group adds to its parent's.
   */
  final class Group implements Routes {
    private final String prefix;
    private final Group parent;
    private final List<Middleware> own = new ArrayList<>();

    Group(String prefix, Group parent) {
      if (!prefix.isEmpty() && (!prefix.startsWith("/") || prefix.endsWith("/"))) {
        throw new IllegalArgumentException(
            "group prefix \"" + prefix + "\" must start with / and not end with /, e.g. /api");
      }
      this.prefix = prefix;
      this.parent = parent;
    }

    List<Middleware> chain() {
      if (parent == null) return List.of(); // the root's middleware is the application's
      var all = new ArrayList<>(parent.chain());
      all.addAll(own);
      return all;
    }

    @Override
    public Routes route(String method, String pattern, Handler handler) {
      checkOpen.run();
      String full = pattern.equals("/") && !prefix.isEmpty() ? prefix : prefix + pattern;
      routes.add(new Registered(method, full, Objects.requireNonNull(handler, "handler"), this));
      return this;
    }

    @Override
    public Routes group(String sub, Consumer<Routes> body) {
      checkOpen.run();
      body.accept(new Group(prefix + sub, this));
      return this;
    }

    @Override
    public Routes use(Middleware m) {
      if (parent == null) {
        RouteRegistry.this.use(m);
      } else {
        checkOpen.run();
        own.add(Objects.requireNonNull(m, "middleware"));
      }
      return this;
    }
  }
}
