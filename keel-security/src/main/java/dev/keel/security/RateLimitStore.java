package dev.keel.security;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where {@link RateLimit} buckets (Bucket4j token buckets) live: {@link #memory()} for one
 * instance, {@link #redis(String, String)} so that limits hold across instances (compare-and-swap
 * on Redis through Lettuce; a bucket's key expires once it would be full again). Close a Redis
 * store at shutdown. Thread-safe.
 */
public final class RateLimitStore implements AutoCloseable {
  private static final int MEMORY_SWEEP_AT = 100_000;

  private final Optional<ProxyManager<String>> redis;
  private final Optional<RedisClient> client;
  private final Optional<StatefulRedisConnection<String, byte[]>> connection;
  private final String prefix;
  private final Map<String, Bucket> local = new ConcurrentHashMap<>();

  private RateLimitStore(
      Optional<RedisClient> client,
      Optional<StatefulRedisConnection<String, byte[]>> connection,
      String prefix) {
    this.client = client;
    this.connection = connection;
    this.prefix = prefix;
    this.redis =
        connection.map(
            c ->
                Bucket4jLettuce.casBasedBuilder(c)
                    .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                            Duration.ofSeconds(10)))
                    .build());
  }

  /** Buckets in this process's memory. */
  public static RateLimitStore memory() {
    return new RateLimitStore(Optional.empty(), Optional.empty(), "");
  }

  /**
   * Buckets in Redis at {@code uri} (e.g. {@code redis://127.0.0.1:6379}) under {@code keyPrefix}
   * (e.g. {@code myapp:ratelimit:}).
   */
  public static RateLimitStore redis(String uri, String keyPrefix) {
    RedisClient client = RedisClient.create(uri);
    try {
      var connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
      return new RateLimitStore(Optional.of(client), Optional.of(connection), keyPrefix);
    } catch (RuntimeException e) {
      client.shutdown();
      throw new IllegalStateException(
          "cannot connect to Redis at " + uri + " for rate limits (" + e.getMessage() + ")", e);
    }
  }

  Bucket bucket(String key, BucketConfiguration configuration) {
    if (redis.isPresent()) {
      return redis.get().getProxy(prefix + key, () -> configuration);
    }
    if (local.size() > MEMORY_SWEEP_AT) {
      local.values().removeIf(b -> b.getAvailableTokens() >= capacity(configuration));
    }
    return local.computeIfAbsent(
        key, k -> Bucket.builder().addLimit(configuration.getBandwidths()[0]).build());
  }

  private static long capacity(BucketConfiguration configuration) {
    return configuration.getBandwidths()[0].getCapacity();
  }

  @Override
  public void close() {
    connection.ifPresent(StatefulRedisConnection::close);
    client.ifPresent(RedisClient::shutdown);
  }
}
