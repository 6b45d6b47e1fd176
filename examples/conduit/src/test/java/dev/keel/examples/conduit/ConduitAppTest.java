package dev.keel.examples.conduit;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import dev.keel.core.Keel;
import dev.keel.security.Jwt;
import dev.keel.security.JwtKey;
import dev.keel.security.Principal;
import dev.keel.test.TestClient;
import dev.keel.test.TestRequest;
import dev.keel.test.TestResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Conduit's behaviour beyond the RealWorld suite (which {@link RealWorldSuiteTest} runs): the
 * README's tour, every kind of bad input in the spec's error shape, ownership, filters, paging and
 * the seed. SQLite with strict loading on, so an N+1 query fails the test.
 */
class ConduitAppTest {
  @TempDir Path dir;
  private TestClient client;

  @BeforeEach
  void start() {
    client = TestClient.inProcess(app());
  }

  @AfterEach
  void stop() {
    client.close();
  }

  private Keel app(String... more) {
    var args = new java.util.ArrayList<>(List.of(more));
    args.add("--keel.db.url=jdbc:sqlite:" + dir.resolve("conduit.db"));
    args.add("--keel.db.strict-loading=true");
    return ConduitApp.app(args.toArray(String[]::new));
  }

  private TestResponse signUp(String username, String email) {
    return client
        .post("/api/users")
        .json(
            Map.of("user", Map.of("username", username, "email", email, "password", "secret-123")))
        .send();
  }

  private String register(String name) {
    TestResponse r = signUp(name, name + "@example.com");
    assertThat(r.status()).as(r.text()).isEqualTo(201);
    return "Token " + r.json().at("/user/token").asString();
  }

  private String article(String token, String title, List<String> tags) {
    TestResponse r =
        client
            .post("/api/articles")
            .header("Authorization", token)
            .json(
                Map.of(
                    "article",
                    Map.of("title", title, "description", "d", "body", "b", "tagList", tags)))
            .send();
    assertThat(r.status()).as(r.text()).isEqualTo(201);
    return r.json().at("/article/slug").asString();
  }

  /** The error body RealWorld specifies, as JSON, with the messages it carries. */
  private static List<String> errors(TestResponse r) {
    assertThat(r.header("Content-Type")).hasValue("application/json");
    JsonNode body = r.json().at("/errors/body");
    assertThat(body.isArray()).as(r.text()).isTrue();
    return body.valueStream().map(JsonNode::asString).toList();
  }

  @Test
  void theReadmeTourRegistersWritesAndLists() {
    String token = register("jake");
    String slug = article(token, "How to train your dragon", List.of("dragons", "training"));
    JsonNode list = client.get("/api/articles").send().json();
    assertThat(list.at("/articlesCount").asInt()).isEqualTo(1);
    assertThat(list.at("/articles/0/slug").asString()).isEqualTo(slug).startsWith("how-to-train");
    assertThat(list.at("/articles/0/createdAt").asString())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d+Z");
  }

  @Test
  void malformedAndIncompleteBodiesAre4xxInTheSpecsShape() {
    String token = register("jake");
    TestResponse malformed =
        client
            .post("/api/articles")
            .header("Authorization", token)
            .body("{\"article\": {", "application/json")
            .send();
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(errors(malformed)).singleElement().asString().contains("not valid JSON");

    TestResponse missing =
        client.post("/api/users").json(Map.of("user", Map.of("username", "ann"))).send();
    assertThat(missing.status()).isEqualTo(422);
    assertThat(errors(missing))
        .contains("user.email must not be blank", "user.password must not be blank");

    TestResponse noEnvelope = client.post("/api/users").json(Map.of("username", "ann")).send();
    assertThat(noEnvelope.status()).isEqualTo(422);
    assertThat(errors(noEnvelope)).contains("user must not be null");

    TestResponse wrongType =
        client
            .post("/api/articles")
            .header("Authorization", token)
            .json(
                Map.of(
                    "article",
                    Map.of("title", "t", "description", "d", "body", "b", "tagList", "x")))
            .send();
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(errors(wrongType)).singleElement().asString().startsWith("article.tagList ");

    TestResponse badLimit = client.get("/api/articles").query("limit", "lots").send();
    assertThat(badLimit.status()).isEqualTo(400);
    assertThat(errors(badLimit)).singleElement().asString().contains("'limit'");

    TestResponse empty =
        client.put("/api/user").header("Authorization", token).body("", "application/json").send();
    assertThat(empty.status()).isEqualTo(400);
    assertThat(errors(empty)).isNotEmpty();
  }

