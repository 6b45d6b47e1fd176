package dev.keel.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.Keel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's example, kept compiling and working. */
class ReadmeExampleTest {

  @Test
  void readmeExampleWorks() throws Exception {
    String[] args = {"--keel.server.port=0"};
    // ---- README begins
    Keel app = Keel.create(args);
    Realtime realtime = Realtime.create();
    app.install(realtime);

    // WebSocket: callbacks of one connection run one at a time, in order, on a virtual thread
    realtime.ws(
        "/echo",
        new WebSocketHandler() {
          @Override
          public void onText(WebSocket socket, String text) {
            socket.send("echo: " + text);
          }
        });

    // Server-Sent Events: stream tokens as they come (an LLM's output, say)
    realtime.sse(
        "/answer",
        (ctx, events) -> {
          for (String token : List.of("Keel", " streams", " tokens")) {
            events.send(ServerSentEvent.of("token", token));
          }
        });

    // A feed with replay: reconnecting clients resume after their Last-Event-ID
    EventFeed news = EventFeed.create(1000);
    realtime.sse("/news", (ctx, events) -> news.stream(events));

    // Channels with presence at /socket; the browser client is served at /keel/realtime.js
    Channels channels = realtime.channels("/socket", (user, topic) -> topic.startsWith("room:"));
    channels.listen((topic, event, payload) -> news.publish(event, payload));

    app.start();
    channels.broadcast("room:lobby", "notice", Map.of("text", "Welcome!"));
    // ---- README ends
    try {
      var http = HttpClient.newHttpClient();
      var answer =
          http.send(
              HttpRequest.newBuilder(URI.create(app.url() + "/answer")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(answer.body())
          .contains("event: token\ndata: Keel\n\n")
          .contains("data:  streams\n")
          .contains("data:  tokens\n");
      var client = new ChannelClient(app.port(), "/socket");
      client.reply(client.send("join", "room:lobby", ""));
      channels.broadcast("room:lobby", "notice", Map.of("text", "Welcome!"));
      var notice = client.await("notice", n -> n.path("event").asString().equals("notice"));
      assertThat(notice.path("payload").path("text").asString()).isEqualTo("Welcome!");
      client.close();
    } finally {
      app.stop();
    }
  }
}
