package dev.keel.examples.typed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The keel-openapi README shows this example's code; this test keeps the two the same. */
class ReadmeTest {
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
}
