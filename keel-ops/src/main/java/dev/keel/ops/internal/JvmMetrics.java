package dev.keel.ops.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import java.util.function.Consumer;

/**
 * Micrometer's JVM and process binders: memory pools, GC pauses, platform threads, class loading,
 * CPU, uptime, file descriptors. The virtual-thread metrics (through JFR) are {@link
 * VirtualThreadJfr}'s, started after start-up.
 */
public final class JvmMetrics {
  private JvmMetrics() {}

  /**
   * @param onStop where binders that hold resources (GC listeners) are closed
   */
  public static void bind(MeterRegistry registry, Consumer<AutoCloseable> onStop) {
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new JvmInfoMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
    var gc = new JvmGcMetrics();
    gc.bindTo(registry);
    onStop.accept(gc);
  }
}
