package dev.keel.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.Config;
import dev.keel.core.Cookie;
import dev.keel.core.Keel;
import dev.keel.core.Problem;
import dev.keel.core.StreamingBody;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Keel's request handling through the test client, every case over both transports. */
class TestClientTest {
  record Note(String text) {}

  record Order(String item, int quantity, List<String> tags) {}

  enum Color {
    RED,
    GREEN
  }

  static final class OutOfStock extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OutOfStock(String item) {
      super(item + " is out of stock");
    }
  }

  static final List<String> trace = new CopyOnWriteArrayList<>();

  static Keel app() {
    Keel app =
        Keel.create(
            Config.builder()
                .args(
                    "--keel.server.port=0",
                    "--keel.server.max-body-size=2KiB",
                    "--keel.server.multipart-memory-threshold=256")
                .build());
    app.use(
            next ->
                ctx -> {
                  trace.add("app-mw");
                  return next.handle(ctx);
                })
        .before(ctx -> trace.add("before"))
        .after(ctx -> trace.add("after"))
        .exception(OutOfStock.class, e -> Problem.of(409, e.getMessage()))
        .post("/notes", ctx -> ctx.status(201).body(Note.class))
        .post("/orders", ctx -> ctx.body(Order.class))
        .post("/any", ctx -> ctx.body(Object.class))
        .get("/files/{*path}", ctx -> "wildcard:" + ctx.pathParam("path"))
        .get("/files/special", ctx -> "static")
        .get("/files/{name}/meta", ctx -> "param:" + ctx.pathParam("name"))
        .get(
            "/typed",
            ctx ->
                Map.of(
                    "id", ctx.query("id", UUID.class).orElseThrow(),
                    "day", ctx.query("day", LocalDate.class).orElseThrow(),
                    "color", ctx.query("color", Color.class).orElseThrow(),
                    "tags", ctx.queryAll("tag", String.class)))
        .get(
            "/boom",
            ctx -> {
              throw new IllegalStateException("secret internal detail");
            })
        .get(
            "/stock",
            ctx -> {
              throw new OutOfStock("tea");
            })
        .get(
            "/cookies",
            ctx -> {
              ctx.cookie(Cookie.of("session", "abc123").withSecure(true));
              return "seen:" + ctx.cookie("seen").orElse("none");
            })
        .post(
            "/upload",
            ctx -> {
              var file =
                  ctx.form()
                      .file("doc")
                      .orElseThrow(() -> new dev.keel.core.BadRequest("Send a file part 'doc'."));
              var target = java.nio.file.Files.createTempFile("keel-upload", ".bin");
              file.saveTo(target);
              long saved = java.nio.file.Files.size(target);
              java.nio.file.Files.delete(target);
              return Map.of(
                  "name",
                  file.filename(),
                  "type",
                  file.contentType(),
                  "size",
                  file.size(),
                  "saved",
                  saved,
                  "title",
                  ctx.form().field("title").orElse(""));
            })
        .post(
            "/form",
            ctx ->
                ctx.form().field("name").orElse("?")
                    + "|"
                    + String.join(",", ctx.form().fields("color")))
        .get(
            "/stream",
            ctx ->
                StreamingBody.of(
                    "text/plain",
                    out -> {
                      for (int i = 0; i < 1000; i++)
                        out.write(("line " + i + "\n").getBytes(StandardCharsets.UTF_8));
                    }))
        .get("/empty", ctx -> null)
        .get("/big", ctx -> "lorem ipsum ".repeat(500))
        .group(
            "/admin",
            admin -> {
              admin.use(
                  next ->
                      ctx -> {
                        trace.add("group-mw");
                        if (ctx.header("X-Admin").isEmpty())
                          throw new dev.keel.core.Forbidden("Admins only.");
                        return next.handle(ctx);
                      });
              admin.get(
                  "/stats",
                  ctx -> {
                    trace.add("handler");
                    return Map.of("ok", true);
                  });
            });
    return app;
  }

  static Stream<Function<Keel, TestClient>> transports() {
    return Stream.of(TestClient::inProcess, TestClient::overSocket);
  }

  @ParameterizedTest
  @MethodSource("transports")
  void jsonInAndOut(Function<Keel, TestClient> transport) {
    try (var client = transport.apply(app())) {
      var r = client.post("/notes").json(new Note("milk")).send();
      assertThat(r.status()).isEqualTo(201);
      assertThat(r.header("content-type")).contains("application/json");
      assertThat(r.json(Note.class)).isEqualTo(new Note("milk"));
    }
  }

  @ParameterizedTest
  @MethodSource("transports")
  void jsonErrorsSayWhereAndWhich(Function<Keel, TestClient> transport) {
    try (var client = transport.apply(app())) {
      var malformed =
          client.post("/orders").body("{\"item\": \"tea\",, }", "application/json").send();
      assertThat(malformed.status()).isEqualTo(400);
      assertThat(malformed.header("content-type")).contains("application/problem+json");
      assertThat(malformed.json().get("detail").asString())
          .startsWith("The request body is not valid JSON at line 1, column 16");

      var wrongType =
          client
              .post("/orders")
              .body("{\"item\":\"tea\",\"quantity\":\"lots\"}", "application/json")
              .send();
      assertThat(wrongType.status()).isEqualTo(400);
      assertThat(wrongType.json().get("errors").get(0).get("field").asString())
          .isEqualTo("quantity");
      assertThat(wrongType.json().get("detail").asString())
          .startsWith("Field 'quantity' must be a whole number")
          .doesNotContain("dev.keel");

      var nested =
          client
              .post("/orders")
              .body("{\"item\":\"tea\",\"quantity\":1,\"tags\":[\"a\",{}]}", "application/json")
              .send();
      assertThat(nested.status()).isEqualTo(400);
      assertThat(nested.json().get("errors").get(0).get("field").asString()).isEqualTo("tags[1]");

      var deep =
          client.post("/any").body("[".repeat(100) + "]".repeat(100), "application/json").send();
      assertThat(deep.status()).isEqualTo(400);
      assertThat(deep.json().get("detail").asString()).contains("exceeds a limit");

      var notJson = client.post("/orders").body("item=tea", "text/plain").send();
      assertThat(notJson.status()).isEqualTo(415); // RFC 9110: Unsupported Media Type
      assertThat(notJson.json().get("detail").asString()).contains("Content-Type: text/plain");

      var tooLarge = client.post("/orders").body("x".repeat(3000), "application/json").send();
      assertThat(tooLarge.status()).isEqualTo(413);
    }
  }

  @ParameterizedTest
  @MethodSource("transports")
  void staticBeatsParamBeatsWildcard(Function<Keel, TestClient> transport) {
    try (var client = transport.apply(app())) {
      assertThat(client.get("/files/special").send().text()).isEqualTo("static");
      assertThat(client.get("/files/x/meta").send().text()).isEqualTo("param:x");
      assertThat(client.get("/files/a/b/c.txt").send().text()).isEqualTo("wildcard:a/b/c.txt");
      assertThat(client.get("/files/caf%C3%A9").send().text()).isEqualTo("wildcard:café");
      assertThat(client.get("/nothing").send().status()).isEqualTo(404);
    }
  }

  @ParameterizedTest
  @MethodSource("transports")
  void headAndOptionsAreAutomatic(Function<Keel, TestClient> transport) {
    try (var client = transport.apply(app())) {
      var head = client.head("/files/special").send();
      assertThat(head.status()).isEqualTo(200);
      assertThat(head.body()).isEmpty();
      assertThat(head.header("content-length")).contains("6");

      var options = client.options("/notes").send();
      assertThat(options.status()).isEqualTo(204);
      assertThat(options.header("allow")).contains("OPTIONS, POST");

      var notAllowed = client.delete("/notes").send();
      assertThat(notAllowed.status()).isEqualTo(405);
      assertThat(notAllowed.header("allow")).contains("OPTIONS, POST");
    }
  }

  @ParameterizedTest
  @MethodSource("transports")
  void typedQueryParameters(Function<Keel, TestClient> transport) {
    try (var client = transport.apply(app())) {
      var id = UUID.randomUUID();
      var ok =
          client
              .get("/typed")
              .query("id", id)
              .query("day", "2026-01-31")
              .query("color", "green")
              .query("tag", "a")
              .query("tag", "b")
              .send();
      assertThat(ok.status()).isEqualTo(200);
      assertThat(ok.json().get("id").asString()).isEqualTo(id.toString());
      assertThat(ok.json().get("color").asString()).isEqualTo("GREEN");
      assertThat(ok.json().get("tags").toString()).isEqualTo("[\"a\",\"b\"]");

      var bad =
          client
              .get("/typed")
              .query("id", id)
              .query("day", "2026-01-31")
              .query("color", "blue")
              .send();
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.json().get("detail").asString())
          .isEqualTo("query parameter 'color' is 'blue', which is not one of red, green.");
    }
  }

  @ParameterizedTest
  @MethodSource("transports")
  void unhandledExceptionsHideTheirDetails(Function<Keel, TestClient> transport) {
    try (var client = transport.apply(app())) {
      var r = client.get("/boom").send();
      assertThat(r.status()).isEqualTo(500);
      assertThat(r.text())
          .doesNotContain("secret")
          .doesNotContain("IllegalStateException")
          .doesNotContain("at dev.keel");
      String errorId = r.json().get("errorId").asString();
      assertThat(r.json().get("detail").asString()).contains(errorId);

      var mapped = client.get("/stock").send();
      assertThat(mapped.status()).isEqualTo(409);
      assertThat(mapped.json().get("detail").asString()).isEqualTo("tea is out of stock");
    }
  }

  @ParameterizedTest
  @MethodSource("transports")
  void middlewareGroupsAndHooksRunInTheDocumentedOrder(Function<Keel, TestClient> transport) {
    try (var client = transport.apply(app())) {
      trace.clear();
      assertThat(client.get("/admin/stats").send().status()).isEqualTo(403);
      assertThat(trace).containsExactly("app-mw", "group-mw");
      trace.clear();
      assertThat(client.get("/admin/stats").header("X-Admin", "yes").send().status())
          .isEqualTo(200);
      assertThat(trace).containsExactly("app-mw", "group-mw", "before", "handler", "after");
      trace.clear();
      assertThat(client.get("/missing").send().status()).isEqualTo(404);
      assertThat(trace).containsExactly("app-mw"); // app middleware also wraps 404s
    }
  }

  @ParameterizedTest
  @MethodSource("transports")
  void cookiesBothWays(Function<Keel, TestClient> transport) {
    try (var client = transport.apply(app())) {
      var r = client.get("/cookies").cookie("seen", "yes").send();
      assertThat(r.text()).isEqualTo("seen:yes");
      assertThat(r.header("set-cookie"))
          .contains("session=abc123; Path=/; Secure; HttpOnly; SameSite=Lax");
    }
  }

  @ParameterizedTest
  @MethodSource("transports")
  void formsUrlencodedAndMultipart(Function<Keel, TestClient> transport) {
    try (var client = transport.apply(app())) {
      var urlencoded =
          client
              .post("/form")
              .body("name=J%C3%BCrgen+K&color=red&color=blue", "application/x-www-form-urlencoded")
              .send();
      assertThat(urlencoded.text()).isEqualTo("Jürgen K|red,blue");

      String boundary = "XyZ";
      String multipart =
          "--XyZ\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nAnn\r\n"
              + "--XyZ\r\nContent-Disposition: form-data; name=\"color\"\r\n\r\ngreen\r\n--XyZ--\r\n";
      var r =
          client.post("/form").body(multipart, "multipart/form-data; boundary=" + boundary).send();
      assertThat(r.text()).isEqualTo("Ann|green");
    }
  }

  @ParameterizedTest
  @MethodSource("transports")
  void streamingAndEmptyResponses(Function<Keel, TestClient> transport) {
    try (var client = transport.apply(app())) {
      var streamed = client.get("/stream").send();
      List<String> lines = new ArrayList<>(List.of(streamed.text().split("\n")));
      assertThat(lines).hasSize(1000).startsWith("line 0").endsWith("line 999");
      var empty = client.get("/empty").send();
      assertThat(empty.status()).isEqualTo(204);
      assertThat(empty.body()).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("transports")
  void etagsAndConditionalRequests(Function<Keel, TestClient> transport) {
    try (var client = transport.apply(app())) {
      var first = client.get("/files/special").send();
      String etag = first.header("etag").orElseThrow();
      assertThat(etag).startsWith("W/\"");
      var again = client.get("/files/special").header("If-None-Match", etag).send();
      assertThat(again.status()).isEqualTo(304);
      assertThat(again.body()).isEmpty();
      assertThat(again.header("etag")).contains(etag);
      var other = client.get("/files/special").header("If-None-Match", "W/\"nope\"").send();
      assertThat(other.status()).isEqualTo(200);
      assertThat(client.post("/notes").json(new Note("x")).send().header("etag")).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("transports")
  void gzipWhenAcceptedAndWorthIt(Function<Keel, TestClient> transport) throws Exception {
    try (var client = transport.apply(app())) {
      var zipped = client.get("/big").header("Accept-Encoding", "br, gzip;q=0.8").send();
      assertThat(zipped.header("content-encoding")).contains("gzip");
      assertThat(zipped.header("vary")).contains("accept-encoding");
      assertThat(zipped.body().length).isLessThan(200);
      try (var in =
          new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(zipped.body()))) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
            .isEqualTo("lorem ipsum ".repeat(500));
      }
      var refused = client.get("/big").header("Accept-Encoding", "gzip;q=0").send();
      assertThat(refused.header("content-encoding")).isEmpty();
      assertThat(refused.text()).hasSize(6000);
      var small = client.get("/files/special").header("Accept-Encoding", "gzip").send();
      assertThat(small.header("content-encoding")).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("transports")
  void multipartFilesAboveTheThresholdGoToDisk(Function<Keel, TestClient> transport) {
    try (var client = transport.apply(app())) {
      String payload = "0123456789".repeat(100); // 1000 bytes, above the 256-byte threshold
      String body =
          "--B\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nReport\r\n"
              + "--B\r\nContent-Disposition: form-data; name=\"doc\"; filename=\"../../etc/r.txt\"\r\n"
              + "Content-Type: text/plain\r\n\r\n"
              + payload
              + "\r\n--B--\r\n";
      var r = client.post("/upload").body(body, "multipart/form-data; boundary=B").send();
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.json().get("name").asString()).isEqualTo("r.txt"); // no directory part
      assertThat(r.json().get("type").asString()).isEqualTo("text/plain");
      assertThat(r.json().get("size").asLong()).isEqualTo(1000);
      assertThat(r.json().get("saved").asLong()).isEqualTo(1000);
      assertThat(r.json().get("title").asString()).isEqualTo("Report");
      var broken =
          client
              .post("/upload")
              .body("--B\r\nnot a part", "multipart/form-data; boundary=B")
              .send();
      assertThat(broken.status()).isEqualTo(400);
    }
  }
}
