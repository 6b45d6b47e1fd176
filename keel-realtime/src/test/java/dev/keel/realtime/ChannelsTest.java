package dev.keel.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.Keel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChannelsTest {
  private Keel app;
  private Channels channels;

  @BeforeEach
  void start() {
    app = Keel.create("--keel.server.port=0");
    Realtime rt = Realtime.create();
    app.install(rt);
    channels =
        rt.channels(
            "/socket",
            new ChannelPolicy() {
              @Override
              public boolean mayJoin(java.util.Optional<String> user, String topic) {
                return !topic.startsWith("admin:");
              }

              @Override
              public boolean mayPublish(java.util.Optional<String> user, String topic) {
                return !topic.equals("room:readonly");
              }
            });
    app.start();
  }

  @AfterEach
  void stop() {
    app.stop();
  }

  @Test
  void membersSeeEachOthersMessagesAndPresence() throws Exception {
    try (var ann = new ChannelClient(app.port(), "/socket");
        var bob = new ChannelClient(app.port(), "/socket")) {
      assertThat(
              ann.reply(ann.send("join", "room:1", "\"meta\":{\"name\":\"Ann\"}"))
                  .path("ok")
                  .asBoolean())
          .isTrue();
      ann.await("Ann's own join", ChannelClient.type("presence_join", "Ann"));
      String r = bob.send("join", "room:1", "\"meta\":{\"name\":\"Bob\"}");
      assertThat(bob.reply(r).path("ok").asBoolean()).isTrue();
      var state =
          bob.await("presence_state", n -> n.path("type").asString().equals("presence_state"));
      assertThat(state.path("members").get(0).path("meta").path("name").asString())
          .isEqualTo("Ann");
      ann.await("Bob joins", ChannelClient.type("presence_join", "Bob"));

      bob.send("publish", "room:1", "\"event\":\"chat\",\"payload\":{\"text\":\"hello\"}");
      var message = ann.await("Bob's message", n -> n.path("type").asString().equals("message"));
      assertThat(message.path("event").asString()).isEqualTo("chat");
      assertThat(message.path("payload").path("text").asString()).isEqualTo("hello");
      assertThat(channels.presence("room:1"))
          .extracting(m -> m.meta().get("name"))
          .containsExactlyInAnyOrder("Ann", "Bob");

      channels.broadcast("room:1", "notice", Map.of("text", "from the server"));
      var notice = bob.await("server notice", n -> n.path("event").asString().equals("notice"));
      assertThat(notice.path("payload").path("text").asString()).isEqualTo("from the server");

      bob.abort(); // gone without a close frame
      ann.await("Bob leaves", ChannelClient.type("presence_leave", "Bob"));
      assertThat(channels.presence("room:1"))
          .extracting(m -> m.meta().get("name"))
          .containsExactly("Ann");
    }
  }

  @Test
  void leavingStopsMessagesAndAnnouncesTheLeave() throws Exception {
    try (var ann = new ChannelClient(app.port(), "/socket");
        var bob = new ChannelClient(app.port(), "/socket")) {
      ann.reply(ann.send("join", "room:2", "\"meta\":{\"name\":\"Ann\"}"));
      bob.reply(bob.send("join", "room:2", "\"meta\":{\"name\":\"Bob\"}"));
      bob.reply(bob.send("leave", "room:2", ""));
      ann.await("Bob leaves", ChannelClient.type("presence_leave", "Bob"));
      assertThat(channels.presence("room:2")).hasSize(1);
    }
  }

  @Test
  void policyDecidesWhoJoinsAndWhoPublishes() throws Exception {
    try (var ann = new ChannelClient(app.port(), "/socket")) {
      var denied = ann.reply(ann.send("join", "admin:keys", ""));
      assertThat(denied.path("ok").asBoolean()).isFalse();
      assertThat(denied.path("error").asString()).isEqualTo("You may not join admin:keys.");
      var notJoined = ann.reply(ann.send("publish", "room:3", "\"event\":\"x\""));
      assertThat(notJoined.path("error").asString())
          .isEqualTo("Join room:3 before publishing to it.");
      ann.reply(ann.send("join", "room:readonly", ""));
      var readOnly = ann.reply(ann.send("publish", "room:readonly", "\"event\":\"x\""));
      assertThat(readOnly.path("error").asString())
          .isEqualTo("You may not publish to room:readonly.");
    }
  }

  @Test
  void servesTheJavaScriptClient() throws Exception {
    var response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(app.url() + "/keel/realtime.js")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type"))
        .hasValue("text/javascript; charset=utf-8");
    assertThat(response.body()).contains("KeelRealtime");
  }
}
