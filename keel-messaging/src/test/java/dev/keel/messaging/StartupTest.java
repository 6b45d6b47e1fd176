package dev.keel.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.core.StartupException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Mistakes stop start-up at once with a sentence that says what to do. */
class StartupTest {
  record Event(int n) {}

  @Test
  void anUnreachableNatsServerStopsStartUp() {
    long start = System.nanoTime();
    assertThatThrownBy(() -> TestApp.start(null, Messaging.nats("nats://127.0.0.1:27001")))
        .isInstanceOf(StartupException.class)
        .hasMessageStartingWith("cannot connect to the nats broker: ")
        .hasMessageEndingWith("; is it running?");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
  }

  @Test
  void anUnreachableRabbitMqStopsStartUp() {
    assertThatThrownBy(
            () -> TestApp.start(null, Messaging.rabbitMq("amqp://guest:guest@127.0.0.1:27002")))
        .isInstanceOf(StartupException.class)
        .hasMessageContaining("cannot connect to the rabbitmq broker: java.net.ConnectException");
  }

  @Test
  void anIdempotentSubscriptionNeedsTheDatabase() {
    Messaging messaging =
        Messaging.nats("nats://127.0.0.1:4222")
            .subscribe(Subscription.to("orders", Event.class).idempotent(true), m -> {});
    assertThatThrownBy(() -> TestApp.start(null, messaging))
        .isInstanceOf(StartupException.class)
        .hasMessage(
            "subscription to orders is idempotent, which needs the app database for its dedup"
                + " table: install Database before Messaging");
  }

  @Test
  void badNamesAndLimitsAreRejectedWhereTheyAreWritten() {
    assertThatThrownBy(() -> Subscription.to("orders placed", Event.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "topic 'orders placed' must be 1 to 200 letters, digits, '.', '-' or '_', starting"
                + " with a letter or digit, e.g. orders.placed");
    assertThatThrownBy(() -> Subscription.to("orders", Event.class).maxInFlight(0))
        .hasMessage("maxInFlight of orders is 0 (expected: 1 to 10000)");
    assertThatThrownBy(() -> Subscription.to("orders", Event.class).deadLetter("orders"))
        .hasMessage("the dead-letter topic of orders is the topic itself");
    assertThatThrownBy(
            () ->
                Subscription.to("orders", Event.class)
                    .backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .hasMessage("backoff PT2S to PT1S of orders (expected: 0 <= min <= max)");
  }
}
