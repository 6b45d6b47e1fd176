package dev.keel.ai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.Keel;
import dev.keel.ops.Ops;
import dev.keel.realtime.Realtime;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Keel app streams a model's answer to its clients as Server-Sent Events in one line of handler
 * code, over a real socket; a client that leaves cancels the upstream call. Token usage shows in
 * the app's Prometheus metrics and its traces.
 */
class StreamingToClientsTest {
  private final TranscriptServer upstream = new TranscriptServer();
  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final OpenTelemetrySdk otel =
      OpenTelemetrySdk.builder()
          .setTracerProvider(
              SdkTracerProvider.builder()
                  .addSpanProcessor(SimpleSpanProcessor.create(spans))
                  .build())
          .build();
  private final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
  private final HttpClient http = HttpClient.newHttpClient();
  private Keel app;
  private Ai ai;

  @BeforeEach
  void start() {
    ai = AiApp.ai();
    app =
        Keel.create(
            "--keel.server.port=0",
            "--keel.realtime.sse.heartbeat=100ms",
            "--keel.ai.base-url=" + upstream.url(),
            "--keel.ai.model=gpt-4o-mini",
            "--keel.ai.api-key-env=TEST_AI_KEY");
    app.install(Ops.builder().openTelemetry(otel).build());
    Realtime realtime = Realtime.create();
    app.install(realtime);
    app.install(ai);
    // the one line: the answer's tokens go to the client as they come
    realtime.sse(
        "/ask", (ctx, events) -> replies.add(ai.streamTo(ctx.query("q").orElse("Hello"), events)));
    app.get("/answer", ctx -> ai.ask(ctx.query("q").orElse("Hello")));
    app.start();
  }

  @AfterEach
  void stop() {
    app.stop();
    upstream.close();
    otel.close();
  }

