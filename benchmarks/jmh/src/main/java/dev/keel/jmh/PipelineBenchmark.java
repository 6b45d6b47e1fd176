package dev.keel.jmh;

import dev.keel.core.Handler;
import dev.keel.core.Keel;
import dev.keel.core.spi.LocalConnection;
import dev.keel.core.spi.LocalConnection.Reply;
import dev.keel.core.spi.LocalConnection.Request;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One request through a whole Keel application over an in-memory connection ({@link
 * Keel#connectLocally()}, what {@code TestClient.inProcess} uses): HTTP parsing, validation,
 * routing, middleware, handler, encoding and writing — the server's whole per-request path, minus
 * the socket — plus the client's encoding and decoding on the same event loop. Requests go {@value
 * #BATCH} at a time, pipelined, so the hand-off between the benchmark thread and the event loop is
 * paid once per batch; the figure is per request.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class PipelineBenchmark {
  static final int BATCH = 64; // keel.server.max-pipelined's default

  private Keel app;
  private LocalConnection connection;
  private List<Request> plaintext;
  private List<Request> json;

  @Setup
  public void setUp() {
    app =
        Keel.create("--keel.server.port=0")
            // non-blocking, as in examples/techempower: the path is measured, not the hop to a
            // virtual thread
            .get("/plaintext", Handler.nonBlocking(ctx -> "Hello, World!"))
            .get("/json", Handler.nonBlocking(ctx -> new JsonBenchmark.Message("Hello, World!")));
    for (String[] route : RouterBenchmark.ROUTES) {
      if (!route[1].equals("/plaintext") && !route[1].equals("/json")) {
        app.route(route[0], route[1], ctx -> route[0] + " " + route[1]);
      }
    }
    connection = app.connectLocally();
    plaintext = batch("/plaintext");
    json = batch("/json");
    expect(plaintext, "text/plain; charset=UTF-8", "Hello, World!");
    expect(json, "application/json", "{\"message\":\"Hello, World!\"}");
  }

  static List<Request> batch(String target) {
    return Collections.nCopies(BATCH, new Request("GET", target, Map.of(), new byte[0]));
  }

  @TearDown
  public void tearDown() {
    connection.close();
    app.stop();
  }

  private void expect(List<Request> batch, String contentType, String body) {
    for (Reply reply : connection.sendAll(batch)) {
      String actual = new String(reply.body(), StandardCharsets.UTF_8);
      String type = reply.headers().getOrDefault("content-type", List.of("")).getFirst();
      if (reply.status() != 200 || !contentType.equals(type) || !body.equals(actual)) {
        throw new IllegalStateException("answered " + reply.status() + " " + type + " " + actual);
      }
    }
  }

  /** {@code GET /plaintext} returning a {@code String}. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void plaintext(Blackhole bh) {
    bh.consume(connection.sendAll(plaintext));
  }

  /** {@code GET /json} returning a one-field record. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void json(Blackhole bh) {
    bh.consume(connection.sendAll(json));
  }
}
