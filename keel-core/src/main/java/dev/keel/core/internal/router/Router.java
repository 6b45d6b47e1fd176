package dev.keel.core.internal.router;

import dev.keel.core.internal.router.Lookup.NotFound;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Maps a request method and raw path to a registered value (a handler). Built once at start-up;
 * immutable and thread-safe afterwards.
 *
 * <pre>{@code
 * Router<Handler> router = Router.<Handler>builder()
 *     .add("GET", "/articles/{slug}", getArticle, "GET /articles/{slug} (Articles.get)")
 *     .add("GET", "/static/{*path}", files, "GET /static/{*path} (StaticFiles)")
 *     .build();
 * switch (router.find(request.method(), rawPath)) {
 *   case Found<Handler>(var handler, var pattern, var params) -> handler.handle(params.get("slug"));
 *   case NotFound<Handler>() -> respond(404);
 *   case MethodNotAllowed<Handler>(var allowed) -> respond(405, "Allow", join(allowed));
 *   case ImplicitOptions<Handler>(var allowed) -> respond(204, "Allow", join(allowed));
 * }
 * }</pre>
 *
 * <p><b>Paths.</b> The leading '/' is dropped and the rest split at every '/', keeping empty parts:
 * {@code /} is one empty segment, {@code /a/} is {@code a} plus an empty segment, so a trailing
 * slash is significant. Each segment is then percent-decoded as UTF-8 (an encoded {@code %2F} stays
 * inside its segment); a malformed path throws {@link MalformedPathException} before any matching.
 * Literal segments compare against the decoded text, so {@code /caf%C3%A9} matches {@code /café}. A
 * parameter matches one non-empty segment. A wildcard matches the rest of the path - one or more
 * segments, which may be empty - so {@code /files/{*p}} matches {@code /files/} ({@code p = ""})
 * and {@code /files/a/b}, but not {@code /files}. An empty segment from {@code //} can only be
 * matched by a wildcard (or be the trailing slash of a pattern ending in '/').
 *
 * <p><b>Priority.</b> At each position a literal beats a parameter, which beats a wildcard; when
 * the preferred branch fails deeper down the search backtracks and tries the next one. So with
 * {@code /a/b/c} and {@code /a/{x}/d}, {@code /a/b/d} matches the second. The winner is the
 * matching pattern whose sequence of segment kinds is smallest in that order.
 *
 * <p><b>Methods.</b> The path alone selects the pattern - the resource - and the method then
 * selects among that pattern's routes; other patterns are never consulted. With {@code GET
 * /users/me} and {@code DELETE /users/{id}}, {@code DELETE /users/me} is therefore 405, not a
 * deletion of user "me". For the selected pattern: an explicit route for the method wins; {@code
 * HEAD} falls back to the GET route; {@code OPTIONS} yields {@link Lookup.ImplicitOptions};
 * anything else yields {@link Lookup.MethodNotAllowed}. Both carry {@link #allowedMethods(String)}:
 * the explicit methods, HEAD if GET exists, and OPTIONS. A path that no pattern matches is {@link
 * Lookup.NotFound} for every method, OPTIONS included.
 *
 * <p><b>Conflicts.</b> {@link Builder#build()} rejects two routes with the same method and the same
 * shape (the pattern with parameter names erased), and two routes that name the parameter or
 * wildcard at a shared position differently (one node, one name). Nothing else can make a route
 * unreachable under these rules, so nothing else is rejected: for any other route, fill each
 * parameter with a non-empty value that is no literal in the tree, and start a wildcard's rest with
 * an empty segment ({@code //x}). Where the route has a literal, the search takes that very node
 * first; where it has a parameter, no literal fits; where it has a wildcard, no literal or
 * parameter accepts the empty segment. So the search reaches the route's own node before any
 * alternative. (Such witnesses can be contrived: {@code /a/{*r}} next to {@code /a/}, {@code
 * /a/{x}} and {@code /a/{x}/{*s}} is reachable only through paths like {@code /a//x}.)
 */
public final class Router<T> {
  private static final NotFound<?> NOT_FOUND = new NotFound<>(); // carries no T, so shareable

  private final Node root;
  private final List<RouteInfo> routes;

  private Router(Node root, List<RouteInfo> routes) {
    this.root = root;
    this.routes = routes;
  }

  public static <T> Builder<T> builder() {
    return new Builder<>();
  }

  /**
   * Looks up {@code path} (raw, percent-encoded, without query) for {@code method}.
   *
   * @throws MalformedPathException if the path's percent-encoding or UTF-8 is malformed
   */
  public Lookup<T> find(String method, String path) {
    Objects.requireNonNull(method, "method");
    if (!isOriginForm(path)) {
      return notFound();
    }
    String[] decoded = decodeIfNeeded(path);
    Node node = match(root, path, 1, 0, decoded);
    if (node == null) {
      return notFound();
    }
    Terminal<T> terminal = terminal(node);
    return terminal.lookup(method, path, decoded);
  }

  /**
   * What an {@code Allow} header lists for {@code path}: sorted, HEAD when GET exists, always
   * OPTIONS; empty when no pattern matches.
   *
   * @throws MalformedPathException if the path's percent-encoding or UTF-8 is malformed
   */
  public Set<String> allowedMethods(String path) {
    if (!isOriginForm(path)) {
      return Set.of();
    }
    Node node = match(root, path, 1, 0, decodeIfNeeded(path));
    return node == null ? Set.of() : node.terminal.allowed;
  }

  /** Every registered route, sorted by pattern, then method (both in {@link String} order). */
  public List<RouteInfo> routes() {
    return routes;
  }

  @SuppressWarnings("unchecked")
  private static <T> NotFound<T> notFound() {
    return (NotFound<T>) NOT_FOUND;
  }

  private static String[] decodeIfNeeded(String path) {
    // Unencoded paths (the common case) are matched in place, without allocating.
    return path.indexOf('%') < 0 ? null : PercentDecoder.decodeSegments(path);
  }

  // Anything else ("*", an absolute URI) cannot match a pattern, which always starts with '/'.
  private static boolean isOriginForm(String path) {
    Objects.requireNonNull(path, "path");
    return !path.isEmpty() && path.charAt(0) == '/';
  }

  @SuppressWarnings("unchecked") // every terminal in this tree was built from a Route<T>
  private static <T> Terminal<T> terminal(Node node) {
    return (Terminal<T>) node.terminal;
  }

  /**
   * The node of the best pattern matching the segments from {@code pos} (index {@code index}), or
   * null. {@code decoded} holds decoded segments, or is null when the raw path has no '%'.
   */
  private static Node match(Node node, String path, int pos, int index, String[] decoded) {
    int slash = path.indexOf('/', pos);
    boolean last = slash < 0;
    int end = last ? path.length() : slash;
    Node child =
        decoded == null ? node.statics.get(path, pos, end) : node.statics.get(decoded[index]);
    if (child != null) {
      Node found = last ? ifTerminal(child) : match(child, path, slash + 1, index + 1, decoded);
      if (found != null) {
        return found;
      }
    }
    if (node.param != null && end > pos) {
      Node found =
          last ? ifTerminal(node.param) : match(node.param, path, slash + 1, index + 1, decoded);
      if (found != null) {
        return found;
      }
    }
    return node.wildcard;
  }

  private static Node ifTerminal(Node node) {
    return node.terminal == null ? null : node;
  }

  /** Collects routes; not thread-safe, used once at start-up. */
  public static final class Builder<T> {
    private final List<RouteTree.Route<T>> routes = new ArrayList<>();

    private Builder() {}

    /**
     * Registers {@code value} for {@code method} and {@code pattern}.
     *
     * @param method an upper-case HTTP method token, e.g. {@code GET}
     * @param description names the route in error messages, e.g. {@code GET /api/{id}
     *     (ArticlesController.get)}
     * @throws IllegalArgumentException if the method or pattern is invalid
     */
    public Builder<T> add(String method, String pattern, T value, String description) {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(pattern, "pattern");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(description, "description");
      if (!isMethodToken(method)) {
        throw new IllegalArgumentException(
            "Invalid HTTP method '"
                + method
                + "' for route '"
                + description
                + "': use an upper-case token such as GET or POST ([A-Z][A-Z0-9_-]*)");
      }
      routes.add(new RouteTree.Route<>(method, RoutePattern.parse(pattern), value, description));
      return this;
    }

    /**
     * Builds the router.
     *
     * @throws RouteConflictException if two routes conflict; see {@link Router}
     */
    public Router<T> build() {
      Node root = RouteTree.compile(routes);
      List<RouteInfo> table =
          routes.stream()
              .map(r -> new RouteInfo(r.method(), r.pattern().text(), r.description()))
              .sorted(Comparator.comparing(RouteInfo::pattern).thenComparing(RouteInfo::method))
              .toList();
      return new Router<>(root, table);
    }

    private static boolean isMethodToken(String method) {
      for (int i = 0; i < method.length(); i++) {
        char c = method.charAt(i);
        boolean ok =
            (c >= 'A' && c <= 'Z') || (i > 0 && ((c >= '0' && c <= '9') || c == '-' || c == '_'));
        if (!ok) {
          return false;
        }
      }
      return !method.isEmpty();
    }
  }
}