  private HttpResponse<InputStream> open(String path) throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
  }

  /** The next event as "name: data" (comments skipped), or null at the end. */
  private static String next(BufferedReader in) throws Exception {
    String name = "message";
    var data = new ArrayList<String>();
    String line;
    while ((line = in.readLine()) != null) {
      if (line.isEmpty()) {
        if (!data.isEmpty()) return name + ": " + String.join("\n", data);
      } else if (line.startsWith("event: ")) {
        name = line.substring(7);
      } else if (line.startsWith("data: ")) {
        data.add(line.substring(6));
      }
    }
    return null;
  }

  @Test
  void tokensReachTheClientAsServerSentEvents() throws Exception {
    upstream.then("openai/stream-hello");
    var response = open("/ask?q=" + URLEncoder.encode("Say hello", StandardCharsets.UTF_8));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type"))
        .hasValue("text/event-stream; charset=utf-8");
    List<String> events = new ArrayList<>();
    try (var in =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      String e;
      while ((e = next(in)) != null) events.add(e);
    }
    assertThat(events)
        .containsExactly(
            "token: Hello",
            "token: !",
            "token:  How",
            "token:  can",
            "token:  I",
            "token:  help",
            "token: ?",
            "done: {\"finishReason\":\"stop\",\"usage\":{\"inputTokens\":19,\"outputTokens\":7}}");
    assertThat(upstream.received().getFirst().body().at("/messages/0/content").asString())
        .isEqualTo("Say hello");

    // usage in the metrics a Prometheus scrape sees, and on the call's span
    var metrics =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/metrics"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(metrics.body())
        .contains(
            "keel_ai_tokens_total{kind=\"input\",model=\"gpt-4o-mini\",provider=\"openai\"} 19.0")
        .contains(
            "keel_ai_tokens_total{kind=\"output\",model=\"gpt-4o-mini\",provider=\"openai\"} 7.0")
        .contains(
            "keel_ai_calls_seconds_count{model=\"gpt-4o-mini\",outcome=\"ok\",provider=\"openai\"} 1");
    SpanData chat =
        spans.getFinishedSpanItems().stream()
            .filter(s -> s.getName().equals("chat gpt-4o-mini"))
            .findFirst()
            .orElseThrow();
    assertThat(chat.getAttributes().get(AttributeKey.longKey("gen_ai.usage.input_tokens")))
        .isEqualTo(19L);
    assertThat(chat.getAttributes().get(AttributeKey.longKey("gen_ai.usage.output_tokens")))
        .isEqualTo(7L);
  }

  @Test
  void aClientThatLeavesCancelsTheUpstreamCall() throws Exception {
    upstream.then("openai/stream-long"); // 60 tokens, one per 100 ms
    var response = open("/ask");
    var in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
    assertThat(next(in)).isEqualTo("token:  word0");
    assertThat(next(in)).isEqualTo("token:  word1");
    long left = System.nanoTime();
    in.close(); // the user closed the tab

    assertThat(upstream.awaitCancelled(Duration.ofSeconds(5))).isTrue();
    long millis = (System.nanoTime() - left) / 1_000_000;
    System.out.println("upstream saw the cancellation " + millis + " ms after the client left");
    assertThat(upstream.eventsWrittenBeforeCancel()).isLessThan(30);
    Reply reply = replies.poll(5, TimeUnit.SECONDS);
    assertThat(reply).isNotNull();
    assertThat(reply.cancelled()).isTrue();
    assertThat(reply.text()).startsWith(" word0 word1");
  }

  @Test
  void aClientThatLeavesWhileTheModelThinksCancelsToo() throws Exception {
    upstream.then("openai/stream-slow-start"); // silent for 3 s before the first token
    var response = open("/ask");
    InputStream body = response.body();
    assertThat(body.read()).isEqualTo(':'); // the stream's opening comment: it is open
    long left = System.nanoTime();
    body.close();

    // no token to fail on: the SSE heartbeat finds the client gone, the watchdog ends the call
    Reply reply = replies.poll(5, TimeUnit.SECONDS);
    long millis = (System.nanoTime() - left) / 1_000_000;
    System.out.println("a call with no tokens yet ended " + millis + " ms after the client left");
    assertThat(reply).isNotNull();
    assertThat(reply.cancelled()).isTrue();
    assertThat(millis).isLessThan(2500); // well before the model's first token
    assertThat(upstream.awaitCancelled(Duration.ofSeconds(6))).isTrue();
    // the first write after the stall may still land in the closed socket's buffer; the next fails
    assertThat(upstream.eventsWrittenBeforeCancel()).isBetween(1, 2);
  }

  @Test
  void aFailedCallEndsTheStreamWithAProblemEvent() throws Exception {
    upstream.then("openai/401");
    var response = open("/ask");
    try (var in =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      String event = next(in);
      assertThat(event)
          .startsWith(
              "error: {\"type\":\"https://keel.dev/problems/ai-upstream-failed\",\"title\":\"The model endpoint failed\",\"status\":502,")
          .contains("answered 401: Incorrect API key provided");
      assertThat(next(in)).isNull();
    }
    assertThat(replies.poll(5, TimeUnit.SECONDS).finishReason()).isEqualTo(Reply.ERROR);
  }

  @Test
  void aBlockingCallInAHandlerAnswersAProblemWhenTheModelFails() throws Exception {
    upstream.then("openai/429-retry-after-long");
    var response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/answer"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
    assertThat(response.body())
        .contains("\"type\":\"https://keel.dev/problems/ai-rate-limited\"")
        .doesNotContain(AiApp.KEY);
  }

  @Test
  void aBlockingCallPutsUsageOnTheRequestsSpan() throws Exception {
    upstream.then("openai/chat-hello");
    var response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/answer"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.body()).isEqualTo("Hello! How can I help you today?");
    SpanData server = null;
    for (int i = 0; i < 50 && server == null; i++) {
      server =
          spans.getFinishedSpanItems().stream()
              .filter(s -> s.getName().equals("GET /answer"))
              .findFirst()
              .orElse(null);
      if (server == null) Thread.sleep(20);
    }
    assertThat(server).isNotNull();
    assertThat(server.getAttributes().get(AttributeKey.longKey("gen_ai.usage.input_tokens")))
        .isEqualTo(19L);
    SpanData chat =
        spans.getFinishedSpanItems().stream()
            .filter(s -> s.getName().equals("chat gpt-4o-mini"))
            .findFirst()
            .orElseThrow();
    assertThat(chat.getParentSpanId()).isEqualTo(server.getSpanId());
  }
}
