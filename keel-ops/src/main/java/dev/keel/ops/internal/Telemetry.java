package dev.keel.ops.internal;

import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import java.util.HashMap;
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
