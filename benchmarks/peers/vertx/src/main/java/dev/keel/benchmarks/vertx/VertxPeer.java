package dev.keel.benchmarks.vertx;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Vert.x 5 core HTTP server peer, in the style of TechEmpower's vertx entry: one verticle per
 * event loop, native transport preferred, pre-built header names/values, Date cached per second,
 * JSON encoded per request through Vert.x's own codec ({@link JsonObject}, Jackson core).
 */
public final class VertxPeer extends VerticleBase implements Handler<HttpServerRequest> {
  private static final CharSequence SERVER = HttpHeaders.createOptimized("Vert.x");
  private static final CharSequence TEXT_PLAIN = HttpHeaders.createOptimized("text/plain");
  private static final CharSequence APPLICATION_JSON =
      HttpHeaders.createOptimized("application/json");
  private static final Buffer HELLO = Buffer.buffer("Hello, World!");
  private static final CharSequence HELLO_LENGTH =
      HttpHeaders.createOptimized(Integer.toString(HELLO.length()));
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

  private final int port;
  private CharSequence date = now();

  VertxPeer(int port) {
    this.port = port;
  }

  private static CharSequence now() {
    return HttpHeaders.createOptimized(HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC)));
  }

  public static void main(String[] args) {
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
    Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
    int instances = VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE; // 2 x cores
    vertx
        .deployVerticle(() -> new VertxPeer(port), new DeploymentOptions().setInstances(instances))
        .onSuccess(
            id ->
                System.out.println(
                    "vertx peer listening on :" + port + " (native transport: "
                        + vertx.isNativeTransportEnabled() + ")"))
        .onFailure(
            err -> {
              err.printStackTrace();
              System.exit(1);
            });
  }

  @Override
  public Future<?> start() {
    vertx.setPeriodic(1000, id -> date = now());
    return vertx
        .createHttpServer(
            new HttpServerOptions().setPort(port).setTcpNoDelay(true).setTcpFastOpen(true))
        .requestHandler(this)
        .listen();
  }

  @Override
  public void handle(HttpServerRequest request) {
    var response = request.response();
    MultiMap headers = response.headers();
    switch (request.path()) {
      case "/plaintext" -> {
        headers
            .add(HttpHeaders.CONTENT_TYPE, TEXT_PLAIN)
            .add(HttpHeaders.SERVER, SERVER)
            .add(HttpHeaders.DATE, date)
            .add(HttpHeaders.CONTENT_LENGTH, HELLO_LENGTH);
        response.end(HELLO);
      }
      case "/json" -> {
        Buffer body = new JsonObject().put("message", "Hello, World!").toBuffer();
        headers
            .add(HttpHeaders.CONTENT_TYPE, APPLICATION_JSON)
            .add(HttpHeaders.SERVER, SERVER)
            .add(HttpHeaders.DATE, date);
        response.end(body);
      }
      default -> response.setStatusCode(404).end();
    }
  }
}
