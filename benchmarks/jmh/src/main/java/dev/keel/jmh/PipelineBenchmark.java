package dev.keel.jmh;

import dev.keel.core.Handler;
import dev.keel.core.Keel;
import dev.keel.core.internal.KeelAccess;
import dev.keel.core.internal.http.Response;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One request through a whole Keel application without a socket - body limits, routing, middleware,
 * handler, result encoding, default headers - the way {@code TestClient.inProcess} sends it. Not
 * measured: HTTP parsing and writing, the event loop and the hop to a virtual thread (the handler
 * runs on the calling thread here). Each operation builds the Netty request, as the decoder does on
 * the wire, and releases the response body.
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
  private static final InetSocketAddress REMOTE = new InetSocketAddress("127.0.0.1", 50_000);

  private Keel app;

  @Setup
  public void setUp() {
    app =
        Keel.create("--keel.server.port=0")
            // non-blocking, as in examples/techempower: the pipeline is measured, not the hop to
            // a virtual thread (which blocking routes take in-process too)
            .get("/plaintext", Handler.nonBlocking(ctx -> "Hello, World!"))
            .get("/json", Handler.nonBlocking(ctx -> new JsonBenchmark.Message("Hello, World!")));
    for (String[] route : RouterBenchmark.ROUTES) {
      if (!route[1].equals("/plaintext") && !route[1].equals("/json")) {
        app.route(route[0], route[1], ctx -> route[0] + " " + route[1]);
      }
    }
    expect("/plaintext", "text/plain; charset=UTF-8", "Hello, World!");
    expect("/json", "application/json", "{\"message\":\"Hello, World!\"}");
  }

  @TearDown
  public void tearDown() {
    app.stop();
  }

  private void expect(String uri, String contentType, String body) {
    Response response = send(uri);
    String actual = response.body().toString(StandardCharsets.UTF_8);
    String type = response.headers().get(HttpHeaderNames.CONTENT_TYPE);
    response.body().release();
    if (response.status() != 200 || !contentType.equals(type) || !body.equals(actual)) {
      throw new IllegalStateException(
          "GET " + uri + " answered " + response.status() + " " + type + " " + actual);
    }
  }

  private Response send(String uri) {
    FullHttpRequest request =
        new DefaultFullHttpRequest(
            HttpVersion.HTTP_1_1, HttpMethod.GET, uri, Unpooled.EMPTY_BUFFER);
    request.headers().set(HttpHeaderNames.HOST, "localhost");
    return KeelAccess.bridge().handle(app, request, REMOTE);
  }

  private static void consume(Response response, Blackhole bh) {
    bh.consume(response.status());
    bh.consume(response.headers());
    bh.consume(response.body().readableBytes());
    response.body().release();
  }

  /** {@code GET /plaintext} returning a {@code String}. */
  @Benchmark
  public void plaintext(Blackhole bh) {
    consume(send("/plaintext"), bh);
  }

  /** {@code GET /json} returning a one-field record. */
  @Benchmark
  public void json(Blackhole bh) {
    consume(send("/json"), bh);
  }
}
