package dev.keel.jobs.internal;

import dev.keel.core.Keel;
import dev.keel.jobs.QueueInfo;
import dev.keel.ops.Ops;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * keel-ops' metrics and traces for jobs, when the application installs keel-ops (only this class
 * touches its types, so keel-jobs runs without it): runs, failures and durations by type, the
 * enqueue-to-start delay, queue depth and the oldest due job's age; and a span per run, child of
 * the span that enqueued the job.
 */
public final class OpsBridge {
  private final MeterRegistry registry;
  private final Tracer tracer;
  private final MultiGauge depth;
  private final MultiGauge oldest;

  private OpsBridge(Ops ops) {
    this.registry = ops.meterRegistry();
    this.tracer = ops.openTelemetry().getTracer("dev.keel.jobs");
    this.depth =
        MultiGauge.builder("keel.jobs.queue.depth")
            .description("jobs ready to run or scheduled, by queue")
            .register(registry);
    this.oldest =
        MultiGauge.builder("keel.jobs.queue.oldest")
            .description("how long the oldest due job has waited, by queue")
            .baseUnit("seconds")
            .register(registry);
  }

  /** The bridge when keel-ops is installed; call only with keel-ops on the class path. */
  public static Optional<OpsBridge> of(Keel app) {
    return app.plugin(Ops.class).map(OpsBridge::new);
  }

  /** The W3C {@code traceparent} of the current span, if any: stored with the job. */
  public static String traceparent() {
    SpanContext c = Span.current().getSpanContext();
    if (!c.isValid()) return null;
    return "00-" + c.getTraceId() + "-" + c.getSpanId() + "-" + c.getTraceFlags().asHex();
  }

  /** Runs {@code body} in a span named after the job, child of {@code traceparent}. */
  public void traced(Claimed job, Worker.Runner body) throws Exception {
    Context parent = Context.root();
    if (job.trace() != null && job.trace().length() == 55) {
      String[] p = job.trace().split("-");
      parent =
          Context.root()
              .with(
                  Span.wrap(
                      SpanContext.createFromRemoteParent(
                          p[1], p[2], TraceFlags.fromHex(p[3], 0), TraceState.getDefault())));
    }
    String type = job.type().substring(job.type().lastIndexOf('.') + 1);
    Span span =
        tracer
            .spanBuilder("job " + type)
            .setParent(parent)
            .setSpanKind(SpanKind.CONSUMER)
            .setAttribute("job.id", job.id())
            .setAttribute("job.queue", job.queue())
            .setAttribute("job.attempt", job.attempt())
            .startSpan();
    Scope scope = span.makeCurrent();
    try {
      body.run(job);
    } catch (Exception | Error e) {
      span.recordException(e);
      span.setStatus(StatusCode.ERROR);
      throw e;
    } finally {
      scope.close();
      span.end();
    }
  }

  /** Counts a run and records its durations. */
  public void ran(String type, String queue, String outcome, Duration delay, Duration runTime) {
    Counter.builder("keel.jobs.runs")
        .description("job runs by type and outcome")
        .tags("type", type, "queue", queue, "outcome", outcome)
        .register(registry)
        .increment();
    Timer.builder("keel.jobs.duration")
        .description("how long a run took")
        .tags("type", type, "outcome", outcome)
        .register(registry)
        .record(runTime);
    Timer.builder("keel.jobs.start.delay")
        .description("from enqueue (or the time it was due) to the start of the run")
        .tags("queue", queue)
        .publishPercentiles(0.5, 0.99)
        .register(registry)
        .record(delay);
  }

  /** Publishes the queues' state (refreshed by the worker every few seconds). */
  public void queues(List<QueueInfo> queues) {
    depth.register(
        queues.stream().map(q -> MultiGauge.Row.of(Tags.of("queue", q.name()), q.ready())).toList(),
        true);
    oldest.register(
        queues.stream()
            .map(
                q ->
                    MultiGauge.Row.of(
                        Tags.of("queue", q.name()), q.oldestReady().toMillis() / 1000.0))
            .toList(),
        true);
  }
}
