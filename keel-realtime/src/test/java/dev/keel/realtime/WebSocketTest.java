package dev.keel.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.core.Keel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebSocketTest {
  private Keel app;
  private final HttpClient http = HttpClient.newHttpClient();
  private final BlockingQueue<String> serverEvents = new LinkedBlockingQueue<>();

  @BeforeEach
  void start() {
    app = Keel.create("--keel.server.port=0");
    Realtime rt = Realtime.create();
    app.install(rt);
    rt.ws(
        "/echo/{room}",
        new WebSocketHandler() {
          @Override
          public void onOpen(WebSocket s) {
            serverEvents.add("open " + s.pathParams().get("room"));
          }

          @Override
          public void onText(WebSocket s, String text) {
            s.send("echo:" + text);
          }

          @Override
          public void onBinary(WebSocket s, byte[] data) {
            s.send(data);
          }

          @Override
          public void onClose(WebSocket s, int code, String reason) {
            serverEvents.add("close " + code);
          }
        });
    rt.ws(
        "/private",
        rt.defaults()
            .withAuthenticator(ctx -> ctx.query("token").filter("secret"::equals).map(t -> "ann"))
            .withAllowedOrigins("https://app.example"),
        new WebSocketHandler() {
          @Override
          public void onOpen(WebSocket s) {
            s.send("hello " + s.user().orElseThrow());
          }
        });
    rt.ws(
        "/limited",
        rt.defaults().withMaxMessageSize(1024, 4096).withMessagesPerSecond(5),
        new WebSocketHandler() {});
    rt.ws(
        "/keepalive",
        rt.defaults().withKeepAlive(Duration.ofMillis(100), Duration.ofMillis(400)),
        new WebSocketHandler() {
          @Override
          public void onClose(WebSocket s, int code, String reason) {
            serverEvents.add("keepalive close " + code);
          }
        });
    rt.ws(
        "/flood",
        rt.defaults().withOutboundQueue(8),
        new WebSocketHandler() {
          @Override
          public void onOpen(WebSocket s) {
            byte[] chunk = new byte[64 * 1024];
            int sent = 0;
            while (s.send(chunk) && sent < 100_000) sent++;
            serverEvents.add("flood stopped open=" + s.isOpen());
          }

          @Override
          public void onClose(WebSocket s, int code, String reason) {
            serverEvents.add("flood close " + code + " " + reason);
          }
        });
    app.start();
  }

  @AfterEach
  void stop() {
    app.stop();
  }

  private URI uri(String path) {
    return URI.create("ws://127.0.0.1:" + app.port() + path);
  }

  /** Collects what a client receives. */
  static final class Recorder implements java.net.http.WebSocket.Listener {
    final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    final CompletableFuture<String> closed = new CompletableFuture<>();
    private final StringBuilder text = new StringBuilder();

    @Override
    public CompletionStage<?> onText(java.net.http.WebSocket ws, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        received.add(text.toString());
        text.setLength(0);
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(java.net.http.WebSocket ws, ByteBuffer data, boolean last) {
      received.add("binary " + data.remaining());
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(java.net.http.WebSocket ws, int code, String reason) {
      closed.complete(code + " " + reason);
      return null;
    }

    @Override
    public void onError(java.net.http.WebSocket ws, Throwable error) {
      closed.complete("error " + error);
    }

    String next() throws InterruptedException {
      return received.poll(10, TimeUnit.SECONDS);
    }
  }

  private java.net.http.WebSocket connect(String path, Recorder r) {
    return http.newWebSocketBuilder().buildAsync(uri(path), r).join();
  }

  @Test
  void echoesTextAndBinaryInOrderAndReportsOpenAndClose() throws Exception {
    var r = new Recorder();
    var ws = connect("/echo/lobby", r);
    assertThat(serverEvents.poll(10, TimeUnit.SECONDS)).isEqualTo("open lobby");
    for (int i = 0; i < 50; i++) ws.sendText("m" + i, true).join();
    ws.sendBinary(ByteBuffer.wrap(new byte[300]), true).join();
    for (int i = 0; i < 50; i++) assertThat(r.next()).isEqualTo("echo:m" + i);
    assertThat(r.next()).isEqualTo("binary 300");
    ws.sendClose(1000, "bye").join();
    assertThat(r.closed.get(10, TimeUnit.SECONDS)).startsWith("1000");
    assertThat(serverEvents.poll(10, TimeUnit.SECONDS)).isEqualTo("close 1000");
  }

  @Test
  void stoppingTheServerClosesSocketsWith1001() throws Exception {
    var r = new Recorder();
    connect("/echo/bye", r);
    assertThat(serverEvents.poll(10, TimeUnit.SECONDS)).isEqualTo("open bye");
    app.stop();
    assertThat(r.closed.get(10, TimeUnit.SECONDS)).isEqualTo("1001 Server shutting down");
  }

  @Test
  void aPlainRequestToAWebSocketRouteGets426() throws Exception {
    var response =
        http.send(
            java.net.http.HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + app.port() + "/echo/x"))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(426);
    assertThat(response.body()).contains("is a WebSocket endpoint");
    assertThat(response.body())
        .contains("\"type\":\"https://keel.dev/problems/websocket-required\"");
  }

  @Test
  void handshakeRequiresTheAuthenticatorsUser() {
    assertThatThrownBy(() -> connect("/private", new Recorder()))
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOfSatisfying(
            WebSocketHandshakeException.class,
            e -> assertThat(e.getResponse().statusCode()).isEqualTo(401));
  }

  @Test
  void refusedHandshakesNameTheirProblemType() throws Exception {
    assertThat(rawHandshake("/private", ""))
        .startsWith("HTTP/1.1 401")
        .contains("\"type\":\"https://keel.dev/problems/unauthenticated\"");
    assertThat(rawHandshake("/private?token=secret", "Origin: https://evil.example\r\n"))
        .startsWith("HTTP/1.1 403")
        .contains("\"type\":\"https://keel.dev/problems/websocket-origin\"");
  }

  private String rawHandshake(String path, String headers) throws java.io.IOException {
    try (var socket = new java.net.Socket("127.0.0.1", app.port())) {
      socket.setSoTimeout(5000);
      String request =
          "GET "
              + path
              + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade, close"
              + "\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
              + headers
              + "\r\n";
      socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      return new String(
          socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  @Test
  void authenticatedUserIsKnownToTheHandler() throws Exception {
    var r = new Recorder();
    connect("/private?token=secret", r);
    assertThat(r.next()).isEqualTo("hello ann");
  }

  @Test
  void originMustBeAllowed() throws Exception {
    assertThatThrownBy(
            () ->
                http.newWebSocketBuilder()
                    .header("Origin", "https://evil.example")
                    .buildAsync(uri("/private?token=secret"), new Recorder())
                    .join())
        .cause()
        .isInstanceOfSatisfying(
            WebSocketHandshakeException.class,
            e -> assertThat(e.getResponse().statusCode()).isEqualTo(403));
    var r = new Recorder();
    http.newWebSocketBuilder()
        .header("Origin", "https://app.example")
        .buildAsync(uri("/private?token=secret"), r)
        .join();
    assertThat(r.next()).isEqualTo("hello ann");
  }

  @Test
  void tooLargeMessageClosesWith1009() throws Exception {
    var r = new Recorder();
    var ws = connect("/limited", r);
    // three 1 KiB fragments pass the frame limit; the fourth and fifth exceed the 4 KiB message
    for (int i = 0; i < 5; i++) ws.sendText("x".repeat(1000), i == 4).join();
    assertThat(r.closed.get(10, TimeUnit.SECONDS)).startsWith("1009");
  }

  @Test
  void tooManyMessagesPerSecondCloseWith1008() throws Exception {
    var r = new Recorder();
    var ws = connect("/limited", r);
    for (int i = 0; i < 20 && !r.closed.isDone(); i++) {
      try {
        ws.sendText("hi", true).join();
      } catch (CompletionException e) {
        break; // the server already closed
      }
    }
    assertThat(r.closed.get(10, TimeUnit.SECONDS))
        .startsWith("1008")
        .contains("keel.realtime.ws.messages-per-second");
  }

  @Test
  void deadPeerIsDetectedByTheIdleTimeout() throws Exception {
    try (var raw = new RawSocket(app.port(), "/keepalive", "")) {
      assertThat(raw.response).startsWith("HTTP/1.1 101");
      // the raw client never answers the server's pings
      assertThat(serverEvents.poll(10, TimeUnit.SECONDS)).isEqualTo("keepalive close 1006");
    }
  }

  @Test
  void permessageDeflateIsNegotiated() throws Exception {
    try (var raw =
        new RawSocket(
            app.port(),
            "/echo/z",
            "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n")) {
      assertThat(raw.response)
          .startsWith("HTTP/1.1 101")
          .containsIgnoringCase("sec-websocket-extensions: permessage-deflate");
    }
  }

  @Test
  void slowClientIsClosedWith1013InsteadOfBuffering() throws Exception {
    try (var raw = new RawSocket(app.port(), "/flood", "")) {
      assertThat(raw.response).startsWith("HTTP/1.1 101");
      List<String> events = new CopyOnWriteArrayList<>();
      for (int i = 0; i < 2; i++) events.add(serverEvents.poll(30, TimeUnit.SECONDS));
      assertThat(events)
          .contains("flood stopped open=false")
          .anySatisfy(e -> assertThat(e).startsWith("flood close 1013 Client too slow"));
    }
  }
}
