package dev.keel.ai.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.Keel;
import dev.keel.core.ProblemType;
import dev.keel.security.Principal;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The streamable HTTP transport over a real socket, message by message, as the spec words it. */
class McpHttpTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String BOTH = "application/json, text/event-stream";
  private final HttpClient http = HttpClient.newHttpClient();
  private Keel app;
  private String ann;
  private String bob;

  @BeforeEach
  void start() {
    app = NotesMcp.app().start();
    ann = NotesMcp.token(app, Principal.of("ann").withPermissions("notes:write"));
    bob = NotesMcp.token(app, Principal.of("bob"));
  }

  @AfterEach
  void stop() {
    app.stop();
  }

  @Test
  void initializeAgreesOnTheVersionAndGivesASession() throws Exception {
    var r = post(ann, null, initialize("2025-11-25"));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("text/event-stream");
    assertThat(r.headers().firstValue("Mcp-Session-Id").orElseThrow()).hasSize(48);
    JsonNode result = events(r).getLast().get("result");
    assertThat(result.get("protocolVersion").asString()).isEqualTo("2025-11-25");
    assertThat(result.at("/serverInfo/name").asString()).isEqualTo("notes");
    assertThat(result.at("/capabilities/tools").isObject()).isTrue();

    assertThat(version(post(ann, null, initialize("2025-06-18")))).isEqualTo("2025-06-18");
    assertThat(version(post(ann, null, initialize("2024-11-05")))).isEqualTo("2024-11-05");
    assertThat(version(post(ann, null, initialize("1999-01-01")))).isEqualTo("2025-11-25");
  }

  @Test
  void notificationsAreAcceptedWithoutABody() throws Exception {
    String session = session(ann);
    var r = post(ann, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    assertThat(r.statusCode()).isEqualTo(202);
    assertThat(r.body()).isEmpty();
  }

  @Test
  void listsToolsWithTheirSchemasAndOnlyThoseThePrincipalMayCall() throws Exception {
    JsonNode tools = call(ann, session(ann), "tools/list", "{}").get("result").get("tools");
    JsonNode add = find(tools, "add_note");
    assertThat(add.get("description").asString()).isEqualTo("Adds a note to the notebook");
    assertThat(add.at("/inputSchema/type").asString()).isEqualTo("object");
    assertThat(add.at("/inputSchema/properties/title/minLength").asInt()).isEqualTo(1);
    assertThat(add.at("/inputSchema/properties/body/maxLength").asInt()).isEqualTo(200);
    assertThat(add.at("/inputSchema/required").toString()).isEqualTo("[\"title\"]");

    JsonNode bobs = call(bob, session(bob), "tools/list", "{}").get("result").get("tools");
    assertThat(names(bobs)).containsExactly("count_words", "delete_note");
  }

  @Test
  void aChatToolIsOfferedOverMcpWithItsPermission() throws Exception {
    String session = session(ann);
    JsonNode tools = call(ann, session, "tools/list", "{}").get("result").get("tools");
    assertThat(find(tools, "note_count").get("description").asString())
        .isEqualTo("How many notes there are");
    call(ann, session, "tools/call", "{\"name\":\"add_note\",\"arguments\":{\"title\":\"A\"}}");
    JsonNode count =
        call(ann, session, "tools/call", "{\"name\":\"note_count\",\"arguments\":{}}")
            .get("result");
    assertThat(count.get("isError").asBoolean()).isFalse();
    assertThat(count.at("/content/0/text").asString()).isEqualTo("1");
    JsonNode refused =
        call(bob, session(bob), "tools/call", "{\"name\":\"note_count\",\"arguments\":{}}");
    assertThat(refused.toString()).doesNotContain("\"text\":\"1\"");
  }

  @Test
  void callsAToolWithTheCallersPrincipal() throws Exception {
    JsonNode result =
        call(
                ann,
                session(ann),
                "tools/call",
                "{\"name\":\"add_note\",\"arguments\":{\"title\":\"Milk\",\"body\":\"2 l\"}}")
            .get("result");
    assertThat(result.get("isError").asBoolean()).isFalse();
    assertThat(result.get("structuredContent").toString())
        .isEqualTo("{\"id\":1,\"title\":\"Milk\",\"body\":\"2 l\",\"author\":\"ann\"}");
    assertThat(result.at("/content/0/text").asString()).contains("\"author\":\"ann\"");
  }

  @Test
  void toolErrorsComeBackForTheModelToRead() throws Exception {
    String session = session(ann);
    JsonNode invalid =
        call(ann, session, "tools/call", "{\"name\":\"add_note\",\"arguments\":{\"title\":\" \"}}")
            .get("result");
    assertThat(invalid.get("isError").asBoolean()).isTrue();
    assertThat(invalid.at("/content/0/text").asString())
        .isEqualTo("Invalid arguments: argument 'title' must not be blank");
    JsonNode wrongType =
        call(ann, session, "tools/call", "{\"name\":\"delete_note\",\"arguments\":{\"id\":\"x\"}}")
            .get("result");
    assertThat(wrongType.at("/content/0/text").asString())
        .startsWith("Invalid arguments: argument 'id': ");
    JsonNode notFound =
        call(ann, session, "tools/call", "{\"name\":\"delete_note\",\"arguments\":{\"id\":7}}")
            .get("result");
    assertThat(notFound.at("/content/0/text").asString()).isEqualTo("no note 7");
    assertThat(notFound.get("isError").asBoolean()).isTrue();
  }

  @Test
  void aToolThePrincipalMayNotCallIsRefused() throws Exception {
    JsonNode result =
        call(
                bob,
                session(bob),
                "tools/call",
                "{\"name\":\"add_note\",\"arguments\":{\"title\":\"x\"}}")
            .get("result");
    assertThat(result.get("isError").asBoolean()).isTrue();
    assertThat(result.at("/content/0/text").asString())
        .isEqualTo(
            "Not allowed: the tool 'add_note' needs the permissions [notes:write], which principal"
                + " 'bob' lacks");
  }

  @Test
  void progressGoesOutOnTheRequestsStreamBeforeTheResult() throws Exception {
    var r =
        post(
            ann,
            session(ann),
            "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"name\":\"count_words\","
                + "\"arguments\":{\"text\":\"one two three\"},\"_meta\":{\"progressToken\":\"p1\"}}}");
    List<JsonNode> events = events(r);
    assertThat(events).hasSize(2);
    assertThat(events.get(0).get("method").asString()).isEqualTo("notifications/progress");
    assertThat(events.get(0).at("/params/progressToken").asString()).isEqualTo("p1");
    assertThat(events.get(0).at("/params/message").asString()).isEqualTo("splitting");
    assertThat(events.get(1).get("id").asInt()).isEqualTo(5);
    assertThat(events.get(1).at("/result/content/0/text").asString()).isEqualTo("3");
  }

  @Test
  void readsResourcesAndGetsPrompts() throws Exception {
    String session = session(ann);
    JsonNode list = call(ann, session, "resources/list", "{}").at("/result/resources/0");
    assertThat(list.get("uri").asString()).isEqualTo("notes://readme");
    JsonNode read = call(ann, session, "resources/read", "{\"uri\":\"notes://readme\"}");
    assertThat(read.at("/result/contents/0/text").asString())
        .isEqualTo("# Notes\nWrite them down.");
    assertThat(read.at("/result/contents/0/mimeType").asString()).isEqualTo("text/markdown");
    JsonNode missing = call(ann, session, "resources/read", "{\"uri\":\"notes://nothing\"}");
    assertThat(missing.at("/error/code").asInt()).isEqualTo(-32002);

    JsonNode prompts = call(ann, session, "prompts/list", "{}").at("/result/prompts/0");
    assertThat(prompts.get("arguments").toString())
        .isEqualTo(
            "[{\"name\":\"topic\",\"required\":true},{\"name\":\"tone\",\"required\":false}]");
    JsonNode prompt =
        call(
            ann,
            session,
            "prompts/get",
            "{\"name\":\"summarize\",\"arguments\":{\"topic\":\"milk\",\"tone\":\"dry\"}}");
    assertThat(prompt.at("/result/messages/0/role").asString()).isEqualTo("user");
    assertThat(prompt.at("/result/messages/0/content/text").asString())
        .isEqualTo("Summarize my notes about milk, in a dry tone");
    JsonNode noTopic =
        call(ann, session, "prompts/get", "{\"name\":\"summarize\",\"arguments\":{}}");
    assertThat(noTopic.at("/error/code").asInt()).isEqualTo(-32602);
    assertThat(noTopic.at("/error/message").asString())
        .isEqualTo("Prompt 'summarize' needs the string argument 'topic'");
  }

  @Test
  void withoutCredentialsTheAnswerIs401WithAProblem() throws Exception {
    var r = post(null, null, initialize("2025-11-25"));
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(r.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer");
    assertThat(JSON.readTree(r.body()).get("type").asString())
        .isEqualTo(ProblemType.BASE + "unauthenticated");
    var bad = post("not-a-token", null, initialize("2025-11-25"));
    assertThat(bad.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(bad.body()).get("type").asString())
        .isEqualTo(ProblemType.BASE + "token-invalid");
    var get = send(HttpRequest.newBuilder(uri()).header("Accept", "text/event-stream").GET());
    assertThat(get.statusCode()).isEqualTo(401);
  }

  @Test
  void sessionsAreRequiredCheckedAndKeptPerPrincipal() throws Exception {
    String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}";
    assertProblem(post(ann, null, body), 400, "mcp-session-required");
    assertProblem(post(ann, "nope", body), 404, "mcp-session-unknown");
    String annsSession = session(ann);
    assertProblem(post(bob, annsSession, body), 404, "mcp-session-unknown");
    var wrongVersion =
        send(request(ann, annsSession, body).header("MCP-Protocol-Version", "2023-01-01"));
    assertProblem(wrongVersion, 400, "mcp-protocol-version");

    var delete =
        send(
            HttpRequest.newBuilder(uri())
                .header("Authorization", "Bearer " + ann)
                .header("Mcp-Session-Id", annsSession)
                .DELETE());
    assertThat(delete.statusCode()).isEqualTo(204);
    assertProblem(post(ann, annsSession, body), 404, "mcp-session-unknown");
  }

  @Test
  void malformedMessagesGetJsonRpcErrors() throws Exception {
    String session = session(ann);
    assertRpcError(post(ann, session, "{\"jsonrpc\":\"2.0\",\"id\":1,"), 400, -32700);
    assertRpcError(
        post(ann, session, "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]"), 400, -32600);
    assertRpcError(
        post(ann, session, "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}"), 400, -32600);
    assertRpcError(
        post(ann, session, "{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"ping\"}"), 400, -32600);
    assertRpcError(
        post(ann, session, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":[]}"),
        400,
        -32600);
    assertRpcError(post(ann, session, "\"hello\""), 400, -32600);
    JsonNode unknown = call(ann, session, "sing", "{}");
    assertThat(unknown.at("/error/code").asInt()).isEqualTo(-32601);
    assertThat(unknown.at("/error/message").asString()).isEqualTo("Method not found: sing");
    JsonNode noName = call(ann, session, "tools/call", "{}");
    assertThat(noName.at("/error/code").asInt()).isEqualTo(-32602);
    JsonNode ping = call(ann, session, "ping", "{}");
    assertThat(ping.get("result").toString()).isEqualTo("{}");
  }

  @Test
  void wrongMediaTypesAndForeignOriginsAreRefused() throws Exception {
    String init = initialize("2025-11-25");
    var text = send(request(ann, null, init).setHeader("Content-Type", "text/plain"));
    assertProblem(text, 415, "content-type-unsupported");
    var html =
        send(
            HttpRequest.newBuilder(uri())
                .header("Authorization", "Bearer " + ann)
                .header("Content-Type", "application/json")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(init)));
    assertProblem(html, 406, "mcp-not-acceptable");
    var foreign = send(request(ann, null, init).header("Origin", "https://evil.example"));
    assertProblem(foreign, 403, "mcp-origin-refused");
    var local = send(request(ann, null, init).header("Origin", "http://localhost:3000"));
    assertThat(local.statusCode()).isEqualTo(200);
  }

  @Test
  void aClientThatAcceptsOnlyJsonGetsJson() throws Exception {
    var r =
        send(
            HttpRequest.newBuilder(uri())
                .header("Authorization", "Bearer " + ann)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(initialize("2025-11-25"))));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(JSON.readTree(r.body()).at("/result/protocolVersion").asString())
        .isEqualTo("2025-11-25");
  }

  @Test
  void theGetStreamIsPrimedIsOneAndEndsWithTheSession() throws Exception {
    String session = session(ann);
    var stream =
        http.send(
            HttpRequest.newBuilder(uri())
                .header("Authorization", "Bearer " + ann)
                .header("Mcp-Session-Id", session)
                .header("Accept", "text/event-stream")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());
    assertThat(stream.statusCode()).isEqualTo(200);
    assertThat(stream.headers().firstValue("Content-Type")).hasValue("text/event-stream");
    var lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
    assertThat(lines.readLine()).matches("id: \\d+");
    assertThat(lines.readLine()).isEqualTo("data: ");

    var second =
        send(
            HttpRequest.newBuilder(uri())
                .header("Authorization", "Bearer " + ann)
                .header("Mcp-Session-Id", session)
                .header("Accept", "text/event-stream")
                .GET());
    assertProblem(second, 409, "mcp-stream-open");

    send(
        HttpRequest.newBuilder(uri())
            .header("Authorization", "Bearer " + ann)
            .header("Mcp-Session-Id", session)
            .DELETE());
    // the stream ends within a heartbeat once its session is gone
    try (InputStream rest = stream.body()) {
      assertThat(new String(rest.readAllBytes(), StandardCharsets.UTF_8)).isEmpty();
    }
  }

  @Test
  void aTruncatedBodyOverARawSocketIsAnsweredNotHung() throws Exception {
    try (var socket = new Socket("127.0.0.1", app.port())) {
      socket.setSoTimeout(10_000);
      String body =
          "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion";
      String request =
          "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
              + ann
              + "\r\nContent-Type: application/json\r\nAccept: "
              + BOTH
              + "\r\nConnection: close\r\nContent-Length: "
              + body.length()
              + "\r\n\r\n"
              + body;
      socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 400 ").contains("\"code\":-32700");
    }
  }

  record Nothing() {}

  @Test
  void aToolThatHangsIsStoppedAndAnswered() throws Exception {
    var interrupted = new java.util.concurrent.CountDownLatch(1);
    Keel slow =
        Keel.create(
                dev.keel.core.Config.builder()
                    .args(
                        "--keel.server.port=0",
                        "--keel.profile=test",
                        "--keel.security.jwt.secret=" + NotesMcp.SECRET,
                        "--keel.ai.mcp.tool-timeout=PT0.3S")
                    .build())
            .install(dev.keel.security.Security.create())
            .install(
                Mcp.builder("slow", "1")
                    .tool(
                        McpTool.of(
                            "hang",
                            "Never returns",
                            Nothing.class,
                            (caller, args) -> {
                              try {
                                Thread.sleep(60_000);
                              } catch (InterruptedException e) {
                                interrupted.countDown();
                              }
                              return "late";
                            }))
                    .build())
            .start();
    Keel previous = app;
    app = slow; // the helpers talk to this app
    try {
      String token = NotesMcp.token(slow, Principal.of("ann"));
      long start = System.nanoTime();
      JsonNode result =
          call(token, session(token), "tools/call", "{\"name\":\"hang\"}").get("result");
      assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
      assertThat(result.get("isError").asBoolean()).isTrue();
      assertThat(result.at("/content/0/text").asString())
          .isEqualTo(
              "The tool 'hang' took longer than 300 ms (keel.ai.mcp.tool-timeout) and was stopped");
      assertThat(interrupted.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    } finally {
      app = previous;
      slow.stop();
    }
  }

  // ---- helpers

  private URI uri() {
    return URI.create("http://127.0.0.1:" + app.port() + "/mcp");
  }

  private static String initialize(String version) {
    return "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\""
        + version
        + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";
  }

  private String session(String token) throws Exception {
    return post(token, null, initialize("2025-11-25"))
        .headers()
        .firstValue("Mcp-Session-Id")
        .orElseThrow();
  }

  private String version(HttpResponse<String> r) {
    return events(r).getLast().at("/result/protocolVersion").asString();
  }

  private JsonNode call(String token, String session, String method, String params)
      throws Exception {
    var r =
        post(
            token,
            session,
            "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\""
                + method
                + "\",\"params\":"
                + params
                + "}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode response = events(r).getLast();
    assertThat(response.get("id").asInt()).isEqualTo(9);
    return response;
  }

  private HttpRequest.Builder request(String token, String session, String body) {
    var b =
        HttpRequest.newBuilder(uri())
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("Accept", BOTH)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) b.header("Authorization", "Bearer " + token);
    if (session != null) b.header("Mcp-Session-Id", session);
    return b;
  }

  private HttpResponse<String> post(String token, String session, String body) throws Exception {
    return send(request(token, session, body));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(
        request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The JSON messages of an event-stream body. */
  private static List<JsonNode> events(HttpResponse<String> r) {
    var messages = new ArrayList<JsonNode>();
    for (String line : r.body().split("\n")) {
      if (line.startsWith("data: ") && line.length() > 6)
        messages.add(JSON.readTree(line.substring(6)));
    }
    assertThat(messages).as(r.body()).isNotEmpty();
    return messages;
  }

  private static void assertProblem(HttpResponse<String> r, int status, String code) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = JSON.readTree(r.body());
    assertThat(problem.get("type").asString()).isEqualTo(ProblemType.BASE + code);
    assertThat(problem.get("detail").asString()).isNotBlank();
  }

  private static void assertRpcError(HttpResponse<String> r, int status, int code) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode error = JSON.readTree(r.body());
    assertThat(error.get("jsonrpc").asString()).isEqualTo("2.0");
    assertThat(error.get("id").isNull()).isTrue();
    assertThat(error.at("/error/code").asInt()).isEqualTo(code);
  }

  private static JsonNode find(JsonNode list, String name) {
    for (JsonNode n : list) if (n.get("name").asString().equals(name)) return n;
    throw new AssertionError(name + " not in " + list);
  }

  private static List<String> names(JsonNode list) {
    var names = new ArrayList<String>();
    list.forEach(n -> names.add(n.get("name").asString()));
    return names;
  }
}
