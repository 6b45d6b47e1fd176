package dev.keel.ops.internal;

import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The OpenTelemetry SDK, configured by the standard {@code OTEL_*} environment variables and {@code
 * otel.*} system properties (OpenTelemetry's autoconfigure). Export is off unless asked for: traces
 * go out over OTLP only when {@code OTEL_TRACES_EXPORTER} or an OTLP endpoint ({@code
 * OTEL_EXPORTER_OTLP_ENDPOINT}, {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}) is set; metrics and
 * logs are never exported through OpenTelemetry by default (Prometheus serves metrics). OTLP uses
 * {@code http/protobuf} over the JDK's HttpClient unless {@code OTEL_EXPORTER_OTLP_PROTOCOL} says
 * otherwise.
 */
public final class Telemetry {
  private Telemetry() {}

  /**
   * @param overrides properties that win over every source, for tests; usually empty
   */
  public static OpenTelemetrySdk fromEnvironment(Map<String, String> overrides) {
    if (overrides.isEmpty()
        && !configured(System.getenv(), System.getProperties())
        && noExtensions(Telemetry.class.getClassLoader())) {
      return unconfigured();
    }
    return AutoConfiguredOpenTelemetrySdk.builder()
        .addPropertiesSupplier(
            () ->
                Map.of(
                    "otel.metrics.exporter", "none",
                    "otel.logs.exporter", "none",
                    "otel.exporter.otlp.protocol", "http/protobuf"))
        .addPropertiesCustomizer(config -> exportOnlyWhenConfigured(config, overrides))
        .disableShutdownHook()
        .build()
        .getOpenTelemetrySdk();
  }

  /**
   * What autoconfigure builds when nothing is configured, without its start-up cost (its SPI
   * look-ups, property parsing and exporter factories, ~140 classes): spans are recorded and
   * sampled (parent-based, always on) and exported nowhere; W3C trace context and baggage are
   * propagated; the resource is the SDK's default ({@code service.name} {@code
   * unknown_service:java}). Metrics and logs stay with the no-op providers, as nothing reads them.
   */
  static OpenTelemetrySdk unconfigured() {
    return OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder().setResource(Resource.getDefault()).build())
        .setPropagators(
            ContextPropagators.create(
                TextMapPropagator.composite(
                    W3CTraceContextPropagator.getInstance(), W3CBaggagePropagator.getInstance())))
        .build();
  }

  /** Whether any {@code OTEL_*} variable or {@code otel.*} system property is set. */
  static boolean configured(Map<String, String> env, Map<Object, Object> properties) {
    for (String key : env.keySet()) {
      if (key.toUpperCase(Locale.ROOT).startsWith("OTEL_")) return true;
    }
    for (Object key : properties.keySet()) {
      if (key instanceof String k && k.toLowerCase(Locale.ROOT).startsWith("otel.")) return true;
    }
    return false;
  }

  /**
   * Whether the class path adds nothing autoconfigure would apply without being configured: no
   * customizer and no resource provider other than its own {@code EnvironmentResourceProvider}
   * (which reads only {@code OTEL_*} settings). Exporter, propagator and sampler providers are used
   * only when a setting names them.
   */
  static boolean noExtensions(ClassLoader loader) {
    String spi = "META-INF/services/io.opentelemetry.sdk.autoconfigure.spi.";
    try {
      if (loader.getResources(spi + "AutoConfigurationCustomizerProvider").hasMoreElements()) {
        return false;
      }
      for (URL url : Collections.list(loader.getResources(spi + "ResourceProvider"))) {
        try (InputStream in = url.openStream()) {
          String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          for (String line : text.split("\\R")) {
            String provider = line.replaceFirst("#.*", "").strip();
            if (!provider.isEmpty()
                && !provider.equals(
                    "io.opentelemetry.sdk.autoconfigure.EnvironmentResourceProvider")) {
              return false;
            }
          }
        }
      }
      return true;
    } catch (IOException e) {
      return false; // autoconfigure will look, and say what is wrong
    }
  }

  private static Map<String, String> exportOnlyWhenConfigured(
      ConfigProperties config, Map<String, String> overrides) {
    var out = new HashMap<String, String>();
    boolean endpoint =
        value(config, overrides, "otel.exporter.otlp.endpoint") != null
            || value(config, overrides, "otel.exporter.otlp.traces.endpoint") != null;
    if (value(config, overrides, "otel.traces.exporter") == null && !endpoint) {
      out.put("otel.traces.exporter", "none");
    }
    out.putAll(overrides);
    return out;
  }

  private static String value(ConfigProperties config, Map<String, String> overrides, String key) {
    String v = overrides.get(key);
    return v != null ? v : config.getString(key);
  }
}
