package dev.keel.benchmarks.realtime;

import dev.keel.core.Keel;
import dev.keel.realtime.ChannelPolicy;
import dev.keel.realtime.Realtime;
import dev.keel.realtime.WebSocketHandler;

/** The server under test: channels at /socket and a silent WebSocket at /idle. */
public final class BenchServer {
  private BenchServer() {}

  public static void main(String[] args) {
    Keel app = Keel.create(args);
    Realtime realtime = Realtime.create();
    app.install(realtime);
    realtime.channels("/socket", ChannelPolicy.open());
    realtime.ws("/idle", new WebSocketHandler() {});
    app.start();
    System.out.println("READY " + app.port());
  }
}
