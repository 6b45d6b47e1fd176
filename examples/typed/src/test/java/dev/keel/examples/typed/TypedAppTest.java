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

    assertThat(
            client
                .patch("/todos/" + id)
                .json(Map.of("done", true))
                .send()
                .json()
                .get("done")
                .asBoolean())
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
  void optionalFieldsAreEmptyWhenLeftOutOrNullAndPatchChangesOnlyWhatIsSent() {
    JsonNode created = client.post("/todos").json(Map.of("title", "plan")).send().json();
    assertThat(created.get("priority").asString()).isEqualTo("NORMAL");
    assertThat(created.get("due").isNull()).isTrue(); // an empty Optional is written as null
    String todo = "/todos/" + created.get("id").asLong();

    JsonNode dated =
        client.patch(todo).json(Map.of("due", "2026-12-24", "priority", "HIGH")).send().json();
    assertThat(dated.get("due").asString()).isEqualTo("2026-12-24");
    assertThat(dated.get("title").asString()).isEqualTo("plan");

    TestResponse nothing = client.patch(todo).json(Map.of()).send();
    assertThat(nothing.text()).isEqualTo(client.get(todo).send().text());
    TestResponse nulls =
        client
            .patch(todo)
            .body("{\"title\": null, \"due\": null, \"done\": null}", "application/json")
            .send();
    assertThat(nulls.status()).as(nulls.text()).isEqualTo(200);
    assertThat(nulls.json().get("due").asString()).isEqualTo("2026-12-24");
    assertThat(nulls.json().get("title").asString()).isEqualTo("plan");

    TestResponse blank = client.patch(todo).json(Map.of("title", " ")).send();
    assertThat(blank.status()).isEqualTo(422);
    assertThat(blank.json().get("errors").toString())
        .isEqualTo("[{\"field\":\"title\",\"message\":\"must not be blank\"}]");

    JsonNode undated = client.delete(todo + "/due").send().json();
    assertThat(undated.get("due").isNull()).isTrue();
    assertThat(undated.get("priority").asString()).isEqualTo("HIGH");
  }

  @Test
  void anAbsentLimitIsItsDefault() {
    var many = java.util.Collections.nCopies(25, Map.of("title", "t"));
    assertThat(client.post("/todos/bulk").json(many).send().status()).isEqualTo(201);
    JsonNode page = client.get("/todos").send().json();
    assertThat(page.get("total").asInt()).isEqualTo(25);
    assertThat(page.get("items").size()).isEqualTo(20);
    assertThat(client.get("/todos").query("limit", 5).send().json().get("items").size())
        .isEqualTo(5);
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
    assertThat(doc.get("paths").get("/todos/{id}").has("patch")).isTrue();
    assertThat(doc.get("paths").get("/health").get("get").get("summary").asString())
        .isEqualTo("Says the service is up");
    assertThat(
            doc.get("components")
                .get("schemas")
                .get("Todo")
                .get("properties")
                .get("due")
                .toString())
        .isEqualTo("{\"type\":[\"string\",\"null\"],\"format\":\"date\"}");
    assertThat(
            doc.get("components")
                .get("schemas")
                .get("TodoChange")
                .get("properties")
                .get("title")
                .toString())
        .isEqualTo("{\"type\":[\"string\",\"null\"],\"minLength\":1,\"maxLength\":200}");
    assertThat(doc.get("paths").get("/todos").get("get").get("parameters").get(2).toString())
        .isEqualTo(
            "{\"name\":\"limit\",\"in\":\"query\",\"required\":false,"
                + "\"schema\":{\"type\":\"integer\",\"format\":\"int32\",\"minimum\":1,\"maximum\":100,"
                + "\"default\":20}}");
    assertThat(client.get("/docs").send().status()).isEqualTo(200);
    assertThat(client.get("/health").send().text()).isEqualTo("ok");
  }
}