  @Test
  void wronglyTypedNulFilledOrOversizedBodiesAre400NamingTheField() {
    TestResponse numericName =
        client
            .post("/api/users")
            .json(
                Map.of(
                    "user",
                    Map.of("username", 12345, "email", "n@example.com", "password", "secret-123")))
            .send();
    assertThat(numericName.status()).isEqualTo(400);
    assertThat(errors(numericName))
        .containsExactly("user.username must be a string, not the number 12345");
    assertThat(client.get("/api/profiles/12345").send().status()).isEqualTo(404); // not stored

    String token = register("jake");
    var tags = java.util.Collections.nCopies(20_000, "tag");
    TestResponse tooManyTags =
        client
            .post("/api/articles")
            .header("Authorization", token)
            .json(
                Map.of(
                    "article",
                    Map.of("title", "t", "description", "d", "body", "b", "tagList", tags)))
            .send();
    assertThat(tooManyTags.status()).isEqualTo(400);
    assertThat(errors(tooManyTags))
        .containsExactly("article.tagList has 20000 elements; at most 1000 are allowed");

    TestResponse nul =
        client
            .post("/api/articles")
            .header("Authorization", token)
            .body(
                "{\"article\": {\"title\": \"a\\u0000b\", \"description\": \"d\", \"body\": \"b\"}}",
                "application/json")
            .send();
    assertThat(nul.status()).isEqualTo(400);
    assertThat(errors(nul))
        .containsExactly("article.title contains a NUL character (U+0000) at index 1; remove it");
    TestResponse nulTag = client.get("/api/articles").query("tag", "a\0").send();
    assertThat(nulTag.status()).isEqualTo(400);
    assertThat(client.get("/api/articles").send().json().at("/articlesCount").asInt()).isZero();
  }

  @Test
  void aTakenUsernameOrEmailIs422() {
    register("jake");
    TestResponse sameName = signUp("jake", "other@example.com");
    assertThat(sameName.status()).isEqualTo(422);
    assertThat(errors(sameName)).containsExactly("username has already been taken");
    TestResponse sameEmail = signUp("other", "jake@example.com");
    assertThat(sameEmail.status()).isEqualTo(422);
    assertThat(errors(sameEmail)).containsExactly("email has already been taken");
  }

  @Test
  void credentialsAreCheckedAndAnonymousWritesAre401() {
    register("jake");
    TestResponse wrong =
        client
            .post("/api/users/login")
            .json(Map.of("user", Map.of("email", "jake@example.com", "password", "wrong-one")))
            .send();
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(errors(wrong)).containsExactly("email or password is invalid");
    assertThat(client.get("/api/user").send().status()).isEqualTo(401);
    TestResponse forged =
        client.get("/api/user").header("Authorization", "Token abc.def.ghi").send();
    assertThat(forged.status()).isEqualTo(401);
    assertThat(errors(forged)).isNotEmpty();
    assertThat(client.post("/api/articles").json(Map.of()).send().status()).isEqualTo(401);
  }

