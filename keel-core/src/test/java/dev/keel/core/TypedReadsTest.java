package dev.keel.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Type;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code header(name, type)}, {@code cookie(name, type)} and {@code body(Type)} through the real
 * server: the conversion rules and 400s of {@code query(name, type)}, and the JSON rules and 415 of
 * {@code body(Class)}.
 */
class TypedReadsTest {
  enum Plan {
    FREE,
    PRO
  }

  record Item(String name, int count) {}

  /** {@code List<Item>}, as a generated route passes a method's generic parameter type. */
  static final Type ITEMS = itemsType();

  private static Type itemsType() {
    try {
      return TypedReadsTest.class.getDeclaredMethod("takesItems", List.class)
          .getGenericParameterTypes()[0];
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unused")
  private static void takesItems(List<Item> items) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Keel app;
  private HttpClient http;

  @BeforeEach
  void start() {
    app =
        Keel.create("--keel.server.port=0")
            .get(
                "/header",
                ctx ->
                    ctx.header("X-Limit", int.class).map(n -> n + 1).orElse(-1)
                        + " "
                        + ctx.header("X-Plan", Plan.class).orElse(Plan.FREE)
                        + " "
                        + ctx.header("X-Id", UUID.class).map(UUID::version).orElse(0))
            .get(
                "/cookie",
                ctx ->
                    ctx.cookie("visits", long.class).orElse(0L)
                        + " "
                        + ctx.cookie("beta", Boolean.class).orElse(false))
            .post(
                "/items",
                ctx -> {
                  List<Item> items = ctx.body(ITEMS);
                  return items.stream().mapToInt(Item::count).sum() + " " + items.get(0).name();
                })
            .start();
    http = HttpClient.newHttpClient();
  }

  @AfterEach
  void stop() {
    http.close();
    app.stop();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(URI.create(app.url() + path));
  }

  private HttpResponse<String> post(String json, String contentType) throws Exception {
    return send(
        get("/items")
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private static String detail(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    return JSON.readTree(r.body()).get("detail").asString();
  }

  @Test
  void headersConvertByTheQueryRulesAndAbsentIsEmpty() throws Exception {
    assertThat(send(get("/header")).body()).isEqualTo("-1 FREE 0");
    assertThat(
            send(get("/header")
                    .header("X-Limit", " 41 ")
                    .header("X-Plan", "pro")
                    .header("X-Id", "123e4567-e89b-42d3-a456-426614174000"))
                .body())
        .isEqualTo("42 PRO 4");
  }

  @Test
  void aHeaderThatDoesNotConvertIs400NamingItAndTheType() throws Exception {
    assertThat(detail(send(get("/header").header("X-Limit", "many"))))
        .isEqualTo(
            "header 'X-Limit' is 'many', which is not a whole number from -2147483648 to"
                + " 2147483647.");
    assertThat(detail(send(get("/header").header("X-Plan", "gold"))))
        .isEqualTo("header 'X-Plan' is 'gold', which is not one of free, pro.");
    assertThat(detail(send(get("/header").header("X-Id", "1-2-3-4-5"))))
        .isEqualTo(
            "header 'X-Id' is '1-2-3-4-5', which is not a UUID such as"
                + " 123e4567-e89b-12d3-a456-426614174000.");
  }

  @Test
  void cookiesConvertByTheQueryRulesAndAbsentIsEmpty() throws Exception {
    assertThat(send(get("/cookie")).body()).isEqualTo("0 false");
    assertThat(send(get("/cookie").header("Cookie", "visits=7; beta=on")).body())
        .isEqualTo("7 true");
  }

  @Test
  void aCookieThatDoesNotConvertIs400NamingIt() throws Exception {
    assertThat(detail(send(get("/cookie").header("Cookie", "visits=1.5"))))
        .isEqualTo("cookie 'visits' is '1.5', which is not a whole number.");
    assertThat(detail(send(get("/cookie").header("Cookie", "beta=maybe"))))
        .isEqualTo("cookie 'beta' is 'maybe', which is not true or false.");
  }

  @Test
  void aGenericBodyIsReadByTheStrictCodec() throws Exception {
    HttpResponse<String> ok =
        post(
            "[{\"name\": \"a\", \"count\": 2}, {\"name\": \"b\", \"count\": 3}]",
            "application/json");
    assertThat(ok.body()).isEqualTo("5 a");

    JsonNode nullElement = JSON.readTree(post("[null]", "application/json").body());
    assertThat(nullElement.get("errors").toString())
        .isEqualTo("[{\"field\":\"[0]\",\"message\":\"must be an object, not null\"}]");
    JsonNode mistyped =
        JSON.readTree(post("[{\"name\": \"a\", \"count\": \"2\"}]", "application/json").body());
    assertThat(mistyped.get("errors").get(0).get("field").asString()).isEqualTo("[0].count");
    assertThat(detail(post("null", "application/json")))
        .isEqualTo("The JSON body must be an array, not null.");
    assertThat(detail(post("", "application/json")))
        .isEqualTo("The request body is empty; send a JSON document for List<Item>.");
  }

  @Test
  void aGenericBodyOfAnotherContentTypeIs415() throws Exception {
    HttpResponse<String> text = post("[]", "text/plain");
    assertThat(text.statusCode()).isEqualTo(415);
    assertThat(JSON.readTree(text.body()).get("detail").asString())
        .isEqualTo(
            "Expected a JSON body (Content-Type: application/json) but got Content-Type:"
                + " text/plain.");
  }
}
