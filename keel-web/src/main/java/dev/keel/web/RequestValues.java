package dev.keel.web;

import dev.keel.core.AttributeKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Framework-provided handler parameters: middleware stores a value under {@link #key(Class)} and
 * every handler parameter of that {@link Provided @Provided} type receives it.
 *
 * <pre>{@code
 * @Provided(status = 401)
 * public record User(String name) {}
 *
 * app.use(next -> ctx -> {
 *   ctx.header("X-User").ifPresent(name -> ctx.attribute(RequestValues.key(User.class), new User(name)));
 *   return next.handle(ctx);
 * });
 * }</pre>
 */
public final class RequestValues {
  private static final Map<Class<?>, AttributeKey<?>> KEYS = new ConcurrentHashMap<>();

  private RequestValues() {}

  /** The one attribute key under which values of {@code type} are provided to handlers. */
  @SuppressWarnings("unchecked")
  public static <T> AttributeKey<T> key(Class<T> type) {
    return (AttributeKey<T>)
        KEYS.computeIfAbsent(type, t -> AttributeKey.of("provided:" + t.getName(), t));
  }
}