  @Test
  void signedTokensOfNoAccountAre401WithAChallengeOnEveryRoute() throws Exception {
    client.close();
    String secret = "a-conduit-test-secret-of-at-least-32-bytes";
    client = TestClient.inProcess(app("--keel.security.jwt.secret=" + secret));
    String jake = register("jake");
    byte[] key = secret.getBytes(StandardCharsets.UTF_8);
    Jwt sameKey = Jwt.builder().key(JwtKey.hmac("k1", key)).build(); // what a leaked key signs
    var tokens = new java.util.ArrayList<String>();
    for (String id : List.of("999999", "0", "-1", "abc", "1.5", "1e3", "99999999999999999999")) {
      tokens.add(sameKey.issue(Principal.of(id)));
    }
    long now = Instant.now().getEpochSecond();
    var nullSub =
        new JWSObject(
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(),
            new Payload(
                "{\"sub\":null,\"iss\":\"keel\",\"aud\":\"keel\",\"iat\":"
                    + now
                    + ",\"exp\":"
                    + (now + 600)
                    + "}"));
    nullSub.sign(new MACSigner(key));
    tokens.add(nullSub.serialize());
    for (String token : tokens) {
      for (TestRequest request :
          List.of(
              client.get("/api/user"),
              client.put("/api/user").json(Map.of("user", Map.of("bio", "x"))),
              client.post("/api/articles").json(Map.of()),
              client.post("/api/profiles/jake/follow"),
              client.get("/api/articles/feed"),
              client.get("/api/articles"))) {
        TestResponse r = request.header("Authorization", "Token " + token).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(401);
        assertThat(r.header("WWW-Authenticate").orElseThrow())
            .startsWith("Token realm=\"keel\", error=\"invalid_token\"");
        assertThat(errors(r))
            .singleElement()
            .asString()
            .startsWith("the credentials were rejected");
      }
    }
    assertThat(client.get("/api/user").header("Authorization", jake).send().status())
        .isEqualTo(200);
  }

  @Test
  void theAuthorizationHeaderIsTokenOneSpaceAndTheJwt() {
    String jwt = register("jake").substring("Token ".length());
    assertThat(client.get("/api/user").header("Authorization", "token " + jwt).send().status())
        .isEqualTo(200);
    for (String malformed :
        List.of(
            "Token  " + jwt,
            "Token\t" + jwt,
            "Bearer " + jwt,
            "Token " + jwt + " junk",
            "Token " + jwt + ",x",
            "Token",
            "Token" + jwt)) {
      TestResponse r = client.get("/api/user").header("Authorization", malformed).send();
      assertThat(r.status()).as(malformed).isEqualTo(401);
      assertThat(r.header("WWW-Authenticate").orElseThrow())
          .startsWith("Token realm=\"keel\", error=\"invalid_request\"");
      assertThat(errors(r))
          .singleElement()
          .asString()
          .startsWith("the Authorization header must read 'Token <token>'");
    }
  }

  @Test
  void onlyTheAuthorMayChangeOrDeleteAnArticleOrComment() {
    String jake = register("jake");
    String ann = register("ann");
    String slug = article(jake, "Mine", List.of());
    Map<String, Object> edit = Map.of("article", Map.of("title", "Hers now"));
    TestResponse put =
        client.put("/api/articles/" + slug).header("Authorization", ann).json(edit).send();
    assertThat(put.status()).isEqualTo(403);
    assertThat(errors(put)).isNotEmpty();
    assertThat(client.delete("/api/articles/" + slug).header("Authorization", ann).send().status())
        .isEqualTo(403);

    TestResponse comment =
        client
            .post("/api/articles/" + slug + "/comments")
            .header("Authorization", jake)
            .json(Map.of("comment", Map.of("body", "first")))
            .send();
    long id = comment.json().at("/comment/id").asLong();
    String path = "/api/articles/" + slug + "/comments/" + id;
    assertThat(client.delete(path).header("Authorization", ann).send().status()).isEqualTo(403);
    assertThat(client.delete(path).header("Authorization", jake).send().status()).isEqualTo(204);
    assertThat(client.delete(path).header("Authorization", jake).send().status()).isEqualTo(404);

    TestResponse renamed =
        client.put("/api/articles/" + slug).header("Authorization", jake).json(edit).send();
    assertThat(renamed.status()).isEqualTo(200);
    assertThat(renamed.json().at("/article/slug").asString()).startsWith("hers-now-");
    String newSlug = renamed.json().at("/article/slug").asString();
    assertThat(
            client.delete("/api/articles/" + newSlug).header("Authorization", jake).send().status())
        .isEqualTo(204);
    assertThat(client.get("/api/articles/" + newSlug).send().status()).isEqualTo(404);
  }

