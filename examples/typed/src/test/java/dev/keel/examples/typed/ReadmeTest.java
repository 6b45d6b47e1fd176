package dev.keel.examples.typed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The READMEs and ADR 0023 show this example's code; these tests keep them the same. */
class ReadmeTest {
  private static final Path CONTROLLER =
      Path.of("src/main/java/dev/keel/examples/typed/TodosController.java");

  @Test
  void theOpenApiReadmeShowsTypedAppAsItIs() throws Exception {
    String readme = Files.readString(Path.of("../../keel-openapi/README.md"));
    String source =
        Files.readString(Path.of("src/main/java/dev/keel/examples/typed/TypedApp.java"));
    int start = readme.indexOf("```java\n") + 8;
    String snippet = readme.substring(start, readme.indexOf("```", start));
    for (String line : snippet.strip().split("\n")) {
      if (line.startsWith("var openApi")
          || line.startsWith("Keel app")
          || line.startsWith("app.start")) {
        continue; // the README inlines what TypedApp splits between app() and main()
      }
      assertThat(source).as("TypedApp.java contains the README line").contains(line.strip());
    }
  }

  @Test
  void theWebReadmeShowsTodosControllerAsItIs() throws Exception {
    String readme = Files.readString(Path.of("../../keel-web/README.md"));
    String source = Files.readString(CONTROLLER);
    containsEveryLine(block(readme, "# keel-web"), source);
    containsEveryLine(block(readme, "## Defaults"), source);
    containsEveryLine(block(readme, "## `Optional` and `null` in JSON bodies"), source);
    containsEveryLine(
        block(readme, "<!-- excerpt of keel-processor/src/test/java/dev/keel/processor/"),
        Files.readString(
            Path.of("../../keel-processor/src/test/java/dev/keel/processor/ItemsController.java")));
  }

  @Test
  void theOptionalAdrShowsTodosControllerAsItIs() throws Exception {
    String adr = Files.readString(Path.of("../../docs/adr/0023-optional-and-null-in-bodies.md"));
    containsEveryLine(block(adr, "**PATCH:**"), Files.readString(CONTROLLER));
  }

  /** The first {@code ```java} block after {@code marker}. */
  private static String block(String markdown, String marker) {
    int at = markdown.indexOf(marker);
    assertThat(at).as("the text has %s", marker).isNotNegative();
    int start = markdown.indexOf("```java\n", at) + 8;
    return markdown.substring(start, markdown.indexOf("```", start));
  }

  /**
   * Every line of {@code snippet} is a line of {@code source}, but for elided ones ({@code …}),
   * lone braces, the registration line and comments at the end of a line.
   */
  private static void containsEveryLine(String snippet, String source) {
    for (String line : snippet.split("\n")) {
      String code = line.replaceAll("\\s+// .*$", "").strip();
      if (code.isEmpty()
          || code.contains("…")
          || code.equals("}")
          || code.startsWith("Keel.create")) {
        continue;
      }
      assertThat(source).as("the source contains the documented line").contains(code);
    }
  }
}
