package dev.keel.realtime;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A channel-protocol client over java.net.http's WebSocket, for tests. */
final class ChannelClient implements WebSocket.Listener, AutoCloseable {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
  private final List<JsonNode> seen = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();
  private final WebSocket ws;
  private int ref;

  ChannelClient(int port, String path) {
    ws =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(URI.create("ws://127.0.0.1:" + port + path), this)
            .join();
  }

  @Override
  public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
    text.append(data);
    if (last) {
      received.add(JSON.readTree(text.toString()));
      text.setLength(0);
    }
    w.request(1);
    return null;
  }

  String send(String type, String topic, String extra) {
    String r = Integer.toString(++ref);
    ws.sendText(
            "{\"ref\":\""
                + r
                + "\",\"type\":\""
                + type
                + "\",\"topic\":\""
                + topic
                + "\""
                + (extra.isEmpty() ? "" : "," + extra)
                + "}",
            true)
        .join();
    return r;
  }

  /** Waits for the first message (old or new) that matches, within 10 s; fails otherwise. */
  JsonNode await(String what, Predicate<JsonNode> match) throws InterruptedException {
    for (JsonNode n : seen) {
      if (match.test(n)) {
        seen.remove(n);
        return n;
      }
    }
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < end) {
      JsonNode n = received.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (n == null) break;
      if (match.test(n)) return n;
      seen.add(n);
    }
    throw new AssertionError("no " + what + " within 10 s; got " + seen);
  }

  JsonNode reply(String ref) throws InterruptedException {
    return await(
        "reply " + ref,
        n -> n.path("type").asString().equals("reply") && n.path("ref").asString().equals(ref));
  }

  static Predicate<JsonNode> type(String type, String nameInMeta) {
    return n ->
        n.path("type").asString().equals(type)
            && n.path("member").path("meta").path("name").asString().equals(nameInMeta);
  }

  /** Drops the TCP connection without a close frame. */
  void abort() {
    ws.abort();
  }

  @Override
  public void close() {
    ws.abort();
  }
}
