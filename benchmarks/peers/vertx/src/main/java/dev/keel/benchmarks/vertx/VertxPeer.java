package dev.keel.benchmarks.vertx;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import io.vertx.core.AsyncResult;
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
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.PreparedQuery;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Vert.x 5 core HTTP server peer, in the style of TechEmpower's vertx entry: one verticle per
 * event loop, native transport preferred, pre-built header names/values, Date cached per second,
 * JSON encoded per request through Vert.x's own codec ({@link JsonObject}, Jackson core). Database
 * tests through Vert.x's reactive PostgreSQL client: each verticle owns a pipelined client on its
 * own event loop (its share of the common pool size); fortunes through JMustache.
 */
public final class VertxPeer extends VerticleBase implements Handler<HttpServerRequest> {
  private static final CharSequence SERVER = HttpHeaders.createOptimized("Vert.x");
  private static final CharSequence TEXT_PLAIN = HttpHeaders.createOptimized("text/plain");
  private static final CharSequence APPLICATION_JSON =
      HttpHeaders.createOptimized("application/json");
  private static final CharSequence TEXT_HTML =
      HttpHeaders.createOptimized("text/html; charset=UTF-8");
  private static final Buffer HELLO = Buffer.buffer("Hello, World!");
  private static final CharSequence HELLO_LENGTH =
      HttpHeaders.createOptimized(Integer.toString(HELLO.length()));
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

  private static final String SELECT_WORLD = "SELECT id, randomnumber FROM world WHERE id = $1";
  private static final String UPDATE_WORLD = "UPDATE world SET randomnumber = $1 WHERE id = $2";
  private static final String SELECT_FORTUNES = "SELECT id, message FROM fortune";
  private static final Template FORTUNES = template("/fortunes.mustache");

  record World(int id, int randomNumber) {
    JsonObject json() {
      return new JsonObject().put("id", id).put("randomNumber", randomNumber);
    }
  }

  record Fortune(int id, String message) {}

  private final int port;
  private final int poolShare;
  private CharSequence date = now();
  private SqlClient client;
  private PreparedQuery<RowSet<Row>> selectWorld;
  private PreparedQuery<RowSet<Row>> updateWorld;
  private PreparedQuery<RowSet<Row>> selectFortunes;
  private final World[] cache = new World[10001];

  VertxPeer(int port, int poolShare) {
    this.port = port;
    this.poolShare = poolShare;
  }

