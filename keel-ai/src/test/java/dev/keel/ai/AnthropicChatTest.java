package dev.keel.ai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.HttpException;
import dev.keel.core.Keel;
import dev.keel.realtime.EventSink;
import dev.keel.realtime.ServerSentEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The chat client against Anthropic's Messages API wire format, from recorded transcripts. */
class AnthropicChatTest {
  private final TranscriptServer server = new TranscriptServer();
  private Keel app;
  private Ai ai;

  @BeforeEach
  void start() {
    ai = AiApp.ai();
    app = AiApp.start(server, "anthropic", ai);
  }

  @AfterEach
  void stop() {
    app.stop();
    server.close();
  }

  @Test
  void aBlockingCallSpeaksTheMessagesApi() {
    server.then("anthropic/message-hello");
    Reply reply = ai.prompt("Say hello").system("Be brief.").maxTokens(50).reply();

    assertThat(reply.text()).isEqualTo("Hello! How can I help?");
    assertThat(reply.usage()).isEqualTo(new Usage(12, 8));
    assertThat(reply.finishReason()).isEqualTo("end_turn");
    var sent = server.received().getFirst();
    assertThat(sent.path()).isEqualTo("/v1/messages");
    assertThat(sent.headers())
        .containsEntry("x-api-key", AiApp.KEY)
        .containsEntry("anthropic-version", "2023-06-01")
        .doesNotContainKey("authorization");
    assertThat(sent.body().toString())
        .isEqualTo(
            "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":50,\"system\":\"Be brief.\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Say hello\"}]}");
  }

  @Test
  void aStreamReadsNamedEventsAndUsageFromStartAndDelta() {
    server.then("anthropic/stream-hello");
    List<String> tokens = new ArrayList<>();
    Reply reply = ai.stream("Say hello", tokens::add);
    assertThat(tokens).containsExactly("Hello", "!", " How can I help?");
    assertThat(reply.usage()).isEqualTo(new Usage(25, 15));
    assertThat(reply.finishReason()).isEqualTo("end_turn");
  }

  @Test
  void anErrorEventInTheStreamIsAProblem() {
    server.then("anthropic/stream-error");
    var tokens = new ArrayList<String>();
    try {
      ai.stream("hi", tokens::add);
      throw new AssertionError("expected a problem");
    } catch (HttpException e) {
      assertThat(e.problem().is(AiProblems.AI_UPSTREAM_FAILED)).isTrue();
      assertThat(e.problem().detail()).endsWith("reported an error: Overloaded");
    }
    assertThat(tokens).containsExactly("Hel");
  }

  @Test
  void overloaded529IsRetried() {
    server.then("anthropic/529-overloaded", "anthropic/message-hello");
    assertThat(ai.ask("hi")).isEqualTo("Hello! How can I help?");
    assertThat(server.received()).hasSize(2);
  }

  @Test
  void aSinkThatClosesCancelsTheStreamAndTheUpstreamSeesIt() throws Exception {
    server.then("anthropic/stream-long");
    var sent = new java.util.concurrent.CopyOnWriteArrayList<String>();
    // a client that takes three tokens and leaves
    EventSink client =
        new EventSink() {
          private volatile boolean open = true;

          @Override
          public boolean send(String data) {
            return send(ServerSentEvent.of("", data));
          }

          @Override
          public boolean send(ServerSentEvent event) {
            if (!open) return false;
            sent.add(event.data());
            if (sent.size() == 3) open = false;
            return true;
          }

          @Override
          public Optional<String> lastEventId() {
            return Optional.empty();
          }

          @Override
          public boolean isOpen() {
            return open;
          }
        };
    Reply reply = ai.streamTo("Count", client);
    assertThat(reply.cancelled()).isTrue();
    assertThat(sent).containsExactly(" word0", " word1", " word2");
    assertThat(server.awaitCancelled(Duration.ofSeconds(5))).isTrue();
    assertThat(server.eventsWrittenBeforeCancel()).isLessThan(20);
  }
}