  @Test
  void unknownSlugsAndUsersAre404() {
    String jake = register("jake");
    for (TestResponse r :
        List.of(
            client.get("/api/articles/nope").send(),
            client.get("/api/articles/nope/comments").send(),
            client.post("/api/articles/nope/favorite").header("Authorization", jake).send(),
            client
                .put("/api/articles/nope")
                .header("Authorization", jake)
                .json(Map.of("article", Map.of("body", "x")))
                .send(),
            client.get("/api/profiles/nobody").send(),
            client.post("/api/profiles/nobody/follow").header("Authorization", jake).send())) {
      assertThat(r.status()).as(r.text()).isEqualTo(404);
      assertThat(errors(r)).singleElement().asString().startsWith("There is no");
    }
  }

  @Test
  void filtersFeedAndPagingWithoutNPlusOneQueries() {
    String jake = register("jake");
    String ann = register("ann");
    for (int i = 0; i < 12; i++) {
      article(i % 2 == 0 ? jake : ann, "Post " + i, List.of("t" + (i % 3), "all"));
    }
    String favorite = article(ann, "Favorite", List.of("zebra", "apple"));
    client.post("/api/articles/" + favorite + "/favorite").header("Authorization", jake).send();
    client.post("/api/profiles/ann/follow").header("Authorization", jake).send();

    // 13 articles with authors, tags, counts and "following" in constant queries (strict loading)
    JsonNode all =
        client.get("/api/articles").query("limit", 20).header("Authorization", jake).send().json();
    assertThat(all.at("/articlesCount").asInt()).isEqualTo(13);
    assertThat(all.at("/articles/0/tagList").toString()).isEqualTo("[\"apple\",\"zebra\"]");
    assertThat(all.at("/articles/0/favorited").asBoolean()).isTrue();
    assertThat(all.at("/articles/0/author/following").asBoolean()).isTrue();

    JsonNode page = client.get("/api/articles").query("limit", 5).query("offset", 10).send().json();
    assertThat(page.at("/articles").size()).isEqualTo(3);
    assertThat(page.at("/articlesCount").asInt()).isEqualTo(13);
    assertThat(
            client
                .get("/api/articles")
                .query("tag", "t0")
                .send()
                .json()
                .at("/articlesCount")
                .asInt())
        .isEqualTo(4);
    assertThat(
            client
                .get("/api/articles")
                .query("author", "ann")
                .send()
                .json()
                .at("/articlesCount")
                .asInt())
        .isEqualTo(7);
    assertThat(
            client
                .get("/api/articles")
                .query("favorited", "jake")
                .send()
                .json()
                .at("/articles/0/slug")
                .asString())
        .isEqualTo(favorite);
    JsonNode feed = client.get("/api/articles/feed").header("Authorization", jake).send().json();
    assertThat(feed.at("/articlesCount").asInt()).isEqualTo(7);
    assertThat(feed.at("/articles").valueStream().map(a -> a.at("/author/username").asString()))
        .containsOnly("ann");
    assertThat(client.get("/api/tags").send().json().at("/tags/0").asString()).isEqualTo("all");
  }

  @Test
  void theDemoSeedIsWrittenOnceThroughTheApi() {
    client.close();
    client = TestClient.inProcess(app("--seed"));
    assertThat(client.get("/api/articles").send().json().at("/articlesCount").asInt()).isEqualTo(3);
    client.close();
    client = TestClient.inProcess(app("--seed")); // the same database again: not seeded twice
    assertThat(client.get("/api/articles").send().json().at("/articlesCount").asInt()).isEqualTo(3);
    TestResponse login =
        client
            .post("/api/users/login")
            .json(Map.of("user", Map.of("email", "ann@example.com", "password", Seed.PASSWORD)))
            .send();
    assertThat(login.status()).isEqualTo(200);
  }

  @Test
  void theDocumentDescribesErrorsInTheSpecsShape() {
    JsonNode doc = client.get("/openapi.json").send().json();
    assertThat(doc.toString()).doesNotContain("problem+json");
    assertThat(
            doc.at(
                    "/paths/~1api~1articles~1{slug}/put/responses/422/content/application~1json/schema/$ref")
                .asString())
        .isEqualTo("#/components/schemas/GenericErrorModel");
    assertThat(doc.at("/components/securitySchemes/bearerAuth/description").asString())
        .contains("Token");
  }
}
