package dev.keel.messaging;

import static dev.keel.messaging.TestApp.topic;
import static dev.keel.messaging.TestApp.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.messaging.spi.Headers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The one API against each real broker: typed messages, groups, retries, dead letters. */
class MessagingTest {
  record OrderPlaced(long orderId, String customer, List<String> items) {}

  record Strict(int n) {}

  /** Reads any JSON object (unknown fields are ignored). */
  record AnyBody() {}

  @ParameterizedTest
  @EnumSource(Brokers.class)
  void recordsArriveTypedWithTheirIdAndEveryGroupGetsEachMessageOnce(Brokers broker)
      throws Exception {
    String orders = topic("orders");
    List<Message<OrderPlaced>> billing = new CopyOnWriteArrayList<>();
    List<String> shippingA = new CopyOnWriteArrayList<>();
    List<String> shippingB = new CopyOnWriteArrayList<>();
    Messaging first =
        broker
            .messaging()
            .subscribe(Subscription.to(orders, OrderPlaced.class).group("billing"), billing::add)
            .subscribe(
                Subscription.to(orders, OrderPlaced.class).group("shipping"),
                m -> shippingA.add(m.id()));
    Messaging second =
        broker
            .messaging()
            .subscribe(
                Subscription.to(orders, OrderPlaced.class).group("shipping"),
                m -> shippingB.add(m.id()));
    try (var a = TestApp.start(null, first);
        var b = TestApp.start(null, second)) {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        ids.add(a.messaging.publish(orders, new OrderPlaced(i, "c" + i, List.of("book", "pen"))));
      }
      waitFor(() -> billing.size() >= 40 && shippingA.size() + shippingB.size() >= 40, 60);
      Thread.sleep(300); // a duplicate would show now
      assertThat(billing).extracting(Message::id).containsExactlyInAnyOrderElementsOf(ids);
      Message<OrderPlaced> m0 =
          billing.stream().filter(m -> m.payload().orderId() == 0).findFirst().orElseThrow();
      assertThat(m0.payload()).isEqualTo(new OrderPlaced(0, "c0", List.of("book", "pen")));
      assertThat(m0.id()).isEqualTo(ids.getFirst());
      assertThat(m0.topic()).isEqualTo(orders);
      assertThat(m0.attempt()).isEqualTo(1);
      assertThat(m0.headers()).containsEntry(Headers.TYPE, OrderPlaced.class.getName());
      assertThat(m0.publishedAt()).isBefore(java.time.Instant.now().plusSeconds(1));
      List<String> shipped = new ArrayList<>(shippingA);
      shipped.addAll(shippingB);
      assertThat(shipped).containsExactlyInAnyOrderElementsOf(ids); // the group shared them
    }
  }

  @ParameterizedTest
  @EnumSource(Brokers.class)
  void aFailingHandlerIsRetriedWithGrowingDelaysThenDeadLettered(Brokers broker) throws Exception {
    String topic = topic("fails");
    List<Long> attemptsAt = new CopyOnWriteArrayList<>();
    List<Message<Strict>> dead = new CopyOnWriteArrayList<>();
    Messaging messaging =
        broker
            .messaging()
            .subscribe(
                Subscription.to(topic, Strict.class)
                    .maxAttempts(4)
                    .backoff(Duration.ofMillis(100), Duration.ofMillis(250)),
                m -> {
                  attemptsAt.add(System.nanoTime());
                  assertThat(m.attempt()).isEqualTo(attemptsAt.size());
                  throw new IllegalStateException("payment service down\nsecond line");
                })
            .subscribe(Subscription.to(topic + ".dead-letter", Strict.class), dead::add);
    try (var app = TestApp.start(null, messaging)) {
      String id = app.messaging.publish(topic, new Strict(7));
      waitFor(() -> dead.size() == 1, 30);
      assertThat(attemptsAt).hasSize(4);
      List<Long> gaps = new ArrayList<>();
      for (int i = 1; i < 4; i++) gaps.add((attemptsAt.get(i) - attemptsAt.get(i - 1)) / 1_000_000);
      assertThat(gaps.get(0)).isBetween(95L, 1_000L); // 100 ms
      assertThat(gaps.get(1)).isBetween(195L, 1_000L); // 200 ms
      assertThat(gaps.get(2)).isBetween(245L, 1_000L); // 400 ms capped at 250 ms
      Message<Strict> letter = dead.getFirst();
      assertThat(letter.id()).isEqualTo(id);
      assertThat(letter.payload()).isEqualTo(new Strict(7));
      assertThat(letter.headers())
          .containsEntry(Headers.ORIGINAL_TOPIC, topic)
          .containsEntry(Headers.ATTEMPTS, "4")
          .containsEntry(
              Headers.ERROR, "java.lang.IllegalStateException: payment service down second line");
      Thread.sleep(300);
      assertThat(attemptsAt).hasSize(4); // acknowledged after dead-lettering: not redelivered
    }
  }

  @ParameterizedTest
  @EnumSource(Brokers.class)
  void aMessageThatIsNotTheRecordGoesToTheDeadLetterTopicWithoutRetries(Brokers broker)
      throws Exception {
    String topic = topic("strict");
    AtomicInteger handled = new AtomicInteger();
    List<Message<AnyBody>> dead = new CopyOnWriteArrayList<>();
    Messaging messaging =
        broker
            .messaging()
            .subscribe(Subscription.to(topic, Strict.class), m -> handled.incrementAndGet())
            .subscribe(Subscription.to(topic + ".dead-letter", AnyBody.class), dead::add);
    try (var app = TestApp.start(null, messaging)) {
      // {"orderId":1,...} has no "n"; and "n" must never come from a string
      app.messaging.publish(topic, new OrderPlaced(1, "x", List.of()));
      record Textual(String n) {}
      app.messaging.publish(topic, new Textual("5"));
      app.messaging.publish(topic, new Strict(5));
      waitFor(() -> dead.size() == 2 && handled.get() == 1, 30);
      assertThat(dead)
          .allSatisfy(
              m ->
                  assertThat(m.headers().get(Headers.ERROR))
                      .startsWith("unreadable as " + Strict.class.getName()));
      assertThat(dead.stream().map(m -> m.headers().get(Headers.ERROR)))
          .anySatisfy(e -> assertThat(e).contains("is missing"))
          .anySatisfy(e -> assertThat(e).contains("String value (\"5\")"));
      assertThat(dead)
          .allSatisfy(m -> assertThat(m.headers()).containsEntry(Headers.ATTEMPTS, "0"));
    }
  }

  @ParameterizedTest
  @EnumSource(Brokers.class)
  void noMoreThanMaxInFlightMessagesAreHandledAtOnce(Brokers broker) throws Exception {
    String topic = topic("busy");
    AtomicInteger now = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    Set<Integer> done = ConcurrentHashMap.newKeySet();
    Messaging messaging =
        broker
            .messaging()
            .subscribe(
                Subscription.to(topic, Strict.class).maxInFlight(3),
                m -> {
                  peak.accumulateAndGet(now.incrementAndGet(), Math::max);
                  Thread.sleep(40);
                  now.decrementAndGet();
                  done.add(m.payload().n());
                });
    try (var app = TestApp.start(null, messaging)) {
      for (int i = 0; i < 30; i++) app.messaging.publish(topic, new Strict(i));
      waitFor(() -> done.size() == 30, 60);
      assertThat(peak.get()).isEqualTo(3); // all three slots used, never a fourth
    }
  }

  @ParameterizedTest
  @EnumSource(Brokers.class)
  void shutdownLetsRunningHandlersFinishAndLosesNothing(Brokers broker) throws Exception {
    String topic = topic("drain");
    Map<Integer, Integer> started = new ConcurrentHashMap<>();
    Set<Integer> finished = ConcurrentHashMap.newKeySet();
    Subscription<Strict> sub = Subscription.to(topic, Strict.class).maxInFlight(4);
    MessageHandler<Strict> slow =
        m -> {
          started.merge(m.payload().n(), 1, Integer::sum);
          Thread.sleep(300);
          finished.add(m.payload().n());
        };
    int n = 20;
    var app = TestApp.start(null, broker.messaging().subscribe(sub, slow));
    for (int i = 0; i < n; i++) app.messaging.publish(topic, new Strict(i));
    waitFor(() -> started.size() >= 4);
    app.close();
    Set<Integer> startedBeforeStop = Set.copyOf(started.keySet());
    assertThat(finished).containsExactlyInAnyOrderElementsOf(startedBeforeStop);
    assertThat(finished.size()).isLessThan(n); // it stopped early, with work left
    try (var again = TestApp.start(null, broker.messaging().subscribe(sub, slow))) {
      waitFor(() -> finished.size() == n, 60);
    }
    List<Integer> twice = new ArrayList<>();
    started.forEach(
        (k, v) -> {
          if (v > 1) twice.add(k);
        });
    Collections.sort(twice);
    assertThat(twice).as("finished handlers were acknowledged before the stop").isEmpty();
  }
}
