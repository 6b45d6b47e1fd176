package dev.keel.examples.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.Keel;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChatAppTest {
  private Keel app;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    app = ChatApp.app("--keel.server.port=0").start();
  }

  @AfterEach
  void stop() {
    app.stop();
  }

  @Test
  void servesThePageAndTheClient() throws Exception {
    var page =
        http.send(
            HttpRequest.newBuilder(URI.create(app.url() + "/")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(page.body()).contains("<title>Keel chat</title>").contains("/keel/realtime.js");
  }

  @Test
  void roomMessagesReachTheRoomsEventFeed() throws Exception {
    HttpResponse<InputStream> feed =
        http.send(
            HttpRequest.newBuilder(URI.create(app.url() + "/rooms/lobby/events")).build(),
            HttpResponse.BodyHandlers.ofInputStream());
    var events = new BufferedReader(new InputStreamReader(feed.body(), StandardCharsets.UTF_8));
    assertThat(events.readLine()).isEqualTo(": keep-alive"); // subscribed

    var replies = new LinkedBlockingQueue<String>();
    WebSocket ws =
        http.newWebSocketBuilder()
            .buildAsync(
                URI.create("ws://127.0.0.1:" + app.port() + "/socket"),
                new WebSocket.Listener() {
                  @Override
                  public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                    replies.add(data.toString());
                    w.request(1);
                    return null;
                  }
                })
            .join();
    ws.sendText(
            "{\"ref\":\"1\",\"type\":\"join\",\"topic\":\"room:lobby\",\"meta\":{\"name\":\"Ann\"}}",
            true)
        .join();
    assertThat(replies.poll(10, TimeUnit.SECONDS)).contains("\"ok\":true");
    ws.sendText(
            "{\"ref\":\"2\",\"type\":\"publish\",\"topic\":\"room:lobby\",\"event\":\"message\","
                + "\"payload\":{\"name\":\"Ann\",\"text\":\"hi\"}}",
            true)
        .join();
    String line;
    while ((line = events.readLine()) != null && !line.startsWith("data:")) {}
    assertThat(line).isEqualTo("data: {\"name\":\"Ann\",\"text\":\"hi\"}");
    ws.abort();
  }

  @Test
  void roomNamesAreChecked() throws Exception {
    var response =
        http.send(
            HttpRequest.newBuilder(URI.create(app.url() + "/rooms/no%20spaces/events")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(404);
  }
}
