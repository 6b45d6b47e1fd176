package dev.keel.openapi.spi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonSchemasTest {
  enum Severity {
    LOW,
    HIGH
  }

  record Reason(@NotBlank String text) {}

  record Verdict(
      @NotBlank String summary,
      @Min(0) @Max(10) int score,
      Severity severity,
      List<Reason> reasons,
      Optional<String> note) {}

  record Node(String name, List<Node> children) {}

  @Test
  void aRecordIsInlinedWithItsConstraintsAndNamedTypesUnderDefs() {
    var schema = JsonSchemas.of(Verdict.class);
    assertThat(schema.toString())
        .isEqualTo(
            "{\"type\":\"object\",\"properties\":{"
                + "\"summary\":{\"type\":\"string\",\"minLength\":1},"
                + "\"score\":{\"type\":\"integer\",\"format\":\"int32\",\"minimum\":0,\"maximum\":10},"
                + "\"severity\":{\"$ref\":\"#/$defs/Severity\"},"
                + "\"reasons\":{\"type\":\"array\",\"items\":{\"$ref\":\"#/$defs/Reason\"}},"
                + "\"note\":{\"type\":[\"string\",\"null\"]}},"
                + "\"required\":[\"summary\",\"score\"],"
                + "\"$defs\":{\"Severity\":{\"type\":\"string\",\"enum\":[\"LOW\",\"HIGH\"]},"
                + "\"Reason\":{\"type\":\"object\",\"properties\":{\"text\":{\"type\":\"string\",\"minLength\":1}},"
                + "\"required\":[\"text\"]}}}");
  }

  @Test
  void aRecursiveRecordKeepsItsOwnDefinition() {
    var schema = JsonSchemas.of(Node.class);
    assertThat(schema.get("$defs").has("Node")).isTrue();
    assertThat(schema.at("/properties/children/items/$ref").asString()).isEqualTo("#/$defs/Node");
  }

  @Test
  void aPlainTypeHasNoDefinitions() {
    assertThat(JsonSchemas.of(String.class).toString()).isEqualTo("{\"type\":\"string\"}");
  }
}
