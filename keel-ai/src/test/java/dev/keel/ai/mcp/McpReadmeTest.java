package dev.keel.ai.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's MCP example is code of {@link NotesMcp}, which the other MCP tests run. */
class McpReadmeTest {
  @Test
  void everyLineOfTheExampleIsInTheTestedApp() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    String section = readme.substring(readme.indexOf("## MCP server"));
    int start = section.indexOf("```java\n") + "```java\n".length();
    String example = section.substring(start, section.indexOf("```", start));
    String source = Files.readString(Path.of("src/test/java/dev/keel/ai/mcp/NotesMcp.java"));
    assertThat(example.lines().filter(l -> !l.isBlank()).count()).isGreaterThan(20);
    example
        .lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty())
        .forEach(line -> assertThat(source).as("README line not in NotesMcp").contains(line));
  }
}
