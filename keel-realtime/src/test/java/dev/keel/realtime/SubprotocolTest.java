package dev.keel.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.Keel;
import java.net.URI;
import java.net.http.HttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code Sec-WebSocket-Protocol} negotiation (RFC 6455 section 4.2.2), with the JDK's client. */
class SubprotocolTest {
  private Keel app;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    app = Keel.create("--keel.server.port=0");
    Realtime rt = Realtime.create();
    app.install(rt);
    rt.ws("/v", rt.defaults().withSubprotocols("v2.chat", "v1.chat"), new WebSocketHandler() {});
    rt.ws("/plain", new WebSocketHandler() {});
    app.start();
  }

  @AfterEach
  void stop() {
    app.stop();
  }

  private String negotiated(String path, String... offered) {
    var builder = http.newWebSocketBuilder();
    if (offered.length > 0) {
      builder.subprotocols(offered[0], java.util.Arrays.copyOfRange(offered, 1, offered.length));
    }
    var socket =
        builder
            .buildAsync(
                URI.create("ws://127.0.0.1:" + app.port() + path),
                new java.net.http.WebSocket.Listener() {})
            .join();
    String chosen = socket.getSubprotocol();
    socket.sendClose(1000, "").join();
    return chosen;
  }

  @Test
  void theClientsFirstSupportedOfferIsChosen() {
    assertThat(negotiated("/v", "v1.chat")).isEqualTo("v1.chat");
    assertThat(negotiated("/v", "v3.chat", "v2.chat", "v1.chat")).isEqualTo("v2.chat");
  }

  @Test
  void noneWhenTheEndpointHasNone() {
    assertThat(negotiated("/plain")).isEmpty();
  }
}
