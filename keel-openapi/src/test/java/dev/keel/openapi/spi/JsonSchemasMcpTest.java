package dev.keel.openapi.spi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class JsonSchemasMcpTest {
  enum Priority {
    LOW,
    HIGH
  }

  record Tag(@NotBlank String name) {}

  record Task(
      @NotBlank String title,
      @Max(10) int effort,
      Priority priority,
      List<Tag> tags,
      Optional<String> note) {}

  record Node(String name, List<Node> children) {}

  @Test
  void aRecordIsInlinedAtTheRootWithItsNamedTypesUnderDefs() {
    ObjectNode schema = JsonSchemas.of(Task.class);
    assertThat(schema.get("type").asString()).isEqualTo("object");
    assertThat(schema.at("/properties/title/minLength").asInt()).isEqualTo(1);
    assertThat(schema.at("/properties/effort/maximum").asInt()).isEqualTo(10);
    assertThat(schema.at("/properties/priority/$ref").asString()).isEqualTo("#/$defs/Priority");
    assertThat(schema.at("/properties/tags/items/$ref").asString()).isEqualTo("#/$defs/Tag");
    assertThat(schema.at("/properties/note/type").toString()).isEqualTo("[\"string\",\"null\"]");
    assertThat(schema.get("required").toString()).isEqualTo("[\"title\",\"effort\"]");
    assertThat(schema.at("/$defs/Priority/enum").toString()).isEqualTo("[\"LOW\",\"HIGH\"]");
    assertThat(schema.at("/$defs/Tag/properties/name/minLength").asInt()).isEqualTo(1);
    assertThat(schema.at("/$defs").has("Task")).isFalse();
    assertThat(schema.toString()).doesNotContain("#/components/");
  }

  @Test
  void aRecursiveRecordKeepsItsDefinitionForItsReferences() {
    ObjectNode schema = JsonSchemas.of(Node.class);
    assertThat(schema.get("type").asString()).isEqualTo("object");
    assertThat(schema.at("/properties/children/items/$ref").asString()).isEqualTo("#/$defs/Node");
    assertThat(schema.at("/$defs/Node/properties/children/items/$ref").asString())
        .isEqualTo("#/$defs/Node");
  }

  @Test
  void plainTypesHaveNoDefs() {
    assertThat(JsonSchemas.of(String.class).toString()).isEqualTo("{\"type\":\"string\"}");
  }
}
