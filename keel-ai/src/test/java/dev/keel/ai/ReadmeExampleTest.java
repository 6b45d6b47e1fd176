package dev.keel.ai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.ai.tool.Tool;
import dev.keel.ai.tool.Tools;
import dev.keel.core.Keel;
import dev.keel.realtime.Realtime;
import dev.keel.security.ApiKeyStore;
import dev.keel.security.ApiKeys;
import dev.keel.security.Principal;
import dev.keel.security.Security;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The README's example, kept compiling and working: typed output, a tool guarded by a permission
 * and run as the request's principal (keel-security API keys), and a stream to the browser.
 */
class ReadmeExampleTest {
  // ---- README types begin
  record Verdict(@NotBlank String summary, @Min(0) @Max(10) int score, List<String> labels) {}

  record OrderQuery(@NotBlank String orderId) {}

  record OrderStatus(String orderId, String state) {}

  // ---- README types end

  private final TranscriptServer upstream = new TranscriptServer();
  private final List<String> looked = new CopyOnWriteArrayList<>();
  private final ApiKeys apiKeys = new ApiKeys("demo", ApiKeyStore.inMemory());
  private final HttpClient http = HttpClient.newHttpClient();
  private Keel app;

  OrderStatus status(OrderQuery q) {
    looked.add(q.orderId());
    return new OrderStatus(q.orderId(), "shipped");
  }

  @AfterEach
  void stop() {
    app.stop();
    upstream.close();
  }

  private Keel readmeApp(String... args) {
    var orders = this;
    // ---- README begins
    Tools tools =
        Tools.of(
            Tool.of("order_status", "The status of one order", OrderQuery.class, orders::status)
                .requires("orders:read"));
    Ai ai = Ai.builder().tools(tools).build();
    Realtime realtime = Realtime.create();
    Keel app = Keel.create(args);
    app.install(Security.builder().apiKeys(apiKeys).build()).install(realtime).install(ai);

    // typed output: the record's JSON Schema goes to the model, the answer is validated
    app.get("/judge", ctx -> ai.ask("Judge: " + ctx.query("text").orElse(""), Verdict.class));

    // streaming: tokens go to the browser as Server-Sent Events; tools run as the request's user
    realtime.sse(
        "/ask", (ctx, events) -> ai.prompt(ctx.query("q").orElse("")).as(ctx).streamTo(events));
    // ---- README ends
    return app;
  }

  private HttpResponse<String> get(String path, String key) throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path));
    if (key != null) request.header("X-API-Key", key);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private void start() {
    app =
        readmeApp(
            "--keel.server.port=0",
            "--keel.ai.base-url=" + upstream.url(),
            "--keel.ai.model=llama3.2",
            "--keel.ai.api-key-env=KEEL_AI_README_TEST_KEY_UNSET");
    app.start();
  }

  @Test
  void aTypedAnswerComesBackAsJson() throws Exception {
    start();
    upstream.then("openai/verdict-valid");
    var response = get("/judge?text=Thanks", null);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Map.of("body", response.body()).get("body"))
        .isEqualTo("{\"summary\":\"Polite and on topic\",\"score\":8,\"labels\":[\"friendly\"]}");
    assertThat(upstream.received().getFirst().headers()).doesNotContainKey("authorization");
  }

  @Test
  void theToolRunsForAUserWithThePermissionAndIsRefusedToOthers() throws Exception {
    start();
    String reader = apiKeys.create(Principal.of("ann"), Set.of("orders:read")).key();
    String guest = apiKeys.create(Principal.of("bob"), Set.of("profile:read")).key();

    upstream.then("openai/stream-tool-call", "openai/stream-after-tool");
    var allowed = get("/ask?q=A-1", reader);
    assertThat(allowed.body()).contains("event: token\ndata: Order A-1").contains("event: done");
    assertThat(looked).containsExactly("A-1");

    upstream.then("openai/stream-tool-call", "openai/stream-after-tool");
    get("/ask?q=A-1", guest);
    assertThat(looked).containsExactly("A-1"); // not run again
    assertThat(upstream.received().get(3).body().at("/messages/2/content").asString())
        .startsWith(
            "ERROR: Refused: the tool 'order_status' needs the permission 'orders:read', which the current user 'bob' does not have.");

    upstream.then("openai/stream-tool-call", "openai/stream-after-tool");
    get("/ask?q=A-1", null);
    assertThat(upstream.received().get(5).body().at("/messages/2/content").asString())
        .contains("current anonymous user");
    assertThat(looked).hasSize(1);
  }
}
