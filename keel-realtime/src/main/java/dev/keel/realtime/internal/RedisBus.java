package dev.keel.realtime.internal;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.function.Consumer;

/** Redis pub/sub through Lettuce: one connection publishes, one subscribes. */
public final class RedisBus implements Bus {
  private final RedisClient client;
  private final StatefulRedisConnection<String, String> publisher;
  private final StatefulRedisPubSubConnection<String, String> subscriber;
  private final String channel;

  public RedisBus(String url, String channel) {
    this.client = RedisClient.create(url);
    this.publisher = client.connect();
    this.subscriber = client.connectPubSub();
    this.channel = channel;
  }

  @Override
  public void publish(String message) {
    publisher.async().publish(channel, message);
  }

  @Override
  public void subscribe(Consumer<String> receiver) {
    subscriber.addListener(
        new RedisPubSubAdapter<>() {
          @Override
          public void message(String ch, String message) {
            receiver.accept(message);
          }
        });
    subscriber.sync().subscribe(channel);
  }

  @Override
  public void close() {
    subscriber.close();
    publisher.close();
    client.shutdown();
  }
}
