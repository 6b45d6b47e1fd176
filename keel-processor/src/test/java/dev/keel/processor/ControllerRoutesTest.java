package dev.keel.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.Keel;
import dev.keel.core.ProblemTypes;
import dev.keel.test.TestClient;
import dev.keel.test.TestResponse;
import dev.keel.web.RequestValues;
import dev.keel.web.WebProblems;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ControllerRoutesTest {
  private TestClient client;

  @BeforeEach
  void start() {
    Keel app =
        Keel.create("--keel.server.port=0")
            .use(
                next ->
                    ctx -> {
                      ctx.header("X-User")
                          .ifPresent(
                              n ->
                                  ctx.attribute(
                                      RequestValues.key(ItemsController.User.class),
                                      new ItemsController.User(n)));
                      return next.handle(ctx);
                    })
            .controllers(new ItemsController());
    client = TestClient.inProcess(app);
  }

  @AfterEach
  void stop() {
    client.close();
  }

  private static Map<String, Object> newItem(String name, String email) {
    return Map.of(
        "name",
        name,
        "owner",
        Map.of("name", "Ada", "email", email),
        "color",
        "RED",
        "price",
        12.5,
        "tags",
        List.of(Map.of("label", "new")));
  }

  private String create(String name) {
    TestResponse r = client.post("/api/items").json(newItem(name, "ada@example.com")).send();
    assertThat(r.status()).as(r.text()).isEqualTo(201);
    return r.json().get("id").asString();
  }

  @Test
  void postCreatesWith201TheBodyHeaderAndContext() {
    TestResponse r =
        client
            .post("/api/items")
            .header("X-Tenant", "acme")
            .json(newItem("lamp", "ada@example.com"))
            .send();
    assertThat(r.status()).isEqualTo(201);
    JsonNode item = r.json();
    assertThat(item.get("name").asString()).isEqualTo("acme:lamp");
    assertThat(item.get("owner").get("email").asString()).isEqualTo("ada@example.com");
    assertThat(item.get("tags").get(0).get("label").asString()).isEqualTo("new");
    assertThat(r.header("Location")).contains("/api/items/" + item.get("id").asString());
  }

  @Test
  void getConvertsTheUuidPathParameter() {
    String id = create("desk");
    TestResponse r = client.get("/api/items/" + id).send();
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("name").asString()).isEqualTo("desk");
  }

  @Test
  void wronglyTypedPathParameterIs400NamingItAndTheType() {
    TestResponse r = client.get("/api/items/not-a-uuid").send();
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.header("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).contains("problem+json"));
    assertThat(r.json().get("detail").asString())
        .contains("'id'")
        .contains("not-a-uuid")
        .contains("UUID");
  }

  @Test
  void throwingNotFoundIs404() {
    TestResponse r = client.get("/api/items/123e4567-e89b-12d3-a456-426614174000").send();
    assertThat(r.status()).isEqualTo(404);
  }

  @Test
  void listBindsOptionalRequiredAndRepeatedQueryParameters() {
    create("red lamp");
    create("red desk");
    TestResponse r =
        client.get("/api/items").query("limit", 1).query("q", "red").query("color", "red").send();
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    assertThat(r.json().get("total").asInt()).isEqualTo(2);
    assertThat(r.json().get("items").size()).isEqualTo(1);
    assertThat(
            client
                .get("/api/items")
                .query("limit", 10)
                .query("color", "green")
                .send()
                .json()
                .get("total")
                .asInt())
        .isZero();
  }

  @Test
  void missingRequiredQueryParameterIs400() {
    TestResponse r = client.get("/api/items").send();
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("type").asString()).isEqualTo(WebProblems.PARAMETER_MISSING.uri());
    assertThat(r.json().get("detail").asString())
        .isEqualTo(
            "The query parameter 'limit' is missing; send it as a whole number, or declare the"
                + " parameter Optional<Integer> or give it a defaultValue if it may be left out.");
  }

  @Test
  void wronglyTypedQueryParameterIs400NamingItAndTheType() {
    TestResponse r = client.get("/api/items").query("limit", "abc").send();
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("type").asString())
        .isEqualTo("https://keel.dev/problems/parameter-invalid");
    assertThat(r.json().get("detail").asString())
        .contains("limit")
        .contains("abc")
        .contains("whole number");
    TestResponse color = client.get("/api/items").query("limit", "5").query("color", "blue").send();
    assertThat(color.status()).isEqualTo(400);
    assertThat(color.json().get("detail").asString()).contains("color").contains("red, green");
  }

  @Test
  void constrainedQueryParameterIs422() {
    TestResponse r = client.get("/api/items").query("limit", 1000).send();
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.json().get("type").asString()).isEqualTo("https://keel.dev/problems/validation");
    assertThat(r.json().get("title").asString()).isEqualTo("Validation failed");
    assertThat(r.json().get("errors").toString())
        .isEqualTo("[{\"field\":\"limit\",\"message\":\"must be less than or equal to 100\"}]");
  }

  @Test
  void invalidBodyIs422ListingEveryNestedViolationAtOnce() {
    var body =
        Map.of(
            "name",
            " ",
            "owner",
            Map.of("name", "Ada", "email", "not-an-email"),
            "tags",
            List.of(Map.of("label", "ok"), Map.of("label", "far-too-long-label")));
    TestResponse r = client.post("/api/items").json(body).send();
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.json().get("type").asString()).isEqualTo(ProblemTypes.VALIDATION.uri());
    assertThat(r.header("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(r.json().get("detail").asString())
        .isEqualTo("3 fields are invalid; correct them and send the request again.");
    assertThat(r.json().get("errors").toString())
        .isEqualTo(
            "[{\"field\":\"name\",\"message\":\"must not be blank\"},"
                + "{\"field\":\"owner.email\",\"message\":\"must be a well-formed email address\"},"
                + "{\"field\":\"tags[1].label\",\"message\":\"size must be between 0 and 10\"}]");
  }

  @Test
  void malformedJsonBodyIs400() {
    TestResponse r = client.post("/api/items").body("{\"name\":", "application/json").send();
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("type").asString())
        .isEqualTo("https://keel.dev/problems/json-malformed");
  }

  @Test
  void genericRecordBodyIsReadAndValidated() {
    var ok = Map.of("items", List.of(newItem("a", "a@example.com")), "total", 1);
    TestResponse r = client.post("/api/items/bulk").json(ok).send();
    assertThat(r.status()).as(r.text()).isEqualTo(201);
    assertThat(r.json().get("items").get(0).get("name").asString()).isEqualTo("a");

    var bad = Map.of("items", List.of(newItem("a", "nope")), "total", 1);
    TestResponse invalid = client.post("/api/items/bulk").json(bad).send();
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(invalid.json().get("errors").get(0).get("field").asString())
        .isEqualTo("items[0].owner.email");
  }

  /** The single error of a 400 problem: {@code field: message}. */
  private static String badField(TestResponse r) {
    assertThat(r.status()).as(r.text()).isEqualTo(400);
    assertThat(r.json().get("errors").size()).isEqualTo(1);
    JsonNode error = r.json().get("errors").get(0);
    return error.get("field").asString() + ": " + error.get("message").asString();
  }

  @Test
  void aBodyOfTheWrongJsonTypesIs400NamingTheFieldAndTheType() {
    var item = new java.util.HashMap<String, Object>(newItem("lamp", "ada@example.com"));
    item.put("name", 12345);
    assertThat(badField(client.post("/api/items").json(item).send()))
        .isEqualTo("name: must be a string, not the number 12345");
    item.put("name", "lamp");
    item.put("price", "12.5");
    assertThat(badField(client.post("/api/items").json(item).send()))
        .isEqualTo("price: must be a number, not a string");
    item.put("price", 12.5);
    item.put("color", "red");
    assertThat(badField(client.post("/api/items").json(item).send()))
        .isEqualTo("color: must be one of \"RED\", \"GREEN\", not the string \"red\"");
  }

  @Test
  void aNullBodyOrNullElementIs400NamingTheBodyOrTheIndex() {
    TestResponse plain = client.post("/api/items").body("null", "application/json").send();
    assertThat(badField(plain)).isEqualTo("body: must be an object, not null");
    TestResponse list = client.post("/api/items/many").body("[null]", "application/json").send();
    assertThat(badField(list)).isEqualTo("[0]: must be an object, not null");
    TestResponse nullList = client.post("/api/items/many").body("null", "application/json").send();
    assertThat(badField(nullList)).isEqualTo("body: must be an array, not null");
    TestResponse generic =
        client
            .post("/api/items/bulk")
            .body("{\"items\": [null], \"total\": 1}", "application/json")
            .send();
    assertThat(badField(generic)).isEqualTo("items[0]: must be an object, not null");

    TestResponse ok =
        client.post("/api/items/many").json(List.of(newItem("a", "a@example.com"))).send();
    assertThat(ok.status()).as(ok.text()).isEqualTo(201);
    assertThat(ok.json().get(0).get("name").asString()).isEqualTo("a");
  }

  @Test
  void genericBodiesAreReadByTheApplicationsCodecWithItsLimitsAndRules() {
    var tags = java.util.Collections.nCopies(1001, Map.of("label", "t"));
    var item = new java.util.HashMap<String, Object>(newItem("a", "a@example.com"));
    item.put("tags", tags);
    TestResponse tooMany =
        client.post("/api/items/bulk").json(Map.of("items", List.of(item), "total", 1)).send();
    assertThat(badField(tooMany))
        .isEqualTo("items[0].tags: has 1001 elements; at most 1000 are allowed");

    TestResponse nul =
        client
            .post("/api/items/many")
            .body("[{\"name\": \"a\\u0000\"}]", "application/json")
            .send();
    assertThat(badField(nul))
        .isEqualTo("[0].name: contains a NUL character (U+0000) at index 1; remove it");

    TestResponse missingTotal =
        client.post("/api/items/bulk").json(Map.of("items", List.of())).send();
    assertThat(badField(missingTotal)).startsWith("total: is missing");

    TestResponse text = client.post("/api/items/bulk").body("{}", "text/plain").send();
    assertThat(text.status()).isEqualTo(415);
    assertThat(text.json().get("detail").asString()).contains("Content-Type: text/plain");
  }

  @Test
  void nulInAPathQueryOrHeaderParameterIs400NamingIt() {
    TestResponse path =
        client.patch("/api/items/123e4567-e89b-12d3-a456-426614174000/name/a%00b").send();
    assertThat(path.status()).isEqualTo(400);
    assertThat(path.json().get("type").asString())
        .isEqualTo("https://keel.dev/problems/path-malformed");
    assertThat(path.json().get("detail").asString())
        .isEqualTo("Malformed path segment 'a%00b': it contains an encoded NUL character (%00)");
    TestResponse query = client.get("/api/items").query("limit", 5).query("q", "a\0").send();
    assertThat(query.status()).isEqualTo(400);
    assertThat(query.json().get("type").asString())
        .isEqualTo("https://keel.dev/problems/query-malformed");
    assertThat(query.json().get("detail").asString())
        .startsWith("The query string parameter 'q' has a malformed value")
        .endsWith("it contains an encoded NUL character (%00).");
  }

  @Test
  void putPatchAndDeleteWithVoidAs204() {
    String id = create("chair");
    TestResponse put =
        client.put("/api/items/" + id).json(newItem("stool", "b@example.com")).send();
    assertThat(put.json().get("name").asString()).isEqualTo("stool");
    TestResponse patch = client.patch("/api/items/" + id + "/name/bench").send();
    assertThat(patch.json().get("name").asString()).isEqualTo("bench");
    TestResponse delete = client.delete("/api/items/" + id).send();
    assertThat(delete.status()).isEqualTo(204);
    assertThat(delete.body()).isEmpty();
    assertThat(client.delete("/api/items/" + id).send().status()).isEqualTo(404);
  }

  @Test
  void aVoidMethodAnswersItsStatusWithNoBody() {
    String id = create("crate");
    TestResponse accepted = client.post("/api/items/" + id + "/archive").send();
    assertThat(accepted.status()).isEqualTo(202);
    assertThat(accepted.body()).isEmpty();
  }

  @Test
  void anAbsentParameterBindsItsDefaultExactlyAsTheDefaultSent() {
    TestResponse absent = client.get("/api/items/defaults").send();
    assertThat(absent.status()).as(absent.text()).isEqualTo(200);
    JsonNode d = absent.json();
    assertThat(d.get("limit").asInt()).isEqualTo(20);
    assertThat(d.get("offset").asLong()).isEqualTo(-7);
    assertThat(d.get("page").asInt()).isEqualTo(3);
    assertThat(d.get("ratio").asDouble()).isEqualTo(1000.0);
    assertThat(d.get("weight").floatValue()).isEqualTo(0.1f);
    assertThat(d.get("flag").asBoolean()).isTrue();
    assertThat(d.get("strict").asBoolean()).isFalse();
    assertThat(d.get("q").asString()).isEqualTo("caf\u00e9 \"q\"\n\\u0022\t\u0001");
    assertThat(d.get("id").asString()).isEqualTo("123e4567-e89b-42d3-a456-426614174000");
    assertThat(absent.text()).contains("\"price\":12.50,");
    assertThat(d.get("since").asString()).isEqualTo("2026-01-31T12:00:00.000Z");
    assertThat(d.get("day").asString()).isEqualTo("2026-01-31");
    assertThat(d.get("when").asString()).isEqualTo("2026-01-31T12:00:00+01:00");
    assertThat(d.get("sort").asString()).isEqualTo("NEWEST");
    assertThat(d.get("boxed").asInt()).isEqualTo(Integer.MIN_VALUE);
    assertThat(d.get("tenant").asString()).isEqualTo("public");
    assertThat(d.get("visits").asInt()).isEqualTo(1);

    TestResponse sent =
        client
            .get("/api/items/defaults")
            .query("limit", "20")
            .query("offset", " -7 ")
            .query("page", "3")
            .query("ratio", "1e3")
            .query("weight", "0.1")
            .query("flag", "on")
            .query("strict", "NO")
            .query("q", "caf\u00e9 \"q\"\n\\u0022\t\u0001")
            .query("id", "123E4567-E89B-42D3-A456-426614174000")
            .query("price", "12.50")
            .query("since", "2026-01-31T12:00:00Z")
            .query("day", "2026-01-31")
            .query("when", "2026-01-31T12:00:00+01:00")
            .query("sort", "newest")
            .query("boxed", "-2147483648")
            .header("X-Tenant", "public")
            .cookie("visits", "1")
            .send();
    assertThat(sent.text()).isEqualTo(absent.text());
    assertThat(
            client.get("/api/items/defaults").query("limit", 7).send().json().get("limit").asInt())
        .isEqualTo(7);
  }

  @Test
  void aDefaultIsValidatedLikeASentValue() {
    TestResponse tooMany = client.get("/api/items/defaults").query("limit", 500).send();
    assertThat(tooMany.status()).isEqualTo(422);
    assertThat(tooMany.json().get("errors").toString())
        .isEqualTo("[{\"field\":\"limit\",\"message\":\"must be less than or equal to 100\"}]");
    TestResponse shortTenant = client.get("/api/items/defaults").header("X-Tenant", "a").send();
    assertThat(shortTenant.status()).isEqualTo(422);
    assertThat(shortTenant.json().get("errors").get(0).get("field").asString())
        .isEqualTo("X-Tenant");
    TestResponse typed = client.get("/api/items/defaults").cookie("visits", "many").send();
    assertThat(typed.status()).isEqualTo(400);
    assertThat(typed.json().get("detail").asString())
        .isEqualTo(
            "cookie 'visits' is 'many', which is not a whole number from -2147483648 to"
                + " 2147483647.");
  }

  @Test
  void aDefaultThatFailsItsOwnConstraintsStopsStartUp() {
    // checked in a start hook, once the validator booted in the background: before the port opens
    Keel app = Keel.create("--keel.server.port=0").controllers(new BadDefaultController());
    org.assertj.core.api.Assertions.assertThatThrownBy(app::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "BadDefaultController.list(): the defaultValue of the query parameter 'limit' (500)"
                + " fails its own constraints: must be less than or equal to 100; change the"
                + " defaultValue or the constraint");
  }

  @Test
  void anOptionalBodyFieldIsEmptyWhenLeftOutOrNullSoPatchChangesOnlyWhatIsSent() {
    String id = create("lamp");
    // left out: unchanged
    TestResponse nothing = client.patch("/api/items/" + id).json(Map.of()).send();
    assertThat(nothing.status()).as(nothing.text()).isEqualTo(200);
    assertThat(nothing.json().get("name").asString()).isEqualTo("lamp");
    assertThat(nothing.json().get("color").asString()).isEqualTo("RED");
    // null: the same as left out
    TestResponse nulls =
        client
            .patch("/api/items/" + id)
            .body("{\"name\": null, \"color\": null, \"price\": null}", "application/json")
            .send();
    assertThat(nulls.status()).as(nulls.text()).isEqualTo(200);
    assertThat(nulls.json().get("name").asString()).isEqualTo("lamp");
    assertThat(nulls.json().get("price").toString()).isEqualTo("12.5");
    // a value: changed, the others unchanged
    TestResponse renamed =
        client.patch("/api/items/" + id).json(Map.of("name", "desk", "color", "GREEN")).send();
    assertThat(renamed.json().get("name").asString()).isEqualTo("desk");
    assertThat(renamed.json().get("color").asString()).isEqualTo("GREEN");
    assertThat(renamed.json().get("price").toString()).isEqualTo("12.5");
    // a value is validated and typed like any other
    TestResponse blank = client.patch("/api/items/" + id).json(Map.of("name", " ")).send();
    assertThat(blank.status()).isEqualTo(422);
    assertThat(blank.json().get("errors").toString())
        .isEqualTo("[{\"field\":\"name\",\"message\":\"must not be blank\"}]");
    assertThat(badField(client.patch("/api/items/" + id).json(Map.of("color", 1)).send()))
        .isEqualTo("color: must be one of \"RED\", \"GREEN\", not the number 1");
  }

  @Test
  void providedValuesComeFromMiddlewareOr401() {
    assertThat(client.get("/api/items/me").header("X-User", "ada").send().text())
        .isEqualTo("Hello, ada");
    TestResponse anonymous = client.get("/api/items/me").send();
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.json().get("type").asString())
        .isEqualTo("https://keel.dev/problems/unauthenticated");
    assertThat(client.get("/api/items/maybe-me").send().text()).isEqualTo("anonymous");
    TestResponse noTenant = client.get("/api/items/tenant").send();
    assertThat(noTenant.status()).isEqualTo(500);
    assertThat(noTenant.json().get("type").asString())
        .isEqualTo("https://keel.dev/problems/provided-missing");
    assertThat(noTenant.json().get("detail").asString())
        .isEqualTo(
            "No Tenant was provided for this request: install the middleware that sets"
                + " RequestValues.key(Tenant.class).");
  }

  @Test
  void everyScalarTypeConverts() {
    TestResponse r =
        client
            .get("/api/items/echo/42/0.5/true")
            .query("at", "2026-01-31T12:00:00Z")
            .query("day", "2026-01-31")
            .query("when", "2026-01-31T12:00:00+01:00")
            .query("colors", "red")
            .query("colors", "GREEN")
            .query("small", "7")
            .query("weight", "1.5")
            .header("X-Tenant", "acme")
            .cookie("visits", "3")
            .cookie("theme", "dark")
            .send();
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    JsonNode e = r.json();
    assertThat(e.get("number").asLong()).isEqualTo(42);
    assertThat(e.get("ratio").asDouble()).isEqualTo(0.5);
    assertThat(e.get("flag").asBoolean()).isTrue();
    assertThat(e.get("at").asString()).isEqualTo("2026-01-31T12:00:00.000Z");
    assertThat(e.get("day").asString()).isEqualTo("2026-01-31");
    assertThat(e.get("tenant").asString()).isEqualTo("acme");
    assertThat(e.get("visits").asInt()).isEqualTo(3);
    assertThat(e.get("theme").asString()).isEqualTo("dark");
    assertThat(e.get("colors").toString()).isEqualTo("[\"RED\",\"GREEN\"]");
    assertThat(e.get("small").asInt()).isEqualTo(7);
    assertThat(e.get("weight").asDouble()).isEqualTo(1.5);
  }

  @Test
  void wronglyTypedCookieIs400AndMissingCookieIs400() {
    TestResponse bad =
        client
            .get("/api/items/echo/1/1/false")
            .query("at", "2026-01-31T12:00:00Z")
            .query("day", "2026-01-31")
            .query("when", "2026-01-31T12:00:00+01:00")
            .query("weight", "1")
            .cookie("visits", "many")
            .send();
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("detail").asString()).startsWith("cookie 'visits' is 'many'");
    TestResponse missing =
        client
            .get("/api/items/echo/1/1/false")
            .query("at", "2026-01-31T12:00:00Z")
            .query("day", "2026-01-31")
            .query("when", "2026-01-31T12:00:00+01:00")
            .query("weight", "1")
            .send();
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().get("detail").asString()).contains("cookie 'visits' is missing");
  }

  @Test
  void aControllerWithoutGeneratedRoutesFailsAtRegistrationSayingWhy() {
    Keel app = Keel.create("--keel.server.port=0");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> app.controllers(new Object()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no generated routes for controller java.lang.Object")
        .hasMessageContaining("keel-processor");
  }
}
