package dev.keel.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** graphql-transport-ws message by message, with the JDK's WebSocket client. */
class WsProtocolTest {
  static Blog blog;
  static HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    blog = new Blog(Map.of());
    blog.seed();
  }

  @AfterAll
  static void stop() {
    blog.app.stop();
  }

  /** A connection that records messages and the close code. */
  static final class Peer implements WebSocket.Listener {
    final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    final StringBuilder partial = new StringBuilder();
    WebSocket socket;

    static Peer connect() {
      var peer = new Peer();
      peer.socket =
          http.newWebSocketBuilder()
              .subprotocols("graphql-transport-ws")
              .buildAsync(URI.create("ws://127.0.0.1:" + blog.app.port() + "/graphql/ws"), peer)
              .join();
      return peer;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        messages.add(partial.toString());
        partial.setLength(0);
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
      closed.complete(code);
      return null;
    }

    void send(String text) {
      socket.sendText(text, true).join();
    }

    String next() throws InterruptedException {
      String m = messages.poll(10, TimeUnit.SECONDS);
      assertThat(m).as("a message within 10 s").isNotNull();
      return m;
    }

    int closeCode() throws Exception {
      return closed.get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void negotiatesTheSubprotocolAndAcknowledgesInit() throws Exception {
    Peer p = Peer.connect();
    assertThat(p.socket.getSubprotocol()).isEqualTo("graphql-transport-ws");
    p.send("{\"type\":\"connection_init\"}");
    assertThat(p.next()).isEqualTo("{\"type\":\"connection_ack\"}");
    p.send("{\"type\":\"ping\"}");
    assertThat(p.next()).isEqualTo("{\"type\":\"pong\"}");
    p.send(
        "{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"{ article(slug: \\\"article-2\\\") { title } }\"}}");
    assertThat(p.next()).contains("\"type\":\"next\"").contains("Article 2");
    assertThat(p.next()).isEqualTo("{\"id\":\"1\",\"type\":\"complete\"}");
    p.send("{\"id\":\"2\",\"type\":\"subscribe\",\"payload\":{\"query\":\"{ nope }\"}}");
    assertThat(p.next()).contains("\"type\":\"error\"").contains("\"id\":\"2\"").contains("nope");
    p.socket.sendClose(1000, "bye").join();
  }

  @Test
  void subscribeBeforeInitClosesWith4401() throws Exception {
    Peer p = Peer.connect();
    p.send("{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"{ articleCount }\"}}");
    assertThat(p.closeCode()).isEqualTo(4401);
  }

  @Test
  void secondInitClosesWith4429() throws Exception {
    Peer p = Peer.connect();
    p.send("{\"type\":\"connection_init\"}");
    p.next();
    p.send("{\"type\":\"connection_init\"}");
    assertThat(p.closeCode()).isEqualTo(4429);
  }

  @Test
  void malformedMessagesCloseWith4400() throws Exception {
    Peer json = Peer.connect();
    json.send("not json");
    assertThat(json.closeCode()).isEqualTo(4400);
    Peer type = Peer.connect();
    type.send("{\"type\":\"hello\"}");
    assertThat(type.closeCode()).isEqualTo(4400);
  }

  @Test
  void aSecondSubscriberWithTheSameIdClosesWith4409() throws Exception {
    Peer p = Peer.connect();
    p.send("{\"type\":\"connection_init\"}");
    p.next();
    String subscribe =
        "{\"id\":\"s\",\"type\":\"subscribe\",\"payload\":{\"query\":\"subscription { articleAdded { slug } }\"}}";
    p.send(subscribe);
    p.send(subscribe);
    assertThat(p.closeCode()).isEqualTo(4409);
  }

  @Test
  void completeStopsTheEvents() throws Exception {
    Peer p = Peer.connect();
    p.send("{\"type\":\"connection_init\"}");
    p.next();
    p.send(
        "{\"id\":\"live\",\"type\":\"subscribe\",\"payload\":{\"query\":\"subscription { articleAdded { slug } }\"}}");
    Thread.sleep(300); // the server reads the subscribe before the article is added
    createArticle("ws-1");
    assertThat(p.next()).contains("\"id\":\"live\"").contains("ws-1");
    p.send("{\"id\":\"live\",\"type\":\"complete\"}");
    Thread.sleep(300);
    createArticle("ws-2");
    assertThat(p.messages.poll(1, TimeUnit.SECONDS)).isNull();
  }

  private static void createArticle(String slug) {
    var client = dev.keel.test.TestClient.overSocket(blog.app);
    client
        .post("/graphql")
        .header("X-Test-User", "1 articles:write")
        .json(
            Map.of(
                "query",
                "mutation { createArticle(input: {slug: \"" + slug + "\", title: \"t\"}) { id } }"))
        .send();
    client.close();
  }
}
