package dev.keel.security;

import dev.keel.security.internal.SessionJson;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.Optional;

/**
 * Sessions in Redis (through Lettuce), shared by every instance: one JSON string per session under
 * {@code keyPrefix + id}, expiring with Redis's own TTL. Close it at shutdown ({@code
 * app.onStop(store)}).
 *
 * <pre>{@code
 * var store = RedisSessionStore.connect("redis://127.0.0.1:6379", "myapp:session:");
 * app.onStop(store);
 * }</pre>
 */
public final class RedisSessionStore implements SessionStore, AutoCloseable {
  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;
  private final RedisCommands<String, String> redis;
  private final String prefix;

  private RedisSessionStore(RedisClient client, String prefix) {
    this.client = client;
    this.connection = client.connect();
    this.redis = connection.sync();
    this.prefix = prefix;
  }

  /**
   * Connects to {@code uri} (e.g. {@code redis://127.0.0.1:6379/0}).
   *
   * @param keyPrefix prepended to every key, e.g. {@code myapp:session:}
   */
  public static RedisSessionStore connect(String uri, String keyPrefix) {
    RedisClient client = RedisClient.create(uri);
    try {
      return new RedisSessionStore(client, keyPrefix);
    } catch (RuntimeException e) {
      client.shutdown();
      throw new IllegalStateException(
          "cannot connect to Redis at " + uri + " for sessions (" + e.getMessage() + ")", e);
    }
  }

  @Override
  public void save(Session s, Duration ttl) {
    redis.set(prefix + s.id(), SessionJson.write(s), SetArgs.Builder.px(ttl.toMillis()));
  }

  @Override
  public Optional<Session> find(String id) {
    String json = redis.get(prefix + id);
    return json == null ? Optional.empty() : Optional.of(SessionJson.read(id, json));
  }

  @Override
  public void delete(String id) {
    redis.del(prefix + id);
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown();
  }
}
