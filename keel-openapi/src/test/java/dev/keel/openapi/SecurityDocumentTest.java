package dev.keel.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.keel.core.Keel;
import dev.keel.security.Principal;
import dev.keel.security.Security;
import dev.keel.test.TestClient;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code @Requires} and {@code Principal} parameters in the document: schemes, requirements. */
class SecurityDocumentTest {
  private static final String SECRET = "a-test-secret-that-is-at-least-32-bytes-long!";

  private static String document(OpenApi openApi) throws Exception {
    return document(openApi, "Token");
  }

  private static String document(OpenApi openApi, String scheme) throws Exception {
    Keel app =
        Keel.create(
            "--keel.server.port=0",
            "--keel.profile=test",
            "--keel.security.scheme=" + scheme,
            "--keel.security.jwt.secret=" + SECRET);
    Security security = Security.create();
    app.install(security)
        .install(openApi)
        .controllers(new DraftsController(), new DraftsController.MeController());
    try (var client = TestClient.inProcess(app)) {
      // the guard runs too: the document describes what the routes do
      assertThat(client.get("/api/drafts").send().status()).isEqualTo(401);
      String token = security.jwt().issue(Principal.of("ann").withPermissions("drafts:read"));
      var forbidden =
          client
              .post("/api/drafts")
              .header("Authorization", scheme + " " + token)
              .json(java.util.Map.of("text", "x"))
              .send();
      assertThat(forbidden.status()).isEqualTo(403);
      String text = client.get("/openapi.json").send().text();
      SchemaRegistry registry =
          SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
      try (InputStream in =
          SecurityDocumentTest.class.getResourceAsStream("/oas/3.1/schema.json")) {
        Schema oas = registry.getSchema(in);
        assertThat(oas.validate(text, InputFormat.JSON)).isEmpty();
      }
      return text;
    }
  }

  @Test
  void guardedOperationsNameTheBearerSchemeAndTheirPermissions() throws Exception {
    JsonNode doc = JsonMapper.builder().build().readTree(document(OpenApi.create(), "Bearer"));
    assertThat(doc.get("components").get("securitySchemes").toString())
        .isEqualTo(
            "{\"bearerAuth\":{\"type\":\"http\",\"scheme\":\"bearer\",\"bearerFormat\":\"JWT\"}}");
    JsonNode list = doc.get("paths").get("/api/drafts").get("get");
    assertThat(list.get("security").toString()).isEqualTo("[{\"bearerAuth\":[\"drafts:read\"]}]");
    assertThat(list.get("responses").has("401")).isTrue();
    assertThat(list.get("responses").get("403").get("description").asString())
        .isEqualTo("The caller is authenticated but lacks a permission: drafts:read.");
    JsonNode add = doc.get("paths").get("/api/drafts").get("post");
    assertThat(add.get("security").toString())
        .isEqualTo("[{\"bearerAuth\":[\"drafts:read\",\"drafts:write\"]}]");
    assertThat(add.has("parameters")).as("a Principal is no parameter").isFalse();
    JsonNode delete = doc.get("paths").get("/api/drafts/{id}").get("delete");
    assertThat(delete.get("security").get(0).get("bearerAuth").size()).isEqualTo(3);

    JsonNode me = doc.get("paths").get("/api/me").get("get");
    assertThat(me.get("security").toString()).isEqualTo("[{\"bearerAuth\":[]}]");
    assertThat(me.get("responses").has("401")).isTrue();
    assertThat(me.get("responses").has("403")).isFalse();
    JsonNode greeting = doc.get("paths").get("/api/me/greeting").get("get");
    assertThat(greeting.get("security").toString()).isEqualTo("[{},{\"bearerAuth\":[]}]");
    assertThat(greeting.get("responses").has("401")).isFalse();
  }

  @Test
  void theAppNamesItsSchemesAndEachGuardedOperationAcceptsAnyOfThem() throws Exception {
    var openApi =
        OpenApi.builder()
            .authorizationScheme("Token")
            .sessionCookie("keel_session")
            .apiKeyHeader("X-API-Key")
            .build();
    JsonNode doc = JsonMapper.builder().build().readTree(document(openApi));
    JsonNode schemes = doc.get("components").get("securitySchemes");
    assertThat(schemes.get("bearerAuth").toString())
        .isEqualTo(
            "{\"type\":\"apiKey\",\"in\":\"header\",\"name\":\"Authorization\","
                + "\"description\":\"'Token <JWT>'\"}");
    assertThat(schemes.get("sessionCookie").toString())
        .isEqualTo("{\"type\":\"apiKey\",\"in\":\"cookie\",\"name\":\"keel_session\"}");
    assertThat(schemes.get("apiKey").get("name").asString()).isEqualTo("X-API-Key");
    assertThat(doc.get("paths").get("/api/drafts").get("get").get("security").toString())
        .isEqualTo(
            "[{\"bearerAuth\":[\"drafts:read\"]},{\"sessionCookie\":[\"drafts:read\"]},"
                + "{\"apiKey\":[\"drafts:read\"]}]");
    assertThat(doc.get("paths").get("/api/me/greeting").get("get").get("security").toString())
        .isEqualTo("[{},{\"bearerAuth\":[]},{\"sessionCookie\":[]},{\"apiKey\":[]}]");
  }

  @Test
  void keelSecuritySchemeSettingIsTheDefault() throws Exception {
    JsonNode doc = JsonMapper.builder().build().readTree(document(OpenApi.create(), "Token"));
    assertThat(doc.get("components").get("securitySchemes").toString())
        .isEqualTo(
            "{\"bearerAuth\":{\"type\":\"apiKey\",\"in\":\"header\",\"name\":\"Authorization\","
                + "\"description\":\"'Token <JWT>'\"}}");
    assertThat(doc.get("paths").get("/api/drafts").get("get").get("security").toString())
        .isEqualTo("[{\"bearerAuth\":[\"drafts:read\"]}]");
  }
}
