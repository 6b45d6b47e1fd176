package dev.keel.ai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.ai.tool.Tool;
import dev.keel.ai.tool.Tools;
import dev.keel.core.HttpException;
import dev.keel.core.Keel;
import dev.keel.security.Principal;
import jakarta.validation.constraints.NotBlank;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The model calls the app's tools; Keel runs them as the principal and sends the results back. */
class ToolCallingTest {
  record OrderQuery(@NotBlank String orderId) {}

  record Status(String orderId, String state) {}

  private final TranscriptServer server = new TranscriptServer();
  private final List<String> ran = new CopyOnWriteArrayList<>();
  private final Tools tools =
      Tools.of(
          Tool.of("order_status", "The status of one order", OrderQuery.class, this::status)
              .requires("orders:read"));
  private final Optional<Principal> reader =
      Optional.of(Principal.of("u1").withPermissions("orders:read"));
  private Keel app;

  private Status status(OrderQuery q) {
    ran.add(q.orderId());
    return new Status(q.orderId(), "shipped");
  }

  @AfterEach
  void stop() {
    if (app != null) app.stop();
    server.close();
  }

  private Ai start(String provider, String... settings) {
    Ai ai = Ai.builder().tools(tools).environment(Map.of("TEST_AI_KEY", AiApp.KEY)::get).build();
    app = AiApp.start(server, provider, ai, settings);
    return ai;
  }

  @Test
  void openAiToolCallsRunAsThePrincipalAndTheirResultsGoBack() {
    Ai ai = start("openai");
    server.then("openai/tool-call", "openai/after-tool");
    Reply reply = ai.prompt("Where is my order A-1?").as(reader).reply();

    assertThat(reply.text()).isEqualTo("Order A-1 has shipped.");
    assertThat(reply.rounds()).isEqualTo(2);
    assertThat(reply.usage()).isEqualTo(new Usage(82 + 120, 17 + 8));
    assertThat(ran).containsExactly("A-1");
    var first = server.received().getFirst().body();
    assertThat(first.at("/tools/0/function/name").asString()).isEqualTo("order_status");
    assertThat(first.at("/tools/0/function/parameters")).isEqualTo(tools.schema("order_status"));
    var messages = server.received().get(1).body().get("messages");
    assertThat(messages.get(1).at("/tool_calls/0/id").asString())
        .isEqualTo("call_DdmO9Tl7XrUCQYTjd3z1lN1e");
    assertThat(messages.get(2).toString())
        .isEqualTo(
            "{\"role\":\"tool\",\"tool_call_id\":\"call_DdmO9Tl7XrUCQYTjd3z1lN1e\","
                + "\"content\":\"{\\\"orderId\\\":\\\"A-1\\\",\\\"state\\\":\\\"shipped\\\"}\"}");
  }

  @Test
  void aToolThePrincipalMayNotCallIsRefusedAndTheModelIsTold() {
    Ai ai = start("openai");
    server.then("openai/tool-call", "openai/after-tool");
    ai.prompt("Where is my order A-1?").as(Optional.of(Principal.of("guest"))).reply();

    assertThat(ran).isEmpty();
    var told = server.received().get(1).body().at("/messages/2/content").asString();
    assertThat(told)
        .startsWith("ERROR: Refused: the tool 'order_status' needs the permission 'orders:read',")
        .contains("user 'guest'");
  }

  @Test
  void invalidArgumentsGoBackAsAToolError() {
    Ai ai = start("openai");
    server.then("openai/tool-call-invalid", "openai/after-tool");
    ai.prompt("Where is my order?").as(reader).reply();
    assertThat(ran).isEmpty();
    assertThat(server.received().get(1).body().at("/messages/2/content").asString())
        .isEqualTo(
            "ERROR: Invalid arguments for the tool 'order_status': orderId: must not be blank. Call"
                + " it again with arguments that fit its schema.");
  }

  @Test
  void toolRoundsAreLimited() {
    Ai ai = start("openai", "--keel.ai.max-tool-rounds=1");
    server.then("openai/tool-call", "openai/tool-call");
    try {
      ai.prompt("Loop").as(reader).reply();
      throw new AssertionError("expected a problem");
    } catch (HttpException e) {
      assertThat(e.problem().is(AiProblems.AI_TOOL_ROUNDS)).isTrue();
      assertThat(e.problem().detail())
          .isEqualTo(
              "The model still called tools ([order_status]) after 1 rounds, the limit of"
                  + " keel.ai.max-tool-rounds.");
    }
    assertThat(ran).containsExactly("A-1");
    assertThat(server.received()).hasSize(2);
  }

  @Test
  void aStreamedToolCallIsAssembledFromItsDeltas() {
    Ai ai = start("openai");
    server.then("openai/stream-tool-call", "openai/stream-after-tool");
    var tokens = new ArrayList<String>();
    Reply reply = ai.prompt("Where is A-1?").as(reader).stream(tokens::add);
    assertThat(ran).containsExactly("A-1");
    assertThat(tokens).containsExactly("Order A-1", " has shipped.");
    assertThat(reply.rounds()).isEqualTo(2);
  }

  @Test
  void anthropicToolUseGetsAToolResultBlock() {
    Ai ai = start("anthropic");
    server.then("anthropic/tool-use", "anthropic/after-tool");
    Reply reply = ai.prompt("Where is my order A-1?").as(reader).reply();
    assertThat(reply.text()).isEqualTo("Order A-1 has shipped.");
    assertThat(ran).containsExactly("A-1");
    var first = server.received().getFirst().body();
    assertThat(first.at("/tools/0/input_schema")).isEqualTo(tools.schema("order_status"));
    var second = server.received().get(1).body().get("messages");
    assertThat(second.get(1).toString())
        .isEqualTo(
            "{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"Let me look that order"
                + " up.\"},{\"type\":\"tool_use\",\"id\":\"toolu_01A09q90qw90lq917835lq9\",\"name\":\"order_status\",\"input\":{\"orderId\":\"A-1\"}}]}");
    assertThat(second.get(2).toString())
        .isEqualTo(
            "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_01A09q90qw90lq917835lq9\","
                + "\"content\":\"{\\\"orderId\\\":\\\"A-1\\\",\\\"state\\\":\\\"shipped\\\"}\"}]}");
  }

  @Test
  void anthropicStreamedToolUseIsAssembledFromPartialJson() {
    Ai ai = start("anthropic");
    server.then("anthropic/stream-tool-use", "anthropic/stream-hello");
    var tokens = new ArrayList<String>();
    ai.prompt("Where is A-1?").as(reader).stream(tokens::add);
    assertThat(ran).containsExactly("A-1");
    assertThat(server.received().get(1).body().at("/messages/1/content/0/input").toString())
        .isEqualTo("{\"orderId\":\"A-1\"}");
  }
}
