package dev.keel.security;

import io.lettuce.core.RedisClient;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

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
  private static final JsonMapper JSON = JsonMapper.builder().build();

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
    var map = new LinkedHashMap<String, Object>();
    s.principal()
        .ifPresent(
            p ->
                map.put(
                    "principal",
                    Map.of(
                        "id", p.id(),
                        "roles", List.copyOf(p.roles()),
                        "permissions", List.copyOf(p.permissions()))));
    map.put("csrf", s.csrfToken());
    map.put("created", s.createdAt().toEpochMilli());
    map.put("seen", s.lastSeenAt().toEpochMilli());
    map.put("data", s.data());
    redis.set(prefix + s.id(), JSON.writeValueAsString(map), SetArgs.Builder.px(ttl.toMillis()));
  }

  @Override
  @SuppressWarnings("unchecked")
  public Optional<Session> find(String id) {
    String json = redis.get(prefix + id);
    if (json == null) return Optional.empty();
    Map<String, Object> map = JSON.readValue(json, Map.class);
    Optional<Principal> principal =
        Optional.ofNullable((Map<String, Object>) map.get("principal"))
            .map(
                p ->
                    new Principal(
                        (String) p.get("id"),
                        Set.copyOf((List<String>) p.get("roles")),
                        Set.copyOf((List<String>) p.get("permissions"))));
    return Optional.of(
        new Session(
            id,
            principal,
            (String) map.get("csrf"),
            Instant.ofEpochMilli(((Number) map.get("created")).longValue()),
            Instant.ofEpochMilli(((Number) map.get("seen")).longValue()),
            (Map<String, String>) map.get("data")));
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
