package dev.keel.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.core.HttpException;
import dev.keel.core.Keel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The chat client against OpenAI's Chat Completions wire format, from recorded transcripts. */
class OpenAiChatTest {
  private final TranscriptServer server = new TranscriptServer();
  private Keel app;

  @AfterEach
  void stop() {
    if (app != null) app.stop();
    server.close();
  }

  private Ai start(String... settings) {
    Ai ai = AiApp.ai();
    app = AiApp.start(server, "openai", ai, settings);
    return ai;
  }

  private static HttpException problem(Runnable call) {
    try {
      call.run();
    } catch (HttpException e) {
      return e;
    }
    throw new AssertionError("expected a problem");
  }

  @Test
  void aBlockingCallSendsTheModelThePromptAndTheKey() {
    Ai ai = start();
    server.then("openai/chat-hello");
    Reply reply = ai.prompt("Say hello").system("Be brief.").reply();

    assertThat(reply.text()).isEqualTo("Hello! How can I help you today?");
    assertThat(reply.usage()).isEqualTo(new Usage(19, 9));
    assertThat(reply.finishReason()).isEqualTo("stop");
    var sent = server.received().getFirst();
    assertThat(sent.path()).isEqualTo("/v1/chat/completions");
    assertThat(sent.headers()).containsEntry("authorization", "Bearer " + AiApp.KEY);
    assertThat(sent.body().get("model").asString()).isEqualTo("gpt-4o-mini");
    assertThat(sent.body().get("messages").toString())
        .isEqualTo(
            "[{\"role\":\"system\",\"content\":\"Be brief.\"},{\"role\":\"user\",\"content\":\"Say hello\"}]");
    assertThat(sent.body().has("stream")).isFalse();
  }

  @Test
  void aStreamHandsOnEachTokenAndCountsUsage() {
    Ai ai = start();
    server.then("openai/stream-hello");
    List<String> tokens = new ArrayList<>();
    Reply reply = ai.stream("Say hello", tokens::add);

    assertThat(tokens).containsExactly("Hello", "!", " How", " can", " I", " help", "?");
    assertThat(reply.text()).isEqualTo("Hello! How can I help?");
    assertThat(reply.usage()).isEqualTo(new Usage(19, 7));
    var body = server.received().getFirst().body();
    assertThat(body.get("stream").asBoolean()).isTrue();
    assertThat(body.at("/stream_options/include_usage").asBoolean()).isTrue();
  }

  @Test
  void a429IsRetriedAfterTheSecondsItsRetryAfterSays() {
    Ai ai = start();
    server.then("openai/429-retry-after-seconds", "openai/chat-hello");
    assertThat(ai.ask("hi")).isEqualTo("Hello! How can I help you today?");
    assertThat(server.received()).hasSize(2);
    assertThat(server.millisUntil(1)).isBetween(950L, 3000L);
  }

  @Test
  void a429IsRetriedAtTheHttpDateItsRetryAfterSays() {
    Ai ai = start();
    server.then("openai/429-retry-after-date", "openai/stream-hello");
    var tokens = new ArrayList<String>();
    assertThat(ai.stream("hi", tokens::add).text()).isEqualTo("Hello! How can I help?");
    assertThat(server.received()).hasSize(2);
    // an HTTP-date has whole seconds: the wait is between 0 and 1 s, never the 50 ms backoff alone
    assertThat(server.millisUntil(1)).isBetween(1L, 2500L);
  }

  @Test
  void a5xxIsRetriedWithExponentialBackoff() {
    Ai ai = start("--keel.ai.retry-backoff=100ms");
    server.then("openai/503", "openai/503", "openai/chat-hello");
    assertThat(ai.ask("hi")).startsWith("Hello!");
    assertThat(server.received()).hasSize(3);
    long first = server.millisUntil(1);
    long second = server.millisUntil(2) - first;
    assertThat(first).isBetween(80L, 1000L); // 100 ms ± 20%
    assertThat(second).isBetween(160L, 1500L); // 200 ms ± 20%
  }

  @Test
  void retriesEndWithAProblemThatSaysHowOftenItWasTried() {
    Ai ai = start("--keel.ai.max-retries=2");
    server.then("openai/429-retry-after-seconds", "openai/503", "openai/429-retry-after-seconds");
    HttpException e = problem(() -> ai.ask("hi"));
    assertThat(e.problem().is(AiProblems.AI_RATE_LIMITED)).isTrue();
    assertThat(e.status()).isEqualTo(503);
    assertThat(e.problem().detail())
        .isEqualTo(
            "The model endpoint "
                + server.url()
                + " (openai, model gpt-4o-mini) answered 429: Rate limit reached for gpt-4o-mini in"
                + " organization org-xyz on requests per min (RPM): Limit 3, Used 3, Requested 1."
                + " Please try again in 1s. (after 2 retries)");
    assertThat(server.received()).hasSize(3);
  }

