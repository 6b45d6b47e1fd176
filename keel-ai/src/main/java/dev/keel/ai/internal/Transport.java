package dev.keel.ai.internal;

import dev.keel.ai.AiProblems;
import dev.keel.core.HttpException;
import dev.keel.core.ProblemType;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * HTTP to the model endpoint with the JDK's client: retries on 429 and 5xx (and refused
 * connections) with {@code Retry-After} or exponential backoff, a read timeout for blocking calls,
 * and for streams an idle watchdog and cancellation that closes the upstream connection.
 */
public final class Transport implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Transport.class);
  private static final int MAX_ERROR_BODY = 2000;

  private final AiSettings settings;
  private final Wire wire;
  private final ExecutorService executor =
      Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("keel-ai-http-", 0).factory());
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("keel-ai-watchdog").factory());
  private final HttpClient http;

  public Transport(AiSettings settings, Wire wire) {
    this.settings = settings;
    this.wire = wire;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            // plain http is a local server (Ollama, vLLM): no h2c upgrade dance
            .version(
                settings.baseUrl().getScheme().equals("http")
                    ? HttpClient.Version.HTTP_1_1
                    : HttpClient.Version.HTTP_2)
            .executor(executor)
            .build();
  }

  /** Thrown through a token consumer to stop a stream: the client went away. */
  public static final class Cancelled extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Cancelled() {
      super("cancelled", null, false, false);
    }
  }

  private HttpRequest request(ObjectNode body, boolean stream) {
    var b =
        HttpRequest.newBuilder(URI.create(settings.baseUrl() + wire.path()))
            .timeout(settings.readTimeout())
            .header("Content-Type", "application/json")
            .header("Accept", stream ? "text/event-stream" : "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    wire.headers(b, settings.apiKey());
    return b.build();
  }

  /** A blocking call: the reply's JSON. */
  public JsonNode call(ObjectNode body) {
    HttpRequest request = request(body, false);
    for (int attempt = 0; ; attempt++) {
      Failure failure;
      CompletableFuture<HttpResponse<String>> f =
          http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
      try {
        HttpResponse<String> r = f.get(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
        if (r.statusCode() / 100 == 2) return parse(r.body());
        failure = failure(r.statusCode(), r.headers().firstValue("retry-after"), r.body());
      } catch (TimeoutException e) {
        f.cancel(true);
        throw timeout(
            "no complete answer within keel.ai.read-timeout (" + settings.readTimeout() + ")");
      } catch (ExecutionException e) {
        failure = ioFailure(e.getCause());
      } catch (InterruptedException e) {
        f.cancel(true);
        Thread.currentThread().interrupt();
        throw new HttpException(
            AiProblems.AI_UPSTREAM_FAILED,
            "The call to " + settings.endpoint() + " was interrupted.");
      }
      try {
        pause(failure, attempt, () -> false);
      } catch (Cancelled e) { // interrupted while waiting to retry
        throw new HttpException(
            AiProblems.AI_UPSTREAM_FAILED,
            "The call to " + settings.endpoint() + " was interrupted.");
      }
    }
  }

  /**
   * A streamed call: each Server-Sent Event of the reply goes to {@code parser}. Returns false when
   * {@code cancelled} turned true (or the token consumer threw {@link Cancelled}) first; the
   * upstream connection is closed then.
   */
  public boolean stream(
      ObjectNode body,
      Wire.StreamParser parser,
      Consumer<String> tokens,
      BooleanSupplier cancelled) {
    HttpRequest request = request(body, true);
    for (int attempt = 0; ; attempt++) {
      if (cancelled.getAsBoolean()) return false;
      Failure failure;
      CompletableFuture<HttpResponse<InputStream>> f =
          http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
      try {
        HttpResponse<InputStream> r = await(f, cancelled);
        if (r == null) return false;
        if (r.statusCode() / 100 == 2) {
          return new StreamReader(r.body(), settings, timer).read(parser, tokens, cancelled);
        }
        failure = failure(r.statusCode(), r.headers().firstValue("retry-after"), bounded(r.body()));
      } catch (ExecutionException e) {
        failure = ioFailure(e.getCause());
      }
      try {
        pause(failure, attempt, cancelled);
      } catch (Cancelled e) {
        return false;
      }
    }
  }

  /** The response's headers, or null when cancelled while waiting for them. */
  private HttpResponse<InputStream> await(
      CompletableFuture<HttpResponse<InputStream>> f, BooleanSupplier cancelled)
      throws ExecutionException {
    long deadline = System.nanoTime() + settings.readTimeout().toNanos();
    while (true) {
      try {
        return f.get(50, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        if (cancelled.getAsBoolean()) {
          f.cancel(true);
          return null;
        }
        if (System.nanoTime() > deadline) {
          f.cancel(true);
          throw timeout("no response within keel.ai.read-timeout (" + settings.readTimeout() + ")");
        }
      } catch (InterruptedException e) {
        f.cancel(true);
        Thread.currentThread().interrupt();
        return null;
      }
    }
  }

  private JsonNode parse(String body) {
    try {
      return Json.MAPPER.readTree(body);
    } catch (JacksonException e) {
      throw malformed("an answer that is not JSON: " + OpenAiWire.abbreviate(body));
    }
  }

  private static String bounded(InputStream in) {
    try (in) {
      return new String(in.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /** Why an attempt failed, and whether another may succeed. */
  private record Failure(
      ProblemType type, String detail, boolean retryable, Optional<Duration> retryAfter) {}

  private Failure failure(int status, Optional<String> retryAfter, String body) {
    String message = errorMessage(body);
    String hint =
        switch (status) {
          case 401, 403 ->
              " Check the key in the environment variable "
                  + settings.apiKeyEnv()
                  + " (keel.ai.api-key-env).";
          case 404 -> " Check keel.ai.base-url and keel.ai.model.";
          default -> "";
        };
    ProblemType type = status == 429 ? AiProblems.AI_RATE_LIMITED : AiProblems.AI_UPSTREAM_FAILED;
    return new Failure(
        type,
        settings.endpoint()
            + " answered "
            + status
            + (message.isEmpty() ? "" : ": " + message)
            + end(message)
            + hint,
        Backoff.retryable(status),
        Backoff.retryAfter(retryAfter, Instant.now()));
  }

  private Failure ioFailure(Throwable cause) {
    if (cause instanceof HttpTimeoutException && !(cause instanceof HttpConnectTimeoutException)) {
      throw timeout("no response within keel.ai.read-timeout (" + settings.readTimeout() + ")");
    }
    // a refused or timed-out connection never reached the model: safe to retry
    boolean refused =
        cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException;
    return new Failure(
        AiProblems.AI_UPSTREAM_FAILED,
        "could not " + (refused ? "connect to " : "talk to ") + settings.endpoint() + ": " + cause,
        refused,
        Optional.empty());
  }

  private static String end(String sentence) {
    return sentence.endsWith(".") || sentence.endsWith("!") || sentence.endsWith("?") ? "" : ".";
  }

  /** The {@code error.message} both providers put in an error body, else the body's start. */
  private static String errorMessage(String body) {
    try {
      JsonNode n = Json.MAPPER.readTree(body);
      JsonNode m = n.path("error").path("message");
      if (m.isString()) return m.asString();
    } catch (JacksonException | IllegalArgumentException e) {
      // not JSON: the text itself
    }
    return OpenAiWire.abbreviate(body.strip());
  }

  /** Waits before the next attempt, or throws the failure's problem when none is left. */
  private void pause(Failure f, int attempt, BooleanSupplier cancelled) {
    String tries =
        attempt == 0 ? "" : " (after " + attempt + (attempt == 1 ? " retry)" : " retries)");
    if (!f.retryable() || attempt >= settings.maxRetries()) {
      throw new HttpException(f.type(), upper(f.detail()) + tries);
    }
    Duration wait =
        f.retryAfter()
            .orElseGet(
                () ->
                    Backoff.exponential(settings.retryBackoff(), attempt, settings.maxRetryWait()));
    if (wait.compareTo(settings.maxRetryWait()) > 0) {
      throw new HttpException(
          f.type(),
          upper(f.detail())
              + " It asks to wait "
              + wait.toSeconds()
              + " s, longer than keel.ai.max-retry-wait ("
              + settings.maxRetryWait().toSeconds()
              + " s)."
              + tries);
    }
    log.info(
        "{}; retry {} of {} in {} ms",
        f.detail(),
        attempt + 1,
        settings.maxRetries(),
        wait.toMillis());
    long until = System.nanoTime() + wait.toNanos();
    try {
      while (System.nanoTime() < until) {
        if (cancelled.getAsBoolean()) throw new Cancelled();
        Thread.sleep(Math.min(50, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Cancelled();
    }
  }

  private static String upper(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  HttpException timeout(String why) {
    return new HttpException(
        AiProblems.AI_TIMEOUT, upper(settings.endpoint() + " sent " + why + "."));
  }

  HttpException malformed(String what) {
    return new HttpException(
        AiProblems.AI_MALFORMED_REPLY, upper(settings.endpoint() + " sent " + what + "."));
  }

  @Override
  public void close() {
    timer.shutdownNow();
    http.shutdownNow();
    executor.shutdownNow();
  }
}
