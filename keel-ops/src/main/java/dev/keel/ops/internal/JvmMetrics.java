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
import io.micrometer.java21.instrument.binder.jdk.VirtualThreadMetrics;
import java.util.function.Consumer;

/**
 * Micrometer's JVM and process binders: memory pools, GC pauses, platform threads, class loading,
 * CPU, uptime, file descriptors, and (Micrometer's Java 21 binder, through JFR) virtual threads
 * pinned and virtual-thread submissions that failed.
 */
public final class JvmMetrics {
  private JvmMetrics() {}

  /**
   * @param onStop where binders that hold resources (GC listeners, a JFR stream) are closed
   */
  public static void bind(
      MeterRegistry registry, boolean virtualThreads, Consumer<AutoCloseable> onStop) {
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
    if (virtualThreads) {
      var vt = new VirtualThreadMetrics();
      vt.bindTo(registry);
      onStop.accept(vt);
    }
  }
}
