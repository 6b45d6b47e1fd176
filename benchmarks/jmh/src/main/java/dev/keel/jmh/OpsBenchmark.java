package dev.keel.jmh;

import dev.keel.core.Config;
import dev.keel.core.Handler;
import dev.keel.core.Keel;
import dev.keel.core.internal.KeelAccess;
import dev.keel.core.internal.http.Response;
import dev.keel.ops.Ops;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What keel-ops adds to one {@code GET /json} through the in-process pipeline (as {@link
 * PipelineBenchmark}): {@code none} without keel-ops; {@code metrics} with request ids and the HTTP
 * timer; {@code tracing} with a server span too (no exporter). The access log is off in all.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class OpsBenchmark {
  private static final InetSocketAddress REMOTE = new InetSocketAddress("127.0.0.1", 50_000);

  @Param({"none", "requestId", "metrics", "tracing"})
  public String ops;

  private Keel app;

  @Setup
  public void setUp() {
    Map<String, String> settings = new HashMap<>(Map.of("keel.server.port", "0"));
    if (!ops.equals("none")) {
      settings.put("keel.ops.access-log", "false");
      settings.put("keel.ops.metrics.virtual-threads", "false");
      settings.put("keel.ops.tracing.enabled", Boolean.toString(ops.equals("tracing")));
      settings.put("keel.ops.metrics.enabled", Boolean.toString(!ops.equals("requestId")));
    }
    app = Keel.create(Config.builder().defaults(settings).build());
    if (!ops.equals("none")) app.install(Ops.create());
    app.get("/json", Handler.nonBlocking(ctx -> new JsonBenchmark.Message("Hello, World!")));
    Response r = send();
    if (r.status() != 200) throw new IllegalStateException("GET /json answered " + r.status());
    r.body().release();
  }

  @TearDown
  public void tearDown() {
    app.stop();
  }

  private Response send() {
    FullHttpRequest request =
        new DefaultFullHttpRequest(
            HttpVersion.HTTP_1_1, HttpMethod.GET, "/json", Unpooled.EMPTY_BUFFER);
    request.headers().set(HttpHeaderNames.HOST, "localhost");
    return KeelAccess.bridge().handle(app, request, REMOTE);
  }

  @Benchmark
  public void json(Blackhole bh) {
    Response response = send();
    bh.consume(response.status());
    bh.consume(response.headers());
    response.body().release();
  }
}
