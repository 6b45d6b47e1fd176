package dev.keel.ai.rag.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChunkerTest {
  private static final String TEXT =
      IntStream.rangeClosed(1, 40)
          .mapToObj(i -> "Sentence number " + i + " says something about topic " + i + ".")
          .collect(Collectors.joining(" "));

  @Test
  void chunksStayUnderTheSizeEndAtSentencesAndOverlap() {
    List<String> chunks = new Chunker(200, 60).chunks(TEXT);
    assertThat(chunks).hasSizeGreaterThan(10);
    for (int i = 0; i < chunks.size(); i++) {
      String c = chunks.get(i);
      assertThat(c.length()).isLessThanOrEqualTo(200);
      assertThat(c).as("chunk %d ends at a sentence", i).endsWith(".");
      if (i > 0) {
        // the start of this chunk repeats the end of the previous one
        String head = c.substring(0, 20);
        assertThat(chunks.get(i - 1)).as("chunk %d overlaps", i).contains(head);
      }
    }
    // nothing is lost: every sentence is whole in some chunk
    for (int n = 1; n <= 40; n++) {
      String s = "Sentence number " + n + " says something about topic " + n + ".";
      assertThat(chunks).anySatisfy(c -> assertThat(c).contains(s));
    }
  }

  @Test
  void paragraphBreaksArePreferredAndNoOverlapMeansNoRepeats() {
    String text =
        "a".repeat(30)
            + " first paragraph.\n\n"
            + "b".repeat(30)
            + " second one, longer than that.";
    List<String> chunks = new Chunker(60, 0).chunks(text);
    assertThat(chunks)
        .containsExactly(
            "a".repeat(30) + " first paragraph.",
            "b".repeat(30) + " second one, longer than that.");
  }

  @Test
  void aShortTextIsOneChunkAndAWordLongerThanTheSizeIsCut() {
    assertThat(new Chunker(100, 20).chunks("  just this.  ")).containsExactly("just this.");
    assertThat(new Chunker(100, 20).chunks("   ")).isEmpty();
    List<String> cut = new Chunker(50, 10).chunks("x".repeat(120));
    assertThat(cut).allSatisfy(c -> assertThat(c.length()).isLessThanOrEqualTo(50));
    assertThat(String.join("", cut).length()).isGreaterThanOrEqualTo(120);
  }

  @Test
  void badSettingsAreRefused() {
    assertThatThrownBy(() -> new Chunker(10, 0)).hasMessageContaining("chunk size: 10");
    assertThatThrownBy(() -> new Chunker(100, 80))
        .hasMessageContaining("chunk overlap: 80 (expected: 0 to half the size, 50)");
  }
}