  @Test
  void aRetryAfterLongerThanAllowedFailsAtOnce() {
    Ai ai = start();
    server.then("openai/429-retry-after-long");
    long start = System.nanoTime();
    HttpException e = problem(() -> ai.ask("hi"));
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2000);
    assertThat(e.problem().is(AiProblems.AI_RATE_LIMITED)).isTrue();
    assertThat(e.problem().detail())
        .contains("It asks to wait 120 s, longer than keel.ai.max-retry-wait (30 s).");
    assertThat(server.received()).hasSize(1);
  }

  @Test
  void aWrongKeyIsNotRetriedAndTheProblemNamesTheVariable() {
    Ai ai = start();
    server.then("openai/401");
    HttpException e = problem(() -> ai.ask("hi"));
    assertThat(e.problem().is(AiProblems.AI_UPSTREAM_FAILED)).isTrue();
    assertThat(e.status()).isEqualTo(502);
    assertThat(e.problem().detail())
        .contains("answered 401: Incorrect API key provided")
        .endsWith("Check the key in the environment variable TEST_AI_KEY (keel.ai.api-key-env).")
        .doesNotContain(AiApp.KEY);
    assertThat(server.received()).hasSize(1);
  }

  @Test
  void malformedRepliesAreProblemsNotCrashes() {
    Ai ai = start();
    server.then("openai/malformed-html", "openai/malformed-shape");
    HttpException html = problem(() -> ai.ask("hi"));
    assertThat(html.problem().is(AiProblems.AI_MALFORMED_REPLY)).isTrue();
    assertThat(html.problem().detail()).contains("sent an answer that is not JSON: <html>");
    HttpException shape = problem(() -> ai.ask("hi"));
    assertThat(shape.problem().detail())
        .endsWith("sent a chat completion without choices[0].message.");
  }

  @Test
  void malformedOrTruncatedStreamsAreProblems() {
    Ai ai = start();
    server.then("openai/stream-malformed", "openai/stream-truncated", "openai/stream-error");
    var tokens = new ArrayList<String>();
    HttpException cut = problem(() -> ai.stream("hi", tokens::add));
    assertThat(cut.problem().is(AiProblems.AI_MALFORMED_REPLY)).isTrue();
    assertThat(cut.problem().detail()).contains("sent a stream chunk that is not JSON");
    HttpException truncated = problem(() -> ai.stream("hi", tokens::add));
    assertThat(truncated.problem().detail()).endsWith("ended its stream before the end marker.");
    HttpException reported = problem(() -> ai.stream("hi", tokens::add));
    assertThat(reported.problem().is(AiProblems.AI_UPSTREAM_FAILED)).isTrue();
    assertThat(reported.problem().detail())
        .endsWith("reported an error: The server had an error while processing your request.");
  }

  @Test
  void aStreamThatFallsSilentIsEndedByTheIdleWatchdog() {
    Ai ai = start("--keel.ai.idle-timeout=300ms");
    server.then("openai/stream-stall");
    var tokens = new ArrayList<String>();
    long start = System.nanoTime();
    HttpException e = problem(() -> ai.stream("hi", tokens::add));
    long took = (System.nanoTime() - start) / 1_000_000;
    assertThat(e.problem().is(AiProblems.AI_TIMEOUT)).isTrue();
    assertThat(e.status()).isEqualTo(504);
    assertThat(e.problem().detail())
        .endsWith("sent nothing for keel.ai.idle-timeout (PT0.3S) in the middle of its stream.");
    assertThat(tokens).containsExactly("Thinking");
    assertThat(took).isBetween(250L, 3000L);
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  @Test
  void aMissingModelStopsStartUpNamingTheKey() {
    var app = Keel.create("--keel.server.port=0", "--keel.ai.base-url=" + server.url());
    app.install(Ai.create());
    assertThatThrownBy(app::start)
        .hasMessageContaining("keel.ai.model")
        .hasMessageContaining("is required");
  }

  @Test
  void aMistypedKeyStopsStartUpWithASuggestion() {
    var app =
        Keel.create(
            "--keel.server.port=0",
            "--keel.ai.base-url=" + server.url(),
            "--keel.ai.model=m",
            "--keel.ai.idle-timout=5s");
    app.install(Ai.create());
    assertThatThrownBy(app::start)
        .hasMessageContaining("keel.ai.idle-timout")
        .hasMessageContaining("keel.ai.idle-timeout");
  }

  @Test
  void anAnswerSlowerThanTheReadTimeoutIsATimeout() {
    Ai ai = start("--keel.ai.read-timeout=300ms");
    server.then("openai/slow-answer", "openai/slow-answer");
    long start = System.nanoTime();
    HttpException blocking = problem(() -> ai.ask("hi"));
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2500);
    assertThat(blocking.problem().is(AiProblems.AI_TIMEOUT)).isTrue();
    assertThat(blocking.problem().detail())
        .endsWith("sent no complete answer within keel.ai.read-timeout (PT0.3S).");
    HttpException streamed = problem(() -> ai.stream("hi", token -> {}));
    assertThat(streamed.problem().detail())
        .endsWith("sent no response within keel.ai.read-timeout (PT0.3S).");
  }
}
