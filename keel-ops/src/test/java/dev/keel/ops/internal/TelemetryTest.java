package dev.keel.ops.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class TelemetryTest {
  private static final TextMapSetter<Map<String, String>> SETTER = Map::put;

  @Test
  void withoutAnyOtelSettingTheSdkIsBuiltWithoutAutoconfigureAndStillTraces() {
    assertThat(Telemetry.configured(Map.of("PATH", "/bin"), new Properties())).isFalse();
    assertThat(Telemetry.noExtensions(Telemetry.class.getClassLoader())).isTrue();
    try (OpenTelemetrySdk sdk = Telemetry.unconfigured()) {
      assertSpansAndPropagation(sdk);
    }
  }

  @Test
  void anyOtelVariableOrPropertyGoesThroughAutoconfigure() {
    assertThat(Telemetry.configured(Map.of("OTEL_SERVICE_NAME", "x"), new Properties())).isTrue();
    var properties = new Properties();
    properties.setProperty("otel.traces.sampler", "always_off");
    assertThat(Telemetry.configured(Map.of(), properties)).isTrue();
  }

  @Test
  void theFastPathMatchesAutoconfigureWithNothingConfigured() {
    // the "none" exporter is what autoconfigure picks here too; both must trace alike
    try (OpenTelemetrySdk auto = Telemetry.fromEnvironment(Map.of("otel.traces.exporter", "none"));
        OpenTelemetrySdk fast = Telemetry.unconfigured()) {
      assertSpansAndPropagation(auto);
      assertThat(fast.getPropagators().getTextMapPropagator().fields())
          .containsExactlyInAnyOrderElementsOf(
              auto.getPropagators().getTextMapPropagator().fields());
      assertThat(resource(fast)).isEqualTo(resource(auto));
    }
  }

  private static void assertSpansAndPropagation(OpenTelemetrySdk sdk) {
    Span span = sdk.getTracer("test").spanBuilder("op").startSpan();
    try {
      assertThat(span.isRecording()).isTrue();
      assertThat(span.getSpanContext().isSampled()).isTrue();
      var headers = new HashMap<String, String>();
      sdk.getPropagators()
          .getTextMapPropagator()
          .inject(Context.root().with(span), headers, SETTER);
      assertThat(headers.get("traceparent")).contains(span.getSpanContext().getTraceId());
    } finally {
      span.end();
    }
  }

  private static String resource(OpenTelemetrySdk sdk) {
    Span span = sdk.getTracer("test").spanBuilder("op").startSpan();
    span.end();
    return ((io.opentelemetry.sdk.trace.ReadableSpan) span).toSpanData().getResource().toString();
  }
}
