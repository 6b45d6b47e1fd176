package dev.keel.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.keel.core.Keel;
import dev.keel.test.TestClient;
import dev.keel.test.TestResponse;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

class OpenApiTest {
  record NewNote(@jakarta.validation.constraints.NotBlank String text) {}

  record Note(long id, String text) {}

  private TestClient client;

  @BeforeEach
  void start() {
    var openApi = OpenApi.create();
    Keel app =
        Keel.create("--keel.server.port=0", "--keel.openapi.title=Blog API")
            .install(openApi)
            .controllers(new ArticlesController(), new DraftsController());
    openApi.route(
        app,
        "POST",
        "/notes",
        op -> op.summary("Adds a note").body(NewNote.class).response(201, Note.class),
        ctx -> {
          ctx.status(201);
          return new Note(1, ctx.body(NewNote.class).text());
        });
    openApi.route(
        app,
        "GET",
        "/notes/{id}",
        op -> op.query("verbose", java.util.Optional.class).response(200, Note.class),
        ctx -> new Note(Long.parseLong(ctx.pathParam("id")), "x"));
    client = TestClient.inProcess(app);
  }

  @AfterEach
  void stop() {
    client.close();
  }

  private JsonNode document() {
    TestResponse r = client.get("/openapi.json").send();
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    return r.json();
  }

  @Test
  void theDocumentIsValidOpenApi31() throws Exception {
    String text = client.get("/openapi.json").send().text();
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    Schema oas;
    try (InputStream in = getClass().getResourceAsStream("/oas/3.1/schema.json")) {
      oas = registry.getSchema(in);
    }
    assertThat(oas.validate(text, InputFormat.JSON)).isEmpty();
    // Each schema must also be a valid JSON Schema 2020-12 (the OAS schema only checks it is an
    // object).
    Schema meta =
        registry.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    for (var entry : document().get("components").get("schemas").properties()) {
      assertThat(meta.validate(entry.getValue())).as(entry.getKey()).isEmpty();
    }
  }

  @Test
  void aBrokenDocumentFailsTheValidator() throws Exception {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    try (InputStream in = getClass().getResourceAsStream("/oas/3.1/schema.json")) {
      Schema oas = registry.getSchema(in);
      assertThat(oas.validate("{\"openapi\":\"3.1.1\",\"paths\":{}}", InputFormat.JSON))
          .isNotEmpty(); // info is required
    }
  }

  @Test
  void controllersAreDescribedFromTheirTypesAndJavadoc() {
    JsonNode doc = document();
    assertThat(doc.get("openapi").asString()).isEqualTo("3.1.1");
    assertThat(doc.get("info").get("title").asString()).isEqualTo("Blog API");
    assertThat(doc.get("tags").get(0).toString())
        .isEqualTo("{\"name\":\"Articles\",\"description\":\"Articles of the blog.\"}");

    JsonNode get = doc.get("paths").get("/api/articles/{slug}").get("get");
    assertThat(get.get("summary").asString()).isEqualTo("Finds an article by its slug.");
    assertThat(get.get("description").asString())
        .isEqualTo("Finds an article by its slug.\n\nAnswers 404 when none has it.");
    assertThat(get.get("tags").toString()).isEqualTo("[\"Articles\"]");
    assertThat(get.get("responses").get("200").get("content").get("application/json").toString())
        .isEqualTo("{\"schema\":{\"$ref\":\"#/components/schemas/Article\"}}");
    assertThat(get.get("responses").get("404").get("content").has("application/problem+json"))
        .isTrue();

    JsonNode list = doc.get("paths").get("/api/articles").get("get");
    assertThat(list.get("parameters").toString())
        .isEqualTo(
            "[{\"name\":\"tag\",\"in\":\"query\",\"required\":false,\"schema\":{\"type\":\"string\"}},"
                + "{\"name\":\"limit\",\"in\":\"query\",\"required\":false,"
                + "\"schema\":{\"type\":\"integer\",\"format\":\"int32\",\"maximum\":100,"
                + "\"default\":20}},"
                + "{\"name\":\"state\",\"in\":\"query\",\"required\":false,"
                + "\"schema\":{\"type\":\"array\",\"items\":{\"$ref\":\"#/components/schemas/State\"}}},"
                + "{\"name\":\"order\",\"in\":\"query\",\"required\":false,"
                + "\"schema\":{\"$ref\":\"#/components/schemas/Order\",\"default\":\"NEWEST\"}}]");
    assertThat(list.get("responses").get("200").toString())
        .contains("#/components/schemas/PageArticle");
    assertThat(list.get("responses").get("422").toString())
        .contains("#/components/schemas/ValidationProblem");

    JsonNode create = doc.get("paths").get("/api/articles").get("post");
    assertThat(create.get("requestBody").toString())
        .isEqualTo(
            "{\"required\":true,\"content\":{\"application/json\":"
                + "{\"schema\":{\"$ref\":\"#/components/schemas/NewArticle\"}}}}");
    assertThat(create.get("responses").has("201")).isTrue();
    assertThat(create.get("parameters").get(0).get("in").asString()).isEqualTo("header");
    JsonNode delete = doc.get("paths").get("/api/articles/{slug}").get("delete");
    assertThat(delete.get("responses").get("204").toString())
        .isEqualTo("{\"description\":\"No Content\"}");
  }

