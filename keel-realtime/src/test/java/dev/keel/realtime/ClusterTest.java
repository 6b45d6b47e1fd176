package dev.keel.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.Keel;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Two instances on different ports, joined by the real Redis or NATS on this machine. */
class ClusterTest {
  private final String prefix = "keeltest-" + UUID.randomUUID().toString().substring(0, 8);
  private Keel one;
  private Keel two;

  private Keel instance(String bus) {
    Keel app =
        Keel.create(
            "--keel.server.port=0",
            "--keel.realtime.bus=" + bus,
            "--keel.realtime.prefix=" + prefix,
            "--keel.realtime.presence-interval=200ms");
    var realtime = Realtime.create();
    app.install(realtime);
    realtime.channels("/socket", ChannelPolicy.open());
    return app.start();
  }

  @AfterEach
  void stop() {
    if (one != null) one.stop();
    if (two != null) two.stop();
  }

  @ParameterizedTest
  @ValueSource(strings = {"redis", "nats"})
  void messagesAndPresenceCrossInstances(String bus) throws Exception {
    one = instance(bus);
    two = instance(bus);
    assertThat(one.port()).isNotEqualTo(two.port());
    try (var ann = new ChannelClient(one.port(), "/socket");
        var bob = new ChannelClient(two.port(), "/socket")) {
      ann.reply(ann.send("join", "room:x", "\"meta\":{\"name\":\"Ann\"}"));
      bob.reply(bob.send("join", "room:x", "\"meta\":{\"name\":\"Bob\"}"));
      ann.await("Bob (on the other instance) joins", ChannelClient.type("presence_join", "Bob"));
      // Ann joined first; Bob learns of her from the state or from her instance's gossip
      bob.await(
          "Ann in Bob's view",
          n ->
              (n.path("type").asString().equals("presence_join")
                      && n.path("member").path("meta").path("name").asString().equals("Ann"))
                  || (n.path("type").asString().equals("presence_state")
                      && n.path("members").toString().contains("\"Ann\"")));

      bob.send("publish", "room:x", "\"event\":\"chat\",\"payload\":{\"text\":\"hi from two\"}");
      var m = ann.await("Bob's message", n -> n.path("type").asString().equals("message"));
      assertThat(m.path("payload").path("text").asString()).isEqualTo("hi from two");

      bob.abort();
      ann.await("Bob leaves", ChannelClient.type("presence_leave", "Bob"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"redis", "nats"})
  void membersOfAnInstanceThatDiesLeave(String bus) throws Exception {
    one = instance(bus);
    two = instance(bus);
    try (var ann = new ChannelClient(one.port(), "/socket");
        var bob = new ChannelClient(two.port(), "/socket")) {
      ann.reply(ann.send("join", "room:y", "\"meta\":{\"name\":\"Ann\"}"));
      bob.reply(bob.send("join", "room:y", "\"meta\":{\"name\":\"Bob\"}"));
      ann.await("Bob joins", ChannelClient.type("presence_join", "Bob"));
      two.stop(); // the instance goes; whether its leaves get out or not, the heartbeat ends
      two = null;
      ann.await("Bob leaves", ChannelClient.type("presence_leave", "Bob"));
    }
  }
}
