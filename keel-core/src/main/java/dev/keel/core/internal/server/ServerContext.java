package dev.keel.core.internal.server;

import dev.keel.core.internal.http.Pipeline;
import dev.keel.core.internal.json.JsonCodec;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What every connection of one server shares: settings, pipeline, executor, in-flight count. */
final class ServerContext {
  private static final Logger log = LoggerFactory.getLogger(ServerContext.class);

  private final ServerSettings settings;
  private final Pipeline pipeline;
  private final JsonCodec json;
  private final ExecutorService executor;
  private final RequestChecks checks;
  private final LongAdder inFlight = new LongAdder(); // event loops add without contending
  private final DateHeader date = new DateHeader();
  private volatile boolean draining;

  ServerContext(
      ServerSettings settings, Pipeline pipeline, JsonCodec json, ExecutorService executor) {
    this.settings = settings;
    this.pipeline = pipeline;
    this.json = json;
    this.executor = executor;
    this.checks = new RequestChecks(settings);
  }

  RequestChecks checks() {
    return checks;
  }

  ServerSettings settings() {
    return settings;
  }

  Pipeline pipeline() {
    return pipeline;
  }

  JsonCodec json() {
    return json;
  }

  ExecutorService executor() {
    return executor;
  }

  CharSequence date() {
    return date.value();
  }

  void requestStarted() {
    inFlight.increment();
  }

  void requestFinished() {
    inFlight.decrement();
  }

  int inFlight() {
    return inFlight.intValue();
  }

  boolean draining() {
    return draining;
  }

  void startDraining() {
    draining = true;
  }

  void logConnectionError(Throwable cause) {
    if (cause instanceof IOException) {
      log.debug("Connection error: {}", cause.toString()); // resets and broken pipes are routine
    } else {
      log.warn("Connection error", cause);
    }
  }
}
