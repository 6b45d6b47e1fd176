package dev.keel.services.internal;

import dev.keel.core.HttpException;
import dev.keel.services.ServicesProblems;
import dev.keel.services.spi.ComponentDescriptor;
import dev.keel.services.spi.RemoteCalls;
import java.io.IOException;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import tools.jackson.databind.node.ObjectNode;

/**
 * The caller's side of remote calls, over the JDK's HTTP client: one POST per call with the
 * deadline, the version of the interface and the trace context in headers. Connection failures and
 * 503 answers are retried (twice, 50 then 150 ms apart, within the deadline) for idempotent methods
 * only.
 */
public final class HttpCalls implements RemoteCalls {
  private static final long[] BACKOFF_MS = {50, 150};

  private final HttpClient http;
  private final URI base;
  private final ComponentDescriptor<?> component;
  private final Duration timeout;

  public HttpCalls(HttpClient http, URI base, ComponentDescriptor<?> component, Duration timeout) {
    this.http = http;
    this.base = base;
    this.component = component;
    this.timeout = timeout;
  }

  @Override
  public Object call(
      String method, boolean idempotent, Type returns, String[] names, Object[] arguments) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    for (int i = 0; i < names.length; i++) body.putPOJO(names[i], arguments[i]);
    byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
    URI uri = base.resolve("/_keel/components/" + component.name() + "/" + method);
    long deadline = CallScope.deadline(timeout);
    String where = component.name() + "." + method + " at " + base;
    for (int attempt = 0; ; attempt++) {
      long remaining = (deadline - System.nanoTime()) / 1_000_000;
      if (remaining <= 0) throw deadlineExceeded(where);
      var request =
          HttpRequest.newBuilder(uri)
              .timeout(Duration.ofMillis(remaining))
              .header("Content-Type", "application/json")
              .header(CallScope.VERSION_HEADER, component.version())
              .header(CallScope.DEADLINE_HEADER, Long.toString(remaining))
              .header("traceparent", CallScope.childTraceparent())
              .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
              .build();
      boolean retry = idempotent && attempt < BACKOFF_MS.length;
      HttpResponse<byte[]> response;
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      } catch (HttpConnectTimeoutException e) {
        if (retry && pause(attempt, deadline)) continue;
        throw RemoteErrors.unavailable(where, "did not accept the connection in time");
      } catch (HttpTimeoutException e) {
        throw deadlineExceeded(where);
      } catch (IOException e) {
        if (retry && pause(attempt, deadline)) continue;
        throw RemoteErrors.unavailable(where, "could not be reached (" + describe(e) + ")");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw RemoteErrors.unavailable(where, "was not waited for: the caller was interrupted");
      }
      int status = response.statusCode();
      if (status == 200) {
        return returns == void.class
            ? null
            : Json.MAPPER.readValue(response.body(), Json.MAPPER.constructType(returns));
      }
      if (status == 503 && retry && pause(attempt, deadline)) continue;
      throw RemoteErrors.of(component, base, method, status, response.body());
    }
  }

  private static HttpException deadlineExceeded(String where) {
    return new HttpException(
        ServicesProblems.COMPONENT_DEADLINE_EXCEEDED,
        "Component " + where + " did not answer within the call's deadline");
  }

  /** Sleeps before retry {@code attempt + 1}; false when that would pass the deadline. */
  private static boolean pause(int attempt, long deadline) {
    long ms = BACKOFF_MS[attempt];
    if (deadline - System.nanoTime() < (ms + 10) * 1_000_000) return false;
    try {
      Thread.sleep(ms);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String describe(IOException e) {
    Throwable root = e;
    while (root.getCause() != null) root = root.getCause();
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  /** Throws {@code t}, checked or not: a declared checked exception of the remote method. */
  @SuppressWarnings("unchecked")
  static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
    throw (E) t;
  }
}
