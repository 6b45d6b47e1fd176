package dev.keel.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.keel.core.Keel;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServerSentEventsTest {
  private Keel app;
  private final HttpClient http = HttpClient.newHttpClient();
  private final EventFeed feed = EventFeed.create(3);
  private final BlockingQueue<CountDownLatch> tokenGates = new LinkedBlockingQueue<>();
  private final BlockingQueue<String> ended = new LinkedBlockingQueue<>();

  @BeforeEach
  void start() {
    app = Keel.create("--keel.server.port=0", "--keel.realtime.sse.heartbeat=100ms");
    Realtime rt = Realtime.create();
    app.install(rt);
    // LLM-style: each token goes out as soon as it exists; the next waits for the test's go-ahead
    rt.sse(
        "/tokens",
        (ctx, events) -> {
          for (String token : List.of("The", " quick", " brown", " fox")) {
            var gate = new CountDownLatch(1);
            tokenGates.add(gate);
            events.send(ServerSentEvent.of("token", token));
            gate.await(10, TimeUnit.SECONDS);
          }
          events.send(ServerSentEvent.of("done", ""));
        });
    rt.sse("/feed", (ctx, events) -> feed.stream(events));
    // checked before the response starts: a bad query is an ordinary 400 problem, not a stream
    rt.sse(
        "/count",
        ctx -> {
          int to =
              Integer.parseInt(
                  ctx.query("to")
                      .filter(v -> v.matches("[1-9]"))
                      .orElseThrow(
                          () -> new dev.keel.core.BadRequest("Send ?to= a digit from 1 to 9.")));
          return events -> {
            for (int i = 1; i <= to; i++) events.send(ServerSentEvent.of("n", "" + i));
          };
        });
    rt.sse(
        "/quiet",
        (ctx, events) -> {
          while (events.isOpen()) Thread.sleep(20); // a handler with nothing to say
          ended.add("ended");
        });
    app.start();
  }

  @AfterEach
  void stop() {
    app.stop();
  }

  private BufferedReader open(String path, String lastEventId) throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
            .header("Accept", "text/event-stream");
    if (lastEventId != null) request.header("Last-Event-ID", lastEventId);
    HttpResponse<java.io.InputStream> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
    return new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
  }

  /** The next event's lines (comments skipped), without the blank line that ends it. */
  private static List<String> nextEvent(BufferedReader in) throws Exception {
    List<String> lines = new ArrayList<>();
    String line;
    while ((line = in.readLine()) != null) {
      if (line.isEmpty()) {
        if (!lines.isEmpty()) return lines;
      } else if (!line.startsWith(":")) {
        lines.add(line);
      }
    }
    return lines;
  }

  @Test
  void tokensArriveOneByOneWhileTheHandlerIsStillRunning() throws Exception {
    try (var in = open("/tokens", null)) {
      for (String token : List.of("The", " quick", " brown", " fox")) {
        // the handler is blocked until we let it go: this token was flushed on its own
        assertThat(nextEvent(in)).containsExactly("event: token", "data: " + token);
        tokenGates.poll(10, TimeUnit.SECONDS).countDown();
      }
      assertThat(nextEvent(in)).containsExactly("event: done", "data: ");
    }
  }

  @Test
  void anOpenerChecksTheRequestBeforeTheStreamStarts() throws Exception {
    try (var in = open("/count?to=2", null)) {
      assertThat(nextEvent(in)).containsExactly("event: n", "data: 1");
      assertThat(nextEvent(in)).containsExactly("event: n", "data: 2");
      assertThat(in.readLine()).isNull(); // the stream ends when the opener's stream returns
    }
    var bad =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/count?to=x"))
                .header("Accept", "text/event-stream")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.headers().firstValue("content-type")).hasValue("application/problem+json");
    assertThat(bad.body()).contains("Send ?to= a digit from 1 to 9.");
  }

  @Test
  void feedResumesFromLastEventIdOutOfTheReplayBuffer() throws Exception {
    for (int i = 1; i <= 5; i++) feed.publish("n", "event " + i); // ids 1..5, buffer keeps 3..5
    try (var in = open("/feed", "3")) {
      assertThat(nextEvent(in)).containsExactly("id: 4", "event: n", "data: event 4");
      assertThat(nextEvent(in)).containsExactly("id: 5", "event: n", "data: event 5");
      feed.publish("n", "line one\nline two");
      assertThat(nextEvent(in))
          .containsExactly("id: 6", "event: n", "data: line one", "data: line two");
    }
  }

  @Test
  void withoutLastEventIdOnlyLiveEventsArrive() throws Exception {
    feed.publish("n", "old");
    try (var in = open("/feed", null)) {
      assertThat(in.readLine()).isEqualTo(": keep-alive"); // the stream is open and subscribed
      feed.publish("n", "new");
      assertThat(nextEvent(in)).containsExactly("id: 2", "event: n", "data: new");
    }
  }

  @Test
  void stoppingTheServerEndsOpenStreamsInsteadOfWaitingTheGracePeriod() throws Exception {
    Keel slow = Keel.create("--keel.server.port=0", "--keel.server.shutdown-grace=120s");
    var realtime = Realtime.create();
    slow.install(realtime);
    realtime.sse("/feed", (ctx, events) -> feed.stream(events));
    slow.start();
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + slow.port() + "/feed")).build();
    var in =
        new BufferedReader(
            new InputStreamReader(
                http.send(request, HttpResponse.BodyHandlers.ofInputStream()).body(),
                StandardCharsets.UTF_8));
    assertThat(in.readLine()).isEqualTo(": keep-alive"); // the stream is open
    // without the stopping hook, stop() would wait the 120 s grace for this stream
    assertTimeoutPreemptively(Duration.ofSeconds(30), slow::stop);
    in.close();
  }

  @Test
  void heartbeatsKeepTheStreamAliveAndFindClientsThatLeft() throws Exception {
    var in = open("/quiet", null);
    assertThat(in.readLine()).isEqualTo(": keep-alive");
    assertThat(in.readLine()).isEmpty();
    assertThat(in.readLine()).isEqualTo(": keep-alive"); // a heartbeat, 100 ms later
    in.close(); // the client goes away without a word
    assertThat(ended.poll(10, TimeUnit.SECONDS)).isEqualTo("ended");
  }
}
