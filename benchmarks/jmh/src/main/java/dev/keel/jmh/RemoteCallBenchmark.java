package dev.keel.jmh;

import dev.keel.core.Keel;
import dev.keel.jmh.components.Pricing;
import dev.keel.services.Components;
import dev.keel.services.Deployment;
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

/**
 * The cost of a remote call: one component call, one caller thread, in the single layout ({@code
 * single}) and in a split layout whose other process is a Keel server on the same machine (here, in
 * the same JVM: the call still goes through the JDK HTTP client, loopback TCP, Keel's server and
 * JSON both ways), over HTTP/1.1 ({@code http1}) and h2c ({@code h2c}). Sample mode, so JMH reports
 * the p50 and p99 of single calls.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class RemoteCallBenchmark {
  @Param({"single", "http1", "h2c"})
  public String layout;

  private Keel host;
  private Pricing pricing;

  @Setup
  public void setUp() {
    if (layout.equals("single")) {
      pricing =
          Components.builder()
              .deployment(Deployment.parse("", "benchmark"))
              .build()
              .get(Pricing.class);
    } else {
      host = Keel.create("--keel.server.port=0");
      host.install(components("http://127.0.0.1:1", "pricing", false)).start();
      pricing = components(host.url(), "app", layout.equals("h2c")).get(Pricing.class);
    }
    if (pricing.quote("a", 2).cents() != 3998) throw new IllegalStateException("wrong answer");
  }

  private static Components components(String pricingUrl, String process, boolean h2c) {
    var deployment =
        Deployment.parse(
            """
            layout.split.app.components =
            layout.split.app.url = http://127.0.0.1:1
            layout.split.pricing.components = Pricing
            layout.split.pricing.url = %s
            """
                .formatted(pricingUrl),
            "benchmark");
    return Components.builder()
        .deployment(deployment)
        .layout("split")
        .process(process)
        .http2(h2c)
        .build();
  }

  @TearDown
  public void tearDown() {
    if (host != null) host.stop();
  }

  @Benchmark
  public Pricing.Quote call() {
    return pricing.quote("SKU-1", 3);
  }
}
