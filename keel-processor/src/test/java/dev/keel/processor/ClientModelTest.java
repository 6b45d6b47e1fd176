package dev.keel.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The client model that {@code keel client} generates from (ADR 0038), for ItemsController. */
class ClientModelTest {
  private static JsonNode model() throws Exception {
    try (InputStream in =
        ClientModelTest.class
            .getClassLoader()
            .getResourceAsStream("META-INF/keel/client/model.json")) {
      assertThat(in).as("model.json written by the processor").isNotNull();
      return JsonMapper.builder().build().readTree(in);
    }
  }

  private static JsonNode operation(JsonNode model, String name) {
    for (JsonNode c : model.get("controllers")) {
      if (!c.get("name").asString().equals("Items")) continue;
      for (JsonNode op : c.get("operations")) {
        if (op.get("name").asString().equals(name)) return op;
      }
    }
    throw new AssertionError("no operation " + name);
  }

  @Test
  void routesCarryParametersBodiesResultsAndErrorShapes() throws Exception {
    JsonNode model = model();
    assertThat(model.get("version").asInt()).isEqualTo(1);
    JsonNode list = operation(model, "list");
    assertThat(list.get("method").asString()).isEqualTo("GET");
    assertThat(list.get("path").asString()).isEqualTo("/api/items");
    JsonNode limit = list.get("params").get(1);
    assertThat(limit.get("name").asString()).isEqualTo("limit");
    assertThat(limit.get("required").asBoolean()).isTrue();
    assertThat(limit.get("java").asString()).isEqualTo("java.lang.Integer");
    assertThat(limit.at("/schema/maximum").asInt()).isEqualTo(100);
    JsonNode colors = list.get("params").get(2);
    assertThat(colors.get("java").asString())
        .isEqualTo("java.util.List<dev.keel.processor.ItemsController.Color>");
    assertThat(list.at("/result/java").asString())
        .isEqualTo(
            "dev.keel.processor.ItemsController.Page<dev.keel.processor.ItemsController.Item>");
    assertThat(list.at("/result/schema/$ref").asString())
        .isEqualTo("#/components/schemas/PageItem");

    JsonNode create = operation(model, "create");
    assertThat(create.at("/result/status").asInt()).isEqualTo(201);
    assertThat(create.at("/body/java").asString())
        .isEqualTo("dev.keel.processor.ItemsController.NewItem");
    assertThat(create.get("params").get(0).get("in").asString()).isEqualTo("header");
    assertThat(create.at("/errors/400").asString()).isEqualTo("Problem");
    assertThat(create.at("/errors/422").asString()).isEqualTo("ValidationProblem");
    assertThat(operation(model, "get").at("/errors/404").asString()).isEqualTo("Problem");
  }

  @Test
  void recordsCarryTheirConstraints() throws Exception {
    JsonNode owner = model().at("/schemas/Owner");
    assertThat(owner.at("/properties/email/format").asString()).isEqualTo("email");
    assertThat(owner.get("required").toString()).isEqualTo("[\"name\",\"email\"]");
    assertThat(model().at("/schemas/Tag/properties/label/maxLength").asInt()).isEqualTo(10);
  }
}
