package dev.keel.examples.typed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.test.TestClient;
import dev.keel.test.TestResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TypedAppTest {
  private TestClient client;

  @BeforeEach
  void start() {
    client = TestClient.overSocket(TypedApp.app("--keel.server.port=0"));
  }

  @AfterEach
  void stop() {
    client.close();
  }

  @Test
  void createListCompleteAndDeleteATodo() {
    TestResponse created =
        client
            .post("/todos")
            .json(Map.of("title", " buy milk ", "priority", "HIGH", "due", "2026-12-24"))
            .send();
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    JsonNode todo = created.json();
    long id = todo.get("id").asLong();
    assertThat(todo.get("title").asString()).isEqualTo("buy milk");
    assertThat(todo.get("due").asString()).isEqualTo("2026-12-24");

    JsonNode page = client.get("/todos").query("priority", "high").send().json();
    assertThat(page.get("total").asInt()).isEqualTo(1);
    assertThat(client.get("/todos").query("priority", "low").send().json().get("total").asInt())
        .isZero();

    assertThat(client.patch("/todos/" + id + "/done").send().json().get("done").asBoolean())
        .isTrue();
    assertThat(client.get("/todos").query("done", "false").send().json().get("total").asInt())
        .isZero();
    assertThat(client.delete("/todos/" + id).send().status()).isEqualTo(204);
    assertThat(client.get("/todos/" + id).send().status()).isEqualTo(404);
  }

  @Test
  void errorsAreProblemsNamingTheField() {
    TestResponse blank = client.post("/todos").json(Map.of("title", "")).send();
    assertThat(blank.status()).isEqualTo(422);
    assertThat(blank.json().get("errors").toString())
        .isEqualTo("[{\"field\":\"title\",\"message\":\"must not be blank\"}]");

    TestResponse limit = client.get("/todos").query("limit", 500).send();
    assertThat(limit.status()).isEqualTo(422);
    assertThat(limit.json().get("errors").get(0).get("field").asString()).isEqualTo("limit");

    TestResponse typed = client.get("/todos/abc").send();
    assertThat(typed.status()).isEqualTo(400);
    assertThat(typed.json().get("detail").asString()).contains("'id'").contains("abc");

    TestResponse priority = client.get("/todos").query("priority", "urgent").send();
    assertThat(priority.status()).isEqualTo(400);
    assertThat(priority.json().get("detail").asString()).contains("low, normal, high");
  }

  @Test
  void aListBodyIsReadAndEveryElementValidated() {
    TestResponse ok =
        client
            .post("/todos/bulk")
            .json(java.util.List.of(Map.of("title", "a"), Map.of("title", "b")))
            .send();
    assertThat(ok.status()).as(ok.text()).isEqualTo(201);
    assertThat(ok.json().get("total").asInt()).isEqualTo(2);
    TestResponse bad =
        client
            .post("/todos/bulk")
            .json(java.util.List.of(Map.of("title", "a"), Map.of("title", " ")))
            .send();
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.json().get("errors").toString())
        .isEqualTo("[{\"field\":\"[1].title\",\"message\":\"must not be blank\"}]");
  }

  @Test
  void theDocumentAndDocsPageAreServed() {
    JsonNode doc = client.get("/openapi.json").send().json();
    assertThat(doc.get("paths").has("/todos/{id}/done")).isTrue();
    assertThat(doc.get("paths").get("/health").get("get").get("summary").asString())
        .isEqualTo("Says the service is up");
    assertThat(
            doc.get("components")
                .get("schemas")
                .get("Todo")
                .get("properties")
                .get("due")
                .toString())
        .isEqualTo("{\"type\":\"string\",\"format\":\"date\"}");
    assertThat(doc.get("paths").get("/todos").get("get").get("parameters").get(2).toString())
        .isEqualTo(
            "{\"name\":\"limit\",\"in\":\"query\",\"required\":false,"
                + "\"schema\":{\"type\":\"integer\",\"format\":\"int32\",\"minimum\":1,\"maximum\":100}}");
    assertThat(client.get("/docs").send().status()).isEqualTo(200);
    assertThat(client.get("/health").send().text()).isEqualTo("ok");
  }
}
