package dev.keel.ai;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local model endpoint for tests: answers each request to {@code /v1/chat/completions} or {@code
 * /v1/messages} with the next queued transcript from {@code src/test/resources/transcripts/} (see
 * the README there for the format), and records what it received. Streams are written event by
 * event with the transcript's delay, so a client that goes away is noticed as a failed write.
 */
final class TranscriptServer implements AutoCloseable {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** A request as received: its headers (lower-case names) and JSON body. */
  record Received(String path, Map<String, String> headers, JsonNode body) {}

  private final HttpServer server;
  private final ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final List<Long> receivedAt = new CopyOnWriteArrayList<>();
  private final CountDownLatch cancelled = new CountDownLatch(1);
  private volatile int eventsWrittenBeforeCancel = -1;

  TranscriptServer() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Queues transcripts ({@code openai/chat-hello}) to answer the next requests with, in order. */
  TranscriptServer then(String... names) {
    queue.addAll(List.of(names));
    return this;
  }

  List<Received> received() {
    return received;
  }

  /** Milliseconds between the first request and request {@code i}. */
  long millisUntil(int i) {
    return (receivedAt.get(i) - receivedAt.get(0)) / 1_000_000;
  }

  /** Whether a client went away in the middle of a stream within {@code timeout}. */
  boolean awaitCancelled(Duration timeout) throws InterruptedException {
    return cancelled.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  int eventsWrittenBeforeCancel() {
    return eventsWrittenBeforeCancel;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      Map<String, String> headers = new LinkedHashMap<>();
      exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.getFirst()));
      receivedAt.add(System.nanoTime());
      received.add(
          new Received(
              exchange.getRequestURI().getPath(),
              headers,
              JSON.readTree(body.length == 0 ? new byte[] {'{', '}'} : body)));
      String name = queue.poll();
      if (name == null) {
        reply(exchange, 500, "text/plain", "no transcript queued for this request");
        return;
      }
      Transcript t = Transcript.load(name);
      sleep(t.holdMillis); // a model that takes long before its first byte
      t.headers.forEach(
          (k, v) -> exchange.getResponseHeaders().add(k, v.replace("{now+1s}", httpDate(1))));
      if (t.status / 100 == 2 && t.contentType().startsWith("text/event-stream")) {
        stream(exchange, t);
      } else {
        reply(exchange, t.status, t.contentType(), t.body);
      }
    }
  }

  private void stream(HttpExchange exchange, Transcript t) throws IOException {
    exchange.sendResponseHeaders(t.status, 0);
    OutputStream out = exchange.getResponseBody();
    int written = 0;
    try {
      for (String event : t.events()) {
        if (t.stallAfter == written) sleep(t.stallMillis);
        out.write((event + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        written++;
        sleep(t.delayMillis);
      }
    } catch (IOException e) {
      eventsWrittenBeforeCancel = written;
      cancelled.countDown();
    }
  }

  private static void reply(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) exchange.getResponseBody().write(bytes);
  }

  private static void sleep(long millis) {
    if (millis <= 0) return;
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String httpDate(int secondsFromNow) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(
        ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(secondsFromNow));
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /**
   * One transcript file: {@code #} comments, {@code name: value} headers, {@code ---}, the body.
   */
  private record Transcript(
      int status,
      Map<String, String> headers,
      long holdMillis,
      long delayMillis,
      int stallAfter,
      long stallMillis,
      String body) {
    static Transcript load(String name) throws IOException {
      String path = "/transcripts/" + name + ".txt";
      try (InputStream in = TranscriptServer.class.getResourceAsStream(path)) {
        if (in == null) throw new IllegalArgumentException("no transcript " + path);
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        int split = text.indexOf("\n---\n");
        Map<String, String> headers = new LinkedHashMap<>();
        int status = 200;
        long delay = 0;
        long hold = 0;
        int stallAfter = -1;
        long stall = 0;
        for (String line : text.substring(0, split).split("\n")) {
          if (line.isBlank() || line.startsWith("#")) continue;
          String key = line.substring(0, line.indexOf(':')).trim().toLowerCase();
          String value = line.substring(line.indexOf(':') + 1).trim();
          switch (key) {
            case "status" -> status = Integer.parseInt(value);
            case "delay-ms" -> delay = Long.parseLong(value);
            case "hold-ms" -> hold = Long.parseLong(value);
            case "stall-after-events" -> stallAfter = Integer.parseInt(value);
            case "stall-ms" -> stall = Long.parseLong(value);
            default -> headers.put(key, value);
          }
        }
        String body = text.substring(split + 5);
        return new Transcript(status, headers, hold, delay, stallAfter, stall, body);
      }
    }

    String contentType() {
      return headers.getOrDefault("content-type", "application/json");
    }

    /** The stream's events: blocks separated by a blank line. */
    List<String> events() {
      List<String> events = new ArrayList<>();
      for (String e : body.strip().split("\n\n")) if (!e.isBlank()) events.add(e);
      return events;
    }
  }
}
