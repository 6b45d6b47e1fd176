package dev.keel.openapi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class ReflectSchemasTest {
  enum Color {
    RED
  }

  /** A PATCH body: every field may be left out or null; a value that is sent is constrained. */
  record NoteChange(
      Optional<@NotBlank @Size(max = 20) String> title,
      @Size(max = 5) Optional<String> tag,
      Optional<Color> color) {}

  @Test
  void anOptionalPropertyIsNullableAndConstrainedByItsValuesConstraints() {
    ObjectNode components = JsonNodeFactory.instance.objectNode();
    new ReflectSchemas(components).of(NoteChange.class);
    assertThat(components.get("NoteChange").toString())
        .isEqualTo(
            "{\"type\":\"object\",\"properties\":{"
                + "\"title\":{\"type\":[\"string\",\"null\"],\"minLength\":1,\"maxLength\":20},"
                + "\"tag\":{\"type\":[\"string\",\"null\"],\"maxLength\":5},"
                + "\"color\":{\"anyOf\":[{\"$ref\":\"#/components/schemas/Color\"},"
                + "{\"type\":\"null\"}]}}}");
  }
}