  private static CharSequence now() {
    return HttpHeaders.createOptimized(HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC)));
  }

  public static void main(String[] args) {
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
    int poolSize = Integer.parseInt(System.getenv().getOrDefault("DB_POOL_SIZE", "8"));
    Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
    int instances = VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE; // 2 x cores
    int share = Math.max(1, poolSize / instances); // connections per verticle
    vertx
        .deployVerticle(
            () -> new VertxPeer(port, share), new DeploymentOptions().setInstances(instances))
        .onSuccess(
            id ->
                System.out.println(
                    "vertx peer listening on :" + port + " (native transport: "
                        + vertx.isNativeTransportEnabled() + ", " + instances + " x " + share
                        + " database connections)"))
        .onFailure(
            err -> {
              err.printStackTrace();
              System.exit(1);
            });
  }

  @Override
  public Future<?> start() {
    vertx.setPeriodic(1000, id -> date = now());
    // DB_URL is a JDBC URL (shared with the JDBC peers); the Vert.x client takes the URI without
    // the "jdbc:" prefix.
    String url =
        System.getenv().getOrDefault("DB_URL", "jdbc:postgresql://127.0.0.1:5432/hello_world");
    PgConnectOptions connect =
        PgConnectOptions.fromUri(url.startsWith("jdbc:") ? url.substring(5) : url)
            .setUser(System.getenv().getOrDefault("DB_USER", "benchmarkdbuser"))
            .setPassword(System.getenv().getOrDefault("DB_PASSWORD", "benchmarkdbpass"))
            .setCachePreparedStatements(true)
            .setPipeliningLimit(100_000);
    client =
        PgBuilder.client()
            .with(new PoolOptions().setMaxSize(poolShare))
            .connectingTo(connect)
            .using(vertx)
            .build();
    selectWorld = client.preparedQuery(SELECT_WORLD);
    updateWorld = client.preparedQuery(UPDATE_WORLD);
    selectFortunes = client.preparedQuery(SELECT_FORTUNES);
    // the whole world table, indexed by id, for /cached-queries (loaded before listening)
    return client
        .query("SELECT id, randomnumber FROM world")
        .execute()
        .compose(
            rows -> {
              for (Row r : rows) {
                cache[r.getInteger(0)] = new World(r.getInteger(0), r.getInteger(1));
              }
              return vertx
                  .createHttpServer(
                      new HttpServerOptions()
                          .setPort(port)
                          .setTcpNoDelay(true)
                          .setTcpFastOpen(true))
                  .requestHandler(this)
                  .listen();
            });
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
      case "/db" -> world().onComplete(ar -> json(response, ar.map(World::json)));
      case "/queries" -> worlds(count(request.getParam("queries")))
          .onComplete(ar -> json(response, ar.map(VertxPeer::array)));
      case "/updates" -> updates(count(request.getParam("queries")))
          .onComplete(ar -> json(response, ar.map(VertxPeer::array)));
      case "/cached-queries" -> {
        int n = count(request.getParam("count"));
        JsonArray out = new JsonArray(new ArrayList<>(n));
        for (int i = 0; i < n; i++) {
          out.add(cache[randomId()].json());
        }
        json(response, Future.succeededFuture(out));
      }
      case "/fortunes" -> selectFortunes
          .execute()
          .onComplete(
              ar -> {
                if (ar.failed()) {
                  fail(response, ar.cause());
                  return;
                }
                List<Fortune> fortunes = new ArrayList<>(16);
                for (Row r : ar.result()) {
                  fortunes.add(new Fortune(r.getInteger(0), r.getString(1)));
                }
                fortunes.add(new Fortune(0, "Additional fortune added at request time."));
                fortunes.sort(Comparator.comparing(Fortune::message));
                headers
                    .add(HttpHeaders.CONTENT_TYPE, TEXT_HTML)
                    .add(HttpHeaders.SERVER, SERVER)
                    .add(HttpHeaders.DATE, date);
                response.end(
                    Buffer.buffer(FORTUNES.execute(Map.of("fortunes", fortunes)), "UTF-8"));
              });
      default -> response.setStatusCode(404).end();
    }
  }

  private Future<World> world() {
    return selectWorld
        .execute(Tuple.of(randomId()))
        .map(
            rows -> {
              Row r = rows.iterator().next();
              return new World(r.getInteger(0), r.getInteger(1));
            });
  }

  /** N independent single-row queries (each row its own query), pipelined by the client. */
  private Future<World[]> worlds(int n) {
    List<Future<World>> all = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      all.add(world());
    }
    return Future.all(all)
        .map(
            done -> {
              World[] out = new World[n];
              for (int i = 0; i < n; i++) {
                out[i] = all.get(i).result();
              }
              return out;
            });
  }

  private Future<World[]> updates(int n) {
    return worlds(n)
        .compose(
            read -> {
              World[] out = new World[n];
              for (int i = 0; i < n; i++) {
                out[i] = new World(read[i].id(), randomId());
              }
              // one batch, in id order so that concurrent batches cannot deadlock on row locks
              World[] sorted = out.clone();
              Arrays.sort(sorted, Comparator.comparingInt(World::id));
              List<Tuple> batch = new ArrayList<>(n);
              for (World w : sorted) {
                batch.add(Tuple.of(w.randomNumber(), w.id()));
              }
              return updateWorld.executeBatch(batch).map(done -> out);
            });
  }

  private static JsonArray array(World[] worlds) {
    JsonArray out = new JsonArray(new ArrayList<>(worlds.length));
    for (World w : worlds) {
      out.add(w.json());
    }
    return out;
  }

  private void json(HttpServerResponse response, AsyncResult<?> result) {
    if (result.failed()) {
      fail(response, result.cause());
      return;
    }
    Buffer body =
        result.result() instanceof JsonArray a
            ? a.toBuffer()
            : ((JsonObject) result.result()).toBuffer();
    response
        .headers()
        .add(HttpHeaders.CONTENT_TYPE, APPLICATION_JSON)
        .add(HttpHeaders.SERVER, SERVER)
        .add(HttpHeaders.DATE, date);
    response.end(body);
  }

  private void fail(HttpServerResponse response, Throwable cause) {
    response
        .setStatusCode(500)
        .putHeader(HttpHeaders.SERVER, SERVER)
        .putHeader(HttpHeaders.DATE, date)
        .end(String.valueOf(cause.getMessage()));
  }

  /** TechEmpower's rule for queries/count: clamp to 1..500; missing, empty or not a number → 1. */
  static int count(String raw) {
    if (raw == null || raw.isEmpty()) {
      return 1;
    }
    try {
      return Math.clamp(Integer.parseInt(raw), 1, 500);
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  static int randomId() {
    return ThreadLocalRandom.current().nextInt(1, 10001);
  }

  static Template template(String resource) {
    try (Reader r =
        new InputStreamReader(
            VertxPeer.class.getResourceAsStream(resource), StandardCharsets.UTF_8)) {
      return Mustache.compiler().compile(r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
