package dev.keel.core;

import java.util.function.Consumer;

/**
 * Where routes are registered: the application itself, or a group sharing a path prefix and
 * middleware. Patterns have static segments, {@code {param}} segments and a trailing {@code
 * {*rest}} wildcard; a static segment beats a parameter, which beats the wildcard.
 *
 * <pre>{@code
 * app.group("/api", api -> {
 *   api.use(authentication);
 *   api.get("/articles/{slug}", ctx -> articles.find(ctx.pathParam("slug")));
 * });
 * }</pre>
 */
public interface Routes {
  /** Registers {@code handler} for {@code method} (upper case, e.g. {@code GET}) and pattern. */
  Routes route(String method, String pattern, Handler handler);

  /** Routes under {@code prefix} with middleware of their own, added inside {@code routes}. */
  Routes group(String prefix, Consumer<Routes> routes);

  /** Adds middleware: in a group it wraps only that group's routes, in the app every request. */
  Routes use(Middleware middleware);

  default Routes get(String pattern, Handler handler) {
    return route("GET", pattern, handler);
  }

  default Routes post(String pattern, Handler handler) {
    return route("POST", pattern, handler);
  }

  default Routes put(String pattern, Handler handler) {
    return route("PUT", pattern, handler);
  }

  default Routes patch(String pattern, Handler handler) {
    return route("PATCH", pattern, handler);
  }

  default Routes delete(String pattern, Handler handler) {
    return route("DELETE", pattern, handler);
  }
}
