package dev.keel.core.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.Config;
import dev.keel.core.Handler;
import dev.keel.core.Keel;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A burst of new connections is accepted at once even while the event loop is busy serving (issue
 * 18, ADR 0033). Netty 4.2 accepted one connection per event-loop turn on a loop that also served
 * requests, so with 40 ms turns 60 new connections waited about 2.4 s for their first byte.
 */
class AcceptBurstTest {
  private static final int TURN_MILLIS = 40;
  private static final int CONNECTIONS = 60;
  private static Keel app;

  @BeforeAll
  static void start() {
    app =
        Keel.create(
                Config.builder().args("--keel.server.port=0", "--keel.server.io-threads=1").build())
            .get(
                "/busy",
                Handler.nonBlocking(
                    ctx -> {
                      Thread.sleep(TURN_MILLIS); // stands for a turn full of pipelined requests
                      return "busy";
                    }))
            .get("/fast", Handler.nonBlocking(ctx -> "fast"));
    app.start();
  }

  @AfterAll
  static void stop() {
    app.stop();
  }

  @Test
  void newConnectionsAreAnsweredWithinAFewTurnsOfABusyLoop() throws Exception {
    var stop = new AtomicBoolean();
    Thread busy =
        Thread.ofPlatform()
            .start(
                () -> {
                  try (var c = new RawClient(app.port())) {
                    while (!stop.get()) {
                      c.send("GET /busy HTTP/1.1\r\nHost: a\r\n\r\n").readResponses(1);
                    }
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                });
    Thread.sleep(3 * TURN_MILLIS); // the loop is now busy turn after turn
    var clients = new ArrayList<RawClient>();
    try {
      long start = System.nanoTime();
      for (int i = 0; i < CONNECTIONS; i++) {
        clients.add(new RawClient(app.port()).send("GET /fast HTTP/1.1\r\nHost: a\r\n\r\n"));
      }
      for (RawClient c : clients) assertThat(c.readResponses(1)).endsWith("fast");
      long millis = (System.nanoTime() - start) / 1_000_000;
      // one accept per turn would take CONNECTIONS x TURN_MILLIS = 2.4 s
      assertThat(millis).isLessThan(CONNECTIONS * TURN_MILLIS / 2);
    } finally {
      stop.set(true);
      busy.join();
      for (RawClient c : clients) c.close();
    }
  }
}
