package dev.keel.jmh;

import dev.keel.jmh.components.Pricing;
import dev.keel.jmh.components.PricingImpl;
import dev.keel.services.Components;
import dev.keel.services.Deployment;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The single layout's promise: a component call through the generated local stub costs what a
 * direct call to the implementation costs. Both answer a new record, so neither is folded away.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class ComponentCallBenchmark {
  private Pricing direct;
  private Pricing stub;
  private String sku = "SKU-1";
  private int quantity = 3;

  @Setup
  public void setUp() {
    direct = new PricingImpl();
    stub =
        Components.builder()
            .deployment(Deployment.parse("", "benchmark"))
            .build()
            .get(Pricing.class);
    if (stub instanceof PricingImpl || stub.quote("a", 2).cents() != 3998) {
      throw new IllegalStateException("not the local stub: " + stub.getClass());
    }
  }

  @Benchmark
  public Pricing.Quote directCall() {
    return direct.quote(sku, quantity);
  }

  @Benchmark
  public Pricing.Quote localStub() {
    return stub.quote(sku, quantity);
  }
}
