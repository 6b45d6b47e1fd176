package dev.keel.examples.conduit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's code excerpts are the source as it is. */
class ReadmeTest {
  private static final Pattern EXCERPT =
      Pattern.compile("<!-- excerpt of (\\S+) -->\\n```java\\n(.*?)```", Pattern.DOTALL);

  @Test
  void everyExcerptIsInTheFileItNames() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    var m = EXCERPT.matcher(readme);
    int found = 0;
    while (m.find()) {
      found++;
      assertThat(Files.readString(Path.of(m.group(1))))
          .as("%s contains the README's excerpt", m.group(1))
          .contains(m.group(2));
    }
    assertThat(found).isPositive();
  }
}
