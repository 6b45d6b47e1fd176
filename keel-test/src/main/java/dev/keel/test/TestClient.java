package dev.keel.test;

import dev.keel.core.Keel;
import dev.keel.core.spi.LocalConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sends requests to a Keel application in tests, either in-process (no socket; the whole pipeline
 * of routing, middleware, encoding and errors runs) or over a real socket (the app is started on a
 * random port). Both use the same fluent API:
 *
 * <pre>{@code
 * try (var client = TestClient.inProcess(MyApp.app())) {
 *   TestResponse r = client.post("/notes").json(Map.of("text", "milk")).send();
 *   assertThat(r.status()).isEqualTo(201);
 *   assertThat(r.json(Note.class).text()).isEqualTo("milk");
 * }
 * }</pre>
 *
 * Thread-safe: tests may send requests from several threads at once.
 */
public final class TestClient implements AutoCloseable {
  private final Keel app;
  private final boolean socket;
  private final boolean ownsServer;
  private final HttpClient http;

  private TestClient(Keel app, boolean socket, boolean ownsServer) {
    this.app = app;
    this.socket = socket;
    this.ownsServer = ownsServer;
    this.http =
        socket
            ? HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build()
            : null;
  }

  /**
   * A client that sends requests over in-memory connections ({@link Keel#connectLocally()}):
   * exactly the server code a socket runs, without opening a port. The first request runs the
   * application's start hooks (its database connects, say); {@link #close()} stops it again, unless
   * it was started on a port already.
   */
  public static TestClient inProcess(Keel app) {
    return new TestClient(app, false, !listening(app));
  }

  private static boolean listening(Keel app) {
    try {
      app.port();
      return true;
    } catch (IllegalStateException notStarted) {
      return false;
    }
  }

  /**
   * A client that talks HTTP/1.1 over a real socket. Starts {@code app} when it has not been
   * started (set {@code keel.server.port=0} for a free port) and then also stops it on {@link
   * #close()}.
   */
  public static TestClient overSocket(Keel app) {
    boolean started;
    try {
      app.port();
      started = false;
    } catch (IllegalStateException notStarted) {
      app.start();
      started = true;
    }
    return new TestClient(app, true, started);
  }

  public TestRequest get(String path) {
    return request("GET", path);
  }

  public TestRequest post(String path) {
    return request("POST", path);
  }

  public TestRequest put(String path) {
    return request("PUT", path);
  }

  public TestRequest patch(String path) {
    return request("PATCH", path);
  }

  public TestRequest delete(String path) {
    return request("DELETE", path);
  }

  public TestRequest head(String path) {
    return request("HEAD", path);
  }

  public TestRequest options(String path) {
    return request("OPTIONS", path);
  }

  public TestRequest request(String method, String path) {
    return new TestRequest(this, method, path);
  }

  TestResponse send(TestRequest r) {
    return socket ? sendOverSocket(r) : sendInProcess(r);
  }

  /** One in-memory connection per request, so requests from several threads never interleave. */
  private TestResponse sendInProcess(TestRequest r) {
    try (LocalConnection connection = app.connectLocally()) {
      var reply =
          connection.send(
              new LocalConnection.Request(r.method(), r.uri(), r.headerMap(), r.bodyBytes()));
      Map<String, List<String>> headers = new LinkedHashMap<>();
      reply
          .headers()
          .forEach(
              (name, values) ->
                  headers
                      .computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                      .addAll(values));
      return new TestResponse(reply.status(), headers, reply.body());
    }
  }

  private TestResponse sendOverSocket(TestRequest r) {
    var builder =
        HttpRequest.newBuilder(URI.create(app.url() + r.uri()))
            .timeout(Duration.ofSeconds(30))
            .method(r.method(), HttpRequest.BodyPublishers.ofByteArray(r.bodyBytes()));
    r.headerMap().forEach((name, values) -> values.forEach(v -> builder.header(name, v)));
    try {
      HttpResponse<byte[]> response =
          http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
      Map<String, List<String>> headers = new LinkedHashMap<>();
      response
          .headers()
          .map()
          .forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v));
      return new TestResponse(response.statusCode(), headers, response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("request to " + app.url() + r.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Stops the application when this client started it (or ran it in process). */
  @Override
  public void close() {
    if (http != null) http.close();
    if (ownsServer) app.stop();
  }
}