  @Test
  void schemasCarryRequiredFormatsConstraintsEnumsAndResolvedGenerics() {
    JsonNode schemas = document().get("components").get("schemas");
    JsonNode newArticle = schemas.get("NewArticle");
    assertThat(newArticle.get("required").toString()).isEqualTo("[\"title\"]");
    assertThat(newArticle.get("properties").get("title").toString())
        .isEqualTo("{\"type\":\"string\",\"minLength\":1,\"maxLength\":120}");
    assertThat(newArticle.get("properties").get("summary").toString())
        .isEqualTo("{\"type\":[\"string\",\"null\"],\"maxLength\":300}");
    assertThat(newArticle.get("properties").get("slug").get("pattern").asString())
        .isEqualTo("[a-z0-9-]+");
    assertThat(newArticle.get("properties").get("author").toString())
        .isEqualTo("{\"$ref\":\"#/components/schemas/Author\"}");
    assertThat(schemas.get("Author").get("properties").get("email").get("format").asString())
        .isEqualTo("email");
    assertThat(schemas.get("State").toString())
        .isEqualTo("{\"type\":\"string\",\"enum\":[\"DRAFT\",\"PUBLISHED\"]}");
    JsonNode article = schemas.get("Article").get("properties");
    assertThat(article.get("id").get("format").asString()).isEqualTo("uuid");
    assertThat(article.get("createdAt").get("format").asString()).isEqualTo("date-time");
    assertThat(schemas.get("PageArticle").get("properties").get("items").toString())
        .isEqualTo("{\"type\":\"array\",\"items\":{\"$ref\":\"#/components/schemas/Article\"}}");
    assertThat(schemas.get("ValidationProblem").get("required").toString()).contains("errors");
  }

  @Test
  void functionalRoutesAppearWithTheirDeclaredTypes() {
    JsonNode doc = document();
    JsonNode post = doc.get("paths").get("/notes").get("post");
    assertThat(post.get("summary").asString()).isEqualTo("Adds a note");
    assertThat(post.get("requestBody").toString()).contains("#/components/schemas/NewNote");
    assertThat(post.get("responses").get("201").toString()).contains("#/components/schemas/Note");
    JsonNode schemas = doc.get("components").get("schemas");
    assertThat(schemas.get("NewNote").toString())
        .isEqualTo(
            "{\"type\":\"object\",\"properties\":{\"text\":{\"type\":\"string\",\"minLength\":1}},"
                + "\"required\":[\"text\"]}");
    assertThat(schemas.get("Note").get("required").toString()).isEqualTo("[\"id\"]");
    JsonNode get = doc.get("paths").get("/notes/{id}").get("get");
    assertThat(get.get("parameters").get(0).toString())
        .isEqualTo(
            "{\"name\":\"id\",\"in\":\"path\",\"required\":true,\"schema\":{\"type\":\"string\"}}");
    assertThat(get.get("parameters").get(1).get("required").asBoolean()).isFalse();
    assertThat(doc.get("tags").toString()).contains("\"notes\"");
  }

  @Test
  void theYamlDocumentIsTheSameDocument() {
    TestResponse r = client.get("/openapi.yaml").send();
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/yaml"));
    JsonNode yaml = YAMLMapper.builder().build().readTree(r.body());
    assertThat(yaml)
        .isEqualTo(
            JsonMapper.builder().build().readTree(client.get("/openapi.json").send().body()));
  }

  @Test
  void theDocsPageAndItsAssetsAreServedLocally() {
    TestResponse page = client.get("/docs").send();
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
    assertThat(page.text())
        .contains("<title>Blog API: API docs</title>")
        .doesNotContain("https://");
    for (var asset :
        Map.of(
                "/docs/swagger-ui.css", "text/css",
                "/docs/swagger-ui-bundle.js", "javascript",
                "/docs/init.js", "javascript")
            .entrySet()) {
      assertThat(page.text()).contains("\"" + asset.getKey() + "\"");
      TestResponse r = client.get(asset.getKey()).send();
      assertThat(r.status()).as(asset.getKey()).isEqualTo(200);
      assertThat(r.header("Content-Type"))
          .hasValueSatisfying(v -> assertThat(v).contains(asset.getValue()));
      assertThat(r.body().length).isGreaterThan(50);
    }
    assertThat(client.get("/docs/init.js").send().text()).contains("url: \"/openapi.json\"");
    assertThat(client.get("/docs/../pom.xml").send().status()).isEqualTo(404);
  }

  @Test
  void theDocsPageKeepsItsOwnContentSecurityPolicyUnderSecureHeaders() {
    Keel app =
        Keel.create("--keel.server.port=0")
            .use(dev.keel.core.SecureHeaders.middleware())
            .install(OpenApi.create());
    try (TestClient c = TestClient.inProcess(app)) {
      String policy = c.get("/docs").send().header("Content-Security-Policy").orElseThrow();
      assertThat(policy).contains("default-src 'self'").contains("img-src 'self' data:");
      assertThat(policy).doesNotContain("script-src").doesNotContain("unsafe-eval");
    }
  }

  @Test
  void theDocumentCanBeTurnedOffForDocsButStaysForTheApi() {
    Keel app =
        Keel.create("--keel.server.port=0", "--keel.openapi.docs=false").install(OpenApi.create());
    try (TestClient c = TestClient.inProcess(app)) {
      assertThat(c.get("/docs").send().status()).isEqualTo(404);
      assertThat(c.get("/openapi.json").send().json().get("paths").size()).isZero();
    }
  }
}
