package dev.keel.core.internal.router;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Checks routes for conflicts and compiles them into the immutable {@link Node} tree. */
final class RouteTree {

  /** One route as registered. */
  record Route<T>(String method, RoutePattern pattern, T value, String description) {}

  /** A build-time node; discarded once compiled. */
  private static final class Draft<T> {
    final Map<String, Draft<T>> statics = new LinkedHashMap<>();
    Draft<T> param;
    Draft<T> wildcard;
    Route<T> owner; // the first route through this param/wildcard node; its name wins
    final TreeMap<String, T> byMethod = new TreeMap<>();
    RoutePattern pattern;
  }

  private RouteTree() {}

  static <T> Node compile(List<Route<T>> routes) {
    rejectDuplicates(routes);
    Draft<T> root = new Draft<>();
    for (Route<T> route : routes) {
      insert(root, route);
    }
    return freeze(root);
  }

  // Checked before names, so GET /a/{id} + GET /a/{slug} is reported as the duplicate it is.
  private static <T> void rejectDuplicates(List<Route<T>> routes) {
    Map<String, Route<T>> seen = new HashMap<>();
    for (Route<T> route : routes) {
      Route<T> earlier = seen.putIfAbsent(route.method() + " " + route.pattern().shape(), route);
      if (earlier != null) {
        throw new RouteConflictException(
            "Duplicate route: '"
                + route.description()
                + "' has the same method and path shape as '"
                + earlier.description()
                + "' ("
                + route.method()
                + " "
                + route.pattern().shape()
                + "; parameter names do not tell routes apart). Remove one of them.");
      }
    }
  }

  private static <T> void insert(Draft<T> root, Route<T> route) {
    Draft<T> node = root;
    StringBuilder prefix = new StringBuilder("/");
    List<RoutePattern.Segment> segments = route.pattern().segments();
    for (int depth = 0; depth < segments.size(); depth++) {
      RoutePattern.Segment segment = segments.get(depth);
      switch (segment.kind()) {
        case STATIC -> {
          node = node.statics.computeIfAbsent(segment.text(), k -> new Draft<>());
          prefix.append(segment.text()).append('/');
          continue;
        }
        case PARAM -> {
          if (node.param == null) {
            node.param = named(route);
          }
          node = node.param;
        }
        case WILDCARD -> {
          if (node.wildcard == null) {
            node.wildcard = named(route);
          }
          node = node.wildcard;
        }
      }
      checkName(node, route, depth, prefix.toString());
      prefix.append('{').append(segment.text()).append("}/");
    }
    node.byMethod.put(route.method(), route.value());
    node.pattern = route.pattern(); // identical text for every method here: names are checked
  }

  private static <T> Draft<T> named(Route<T> owner) {
    Draft<T> draft = new Draft<>();
    draft.owner = owner;
    return draft;
  }

  private static <T> void checkName(Draft<T> node, Route<T> route, int depth, String prefix) {
    RoutePattern.Segment segment = route.pattern().segments().get(depth);
    // The owner reached this node along the same shape, so its segment at this depth is the twin.
    String ownName = node.owner.pattern().segments().get(depth).text();
    if (!ownName.equals(segment.text())) {
      String brace = segment.kind() == RoutePattern.Kind.WILDCARD ? "{*" : "{";
      throw new RouteConflictException(
          "Conflicting parameter names after '"
              + prefix
              + "': '"
              + route.description()
              + "' calls it "
              + brace
              + segment.text()
              + "} but '"
              + node.owner.description()
              + "' calls it "
              + brace
              + ownName
              + "}. A parameter position shared by several routes has one name;"
              + " use the same name in both.");
    }
  }

  private static <T> Node freeze(Draft<T> draft) {
    Map<String, Node> statics = new LinkedHashMap<>();
    draft.statics.forEach((text, child) -> statics.put(text, freeze(child)));
    return new Node(
        statics.isEmpty() ? StaticChildren.EMPTY : new StaticChildren(statics),
        draft.param == null ? null : freeze(draft.param),
        draft.wildcard == null ? null : freeze(draft.wildcard),
        draft.byMethod.isEmpty() ? null : new Terminal<>(draft.pattern, draft.byMethod));
  }
}
