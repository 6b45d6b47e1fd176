package dev.keel.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.Keel;
import dev.keel.test.TestClient;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** With {@code errorBody}, error responses are documented in the app's shape, not problem+json. */
class ErrorBodyDocumentTest {
  record Errors(List<String> body) {}

  record ErrorModel(Errors errors) {}

  @Test
  void errorResponsesUseTheAppsSchemaAndNoProblemSchemaRemains() {
    Keel app =
        Keel.create("--keel.server.port=0")
            .install(OpenApi.builder().errorBody(ErrorModel.class).build())
            .errorBody(p -> new ErrorModel(new Errors(List.of(p.detail()))))
            .controllers(new ArticlesController());
    try (TestClient client = TestClient.inProcess(app)) {
      JsonNode doc = client.get("/openapi.json").send().json();
      String text = doc.toString();
      assertThat(text).doesNotContain("application/problem+json").doesNotContain("Problem\"");
      JsonNode notFound = doc.at("/paths/~1api~1articles~1{slug}/get/responses/404/content");
      assertThat(notFound.at("/application~1json/schema/$ref").asString())
          .isEqualTo("#/components/schemas/ErrorModel");
      assertThat(doc.at("/components/schemas/Errors/properties/body/type").asString())
          .isEqualTo("array");
      // the app answers in the documented shape
      var missing = client.get("/api/articles/nope").send();
      assertThat(missing.status()).isEqualTo(404);
      assertThat(missing.json().at("/errors/body/0").isString()).isTrue();
    }
  }
}
