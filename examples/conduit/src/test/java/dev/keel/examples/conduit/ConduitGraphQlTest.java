package dev.keel.examples.conduit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.test.TestClient;
import dev.keel.test.TestResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Conduit's GraphQL endpoint over the data the REST API wrote. SQLite with strict loading on: a
 * page of 20 articles with authors, tags and comments fails if any relation is loaded per row.
 */
class ConduitGraphQlTest {
  @TempDir Path dir;
  private TestClient client;

  @BeforeEach
  void start() {
    client =
        TestClient.inProcess(
            ConduitApp.app(
                "--keel.db.url=jdbc:sqlite:" + dir.resolve("conduit.db"),
                "--keel.db.strict-loading=true"));
  }

  @AfterEach
  void stop() {
    client.close();
  }

  private String register(String name) {
    TestResponse r =
        client
            .post("/api/users")
            .json(
                Map.of(
                    "user",
                    Map.of(
                        "username",
                        name,
                        "email",
                        name + "@example.com",
                        "password",
                        "secret-123")))
            .send();
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

  private JsonNode graphql(String token, String query) {
    var request = client.post("/graphql");
    if (token != null) request.header("Authorization", token);
    TestResponse r = request.json(Map.of("query", query)).send();
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    assertThat(r.json().has("errors")).as(r.text()).isFalse();
    return r.json().get("data");
  }

  @Test
  void twentyArticlesWithAuthorsTagsAndCommentsInOneRequest() {
    List<String> tokens = List.of(register("ann"), register("bob"), register("cy"));
    for (int i = 0; i < 20; i++) {
      String slug = article(tokens.get(i % 3), "Post " + i, List.of("t" + i % 2, "all"));
      client
          .post("/api/articles/" + slug + "/comments")
          .header("Authorization", tokens.get((i + 1) % 3))
          .json(Map.of("comment", Map.of("body", "nice " + i)))
          .send();
    }
    client.post("/api/profiles/bob/follow").header("Authorization", tokens.get(0)).send();

    JsonNode data =
        graphql(
            tokens.get(0),
            "{ articles(limit: 20) { slug title tagList author { username following }"
                + " comments { body author { username } } } }");
    JsonNode articles = data.get("articles");
    assertThat(articles).hasSize(20);
    JsonNode newest = articles.get(0); // "Post 19", by bob (19 % 3 == 1), commented by cy
    assertThat(newest.get("title").asString()).isEqualTo("Post 19");
    assertThat(newest.get("author").get("username").asString()).isEqualTo("bob");
    assertThat(newest.get("author").get("following").asBoolean()).isTrue();
    assertThat(newest.get("tagList").toString()).isEqualTo("[\"all\",\"t1\"]");
    assertThat(newest.get("comments").get(0).get("body").asString()).isEqualTo("nice 19");
    assertThat(newest.get("comments").get(0).get("author").get("username").asString())
        .isEqualTo("cy");
  }

  @Test
  void profilesTagsAndOneArticle() {
    String ann = register("ann");
    String slug = article(ann, "Hello GraphQL", List.of("graphql"));
    JsonNode data =
        graphql(
            null,
            "{ profile(username: \"ann\") { username bio } tags"
                + " article(slug: \""
                + slug
                + "\") { title author { username } } }");
    assertThat(data.get("profile").get("username").asString()).isEqualTo("ann");
    assertThat(data.get("tags").toString()).isEqualTo("[\"graphql\"]");
    assertThat(data.get("article").get("author").get("username").asString()).isEqualTo("ann");

    TestResponse missing =
        client
            .post("/graphql")
            .json(Map.of("query", "{ article(slug: \"nope\") { title } }"))
            .send();
    assertThat(missing.json().at("/errors/0/message").asString())
        .isEqualTo("There is no article nope.");
  }
}
