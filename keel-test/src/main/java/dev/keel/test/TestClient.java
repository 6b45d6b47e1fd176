package dev.keel.test;

import dev.keel.core.Keel;
import dev.keel.core.internal.KeelAccess;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
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
  private static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 40000);

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

  /** A client that runs requests through {@code app}'s pipeline without opening a port. */
  public static TestClient inProcess(Keel app) {
    return new TestClient(app, false, false);
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

  private TestResponse sendInProcess(TestRequest r) {
    var request =
        new DefaultFullHttpRequest(
            HttpVersion.HTTP_1_1,
            HttpMethod.valueOf(r.method()),
            r.uri(),
            Unpooled.wrappedBuffer(r.bodyBytes()));
    request.headers().set(HttpHeaderNames.HOST, "localhost");
    r.headerMap().forEach((name, values) -> request.headers().add(name, values));
    request.headers().set(HttpHeaderNames.CONTENT_LENGTH, r.bodyBytes().length);
    var response = KeelAccess.bridge().handle(app, request, LOCAL);
    byte[] body;
    if (response.isStreamed()) {
      var out = new ByteArrayOutputStream();
      try {
        response.stream().writeTo(out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      body = out.toByteArray();
    } else if (response.file() != null) {
      body = readRegion(response.file());
    } else {
      body = new byte[response.body().readableBytes()];
      response.body().readBytes(body);
      response.body().release();
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : response.headers().names()) {
      headers.put(
          name.toLowerCase(java.util.Locale.ROOT), List.copyOf(response.headers().getAll(name)));
    }
    return new TestResponse(response.status(), headers, body);
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

  private static byte[] readRegion(dev.keel.core.internal.http.FileBody file) {
    try (var channel = java.nio.channels.FileChannel.open(file.path())) {
      var buffer = java.nio.ByteBuffer.allocate((int) file.length());
      while (buffer.hasRemaining()) {
        if (channel.read(buffer, file.offset() + buffer.position()) < 0) break;
      }
      return buffer.array();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the application when this client started it. */
  @Override
  public void close() {
    if (http != null) http.close();
    if (ownsServer) app.stop();
  }
}
