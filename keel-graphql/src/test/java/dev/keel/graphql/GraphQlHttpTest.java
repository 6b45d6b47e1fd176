package dev.keel.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.test.TestClient;
import dev.keel.test.TestResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class GraphQlHttpTest {
  static Blog blog;
  static TestClient client;

  @BeforeAll
  static void start() throws Exception {
    blog = new Blog(Map.of("keel.graphql.max-depth", "4", "keel.graphql.max-complexity", "60"));
    client = TestClient.overSocket(blog.app);
    blog.seed();
  }

  @AfterAll
  static void stop() {
    client.close();
    blog.app.stop();
  }

  private static TestResponse post(String query) {
    return client.post("/graphql").json(Map.of("query", query)).send();
  }

  @Test
  void twentyArticlesWithAuthorsAndTagsCostThreeStatementsUnderStrictLoading() {
    blog.statements.set(0);
    TestResponse r = post("{ articles(limit: 20) { slug author { name } tags { name } } }");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Type")).hasValue("application/graphql-response+json");
    JsonNode articles = r.json().get("data").get("articles");
    assertThat(articles).hasSize(20);
    assertThat(articles.get(0).get("author").get("name").asString()).isEqualTo("Author 2");
    assertThat(articles.get(1).get("tags").toString()).contains("graphql").contains("java");
    assertThat(r.json().has("errors")).isFalse();
    assertThat(blog.statements.get()).isEqualTo(3); // articles, authors, tags
  }

  @Test
  void theSchemaComesFromTheRecordsAtBuildTime() {
    String sdl = client.get("/graphql/schema.graphql").send().text();
    assertThat(sdl)
        .contains("articles(limit: Int!, order: Order): [Article!]!")
        .contains("author: Author")
        .contains("tags: [Tag!]")
        .contains("authorId: Long!")
        .contains("createArticle(input: NewArticleInput!): Article")
        .contains("articleAdded: Article")
        .contains("enum Order");
  }

  @Test
  void getRunsQueriesButNotMutations() {
    TestResponse r =
        client.get("/graphql").query("query", "{ article(slug: \"article-3\") { title } }").send();
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("data").get("article").get("title").asString()).isEqualTo("Article 3");
    TestResponse m =
        client
            .get("/graphql")
            .query("query", "mutation { createArticle(input: {slug: \"x\", title: \"x\"}) { id } }")
            .send();
    assertThat(m.status()).isEqualTo(405);
    assertThat(m.header("Allow")).hasValue("POST");
    assertThat(m.json().get("type").asString()).endsWith("/graphql-mutation-get");
  }

  @Test
  void malformedRequestsGetAClearProblem() {
    TestResponse json = client.post("/graphql").body("{\"query\": ", "application/json").send();
    assertThat(json.status()).isEqualTo(400);
    assertThat(json.header("Content-Type")).hasValue("application/problem+json");
    assertThat(json.json().get("type").asString()).endsWith("/graphql-request");
    assertThat(json.json().get("detail").asString()).contains("not valid JSON");

    TestResponse noQuery = client.post("/graphql").json(Map.of("variables", Map.of())).send();
    assertThat(noQuery.status()).isEqualTo(400);
    assertThat(noQuery.json().get("detail").asString()).contains("needs a 'query'");

    TestResponse badType = client.post("/graphql").json(Map.of("query", 42)).send();
    assertThat(badType.status()).isEqualTo(400);
    assertThat(badType.json().get("detail").asString()).contains("'query' must be a string");

    TestResponse text = client.post("/graphql").body("{ articles }", "text/plain").send();
    assertThat(text.status()).isEqualTo(415);
    assertThat(text.json().get("type").asString()).endsWith("/graphql-media-type");

    TestResponse html =
        client
            .post("/graphql")
            .header("Accept", "text/html")
            .json(Map.of("query", "{ __typename }"))
            .send();
    assertThat(html.status()).isEqualTo(406);

    TestResponse vars =
        client.get("/graphql").query("query", "{ __typename }").query("variables", "{oops").send();
    assertThat(vars.status()).isEqualTo(400);
    assertThat(vars.json().get("detail").asString()).contains("'variables' is not valid JSON");
  }

  @Test
  void syntaxAndValidationErrorsAreGraphQlErrorsWith400() {
    TestResponse syntax = post("{ articles(limit: ) { slug }");
    assertThat(syntax.status()).isEqualTo(400);
    assertThat(syntax.header("Content-Type")).hasValue("application/graphql-response+json");
    assertThat(syntax.json().has("data")).isFalse();
    assertThat(syntax.json().get("errors").get(0).get("message").asString())
        .contains("Invalid syntax");

    TestResponse unknown = post("{ articles(limit: 1) { nope } }");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().get("errors").get(0).get("message").asString()).contains("nope");
  }

  @Test
  void legacyJsonClientsGet200() {
    TestResponse r =
        client
            .post("/graphql")
            .header("Accept", "application/json")
            .json(Map.of("query", "{ nope }"))
            .send();
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Type")).hasValue("application/json");
    assertThat(r.json().get("errors")).isNotEmpty();
  }

  @Test
  void depthAndComplexityLimitsSayWhatToDo() {
    TestResponse deep =
        post(
            "{ articles(limit: 1) { author { id } tags { name } } a: __schema { types { fields { type { name } } } } }");
    assertThat(deep.status()).isEqualTo(400);
    JsonNode e = deep.json().get("errors").get(0);
    assertThat(e.get("extensions").get("code").asString()).isEqualTo("QUERY_TOO_DEEP");
    assertThat(e.get("message").asString())
        .contains("the limit is 4")
        .contains("keel.graphql.max-depth");

    var many = new StringBuilder("{ articles(limit: 1) {");
    for (int i = 0; i < 70; i++) many.append(" a").append(i).append(": slug");
    TestResponse wide = post(many.append(" } }").toString());
    assertThat(wide.status()).isEqualTo(400);
    assertThat(wide.json().get("errors").get(0).get("extensions").get("code").asString())
        .isEqualTo("QUERY_TOO_COMPLEX");
  }

  @Test
  void fieldsWithRequiresNeedThePermission() {
    TestResponse anonymous = post("{ articleCount }");
    assertThat(anonymous.status()).isEqualTo(200);
    JsonNode error = anonymous.json().get("errors").get(0);
    assertThat(error.get("extensions").get("code").asString()).isEqualTo("UNAUTHENTICATED");
    assertThat(error.get("path").get(0).asString()).isEqualTo("articleCount");

    TestResponse without =
        client
            .post("/graphql")
            .header("X-Test-User", "1 articles:read")
            .json(Map.of("query", "{ articleCount }"))
            .send();
    assertThat(without.json().get("errors").get(0).get("extensions").get("code").asString())
        .isEqualTo("FORBIDDEN");
    assertThat(without.json().get("errors").get(0).get("message").asString())
        .contains("stats:read");

    TestResponse with =
        client
            .post("/graphql")
            .header("X-Test-User", "1 stats:read")
            .json(Map.of("query", "{ articleCount }"))
            .send();
    assertThat(with.json().has("errors")).isFalse();
    assertThat(with.json().get("data").get("articleCount").asInt()).isGreaterThanOrEqualTo(20);
  }

  @Test
  void resolverProblemsBecomeGraphQlErrorsWithoutStackTraces() {
    TestResponse r = post("{ article(slug: \"missing\") { title } }");
    assertThat(r.status()).isEqualTo(200);
    JsonNode e = r.json().get("errors").get(0);
    assertThat(e.get("message").asString()).isEqualTo("No article 'missing'.");
    assertThat(e.get("extensions").get("status").asInt()).isEqualTo(404);
    assertThat(e.get("extensions").get("code").asString()).isEqualTo("NOT_FOUND");
    assertThat(r.text()).doesNotContain("NotFound").doesNotContain("at dev.");
  }

  @Test
  void inputRecordsAreValidatedLikeRequestBodies() {
    TestResponse r =
        client
            .post("/graphql")
            .header("X-Test-User", "1 articles:write")
            .json(
                Map.of(
                    "query",
                    "mutation { createArticle(input: {slug: \"v\", title: \" \"}) { id } }"))
            .send();
    JsonNode e = r.json().get("errors").get(0);
    assertThat(e.get("extensions").get("code").asString()).isEqualTo("VALIDATION");
    assertThat(e.get("extensions").get("status").asInt()).isEqualTo(422);
    assertThat(e.get("extensions").get("errors").get(0).get("field").asString())
        .isEqualTo("input.title");
    assertThat(client.get("/graphql/schema.graphql").send().text())
        .contains("input NewArticleInput {\n  slug: String!\n  title: String!\n}");
  }

  @Test
  void variablesAndEnumsAndInputRecords() {
    TestResponse r =
        client
            .post("/graphql")
            .json(
                Map.of(
                    "query",
                    "query($n: Int!, $o: Order) { articles(limit: $n, order: $o) { slug } }",
                    "variables",
                    Map.of("n", 2, "o", "NEWEST")))
            .send();
    assertThat(r.json().get("data").get("articles").get(0).get("slug").asString())
        .isEqualTo("article-20");
  }
}
