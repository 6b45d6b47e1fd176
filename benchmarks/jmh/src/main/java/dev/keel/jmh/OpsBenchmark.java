package dev.keel.jmh;

import dev.keel.core.Config;
import dev.keel.core.Handler;
import dev.keel.core.Keel;
import dev.keel.core.spi.LocalConnection;
import dev.keel.core.spi.LocalConnection.Reply;
import dev.keel.core.spi.LocalConnection.Request;
import dev.keel.ops.Ops;
import java.util.HashMap;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What keel-ops adds to one {@code GET /json} over an in-memory connection (as {@link
 * PipelineBenchmark}, in pipelined batches): {@code none} without keel-ops; {@code requestId} with
 * request ids only; {@code metrics} with the HTTP timer too; {@code tracing} with a server span too
 * (no exporter). The access log is off in all.
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
  @Param({"none", "requestId", "metrics", "tracing"})
  public String ops;

  private Keel app;
  private LocalConnection connection;
  private List<Request> batch;

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
    connection = app.connectLocally();
    batch = PipelineBenchmark.batch("/json");
    for (Reply r : connection.sendAll(batch)) {
      if (r.status() != 200) throw new IllegalStateException("GET /json answered " + r.status());
    }
  }

  @TearDown
  public void tearDown() {
    connection.close();
    app.stop();
  }

  @Benchmark
  @OperationsPerInvocation(PipelineBenchmark.BATCH)
  public void json(Blackhole bh) {
    bh.consume(connection.sendAll(batch));
  }
}
