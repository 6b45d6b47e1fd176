package dev.keel.ai.rag;

import java.util.List;

/**
 * A generated answer.
 *
 * @param text what the generator wrote, with its {@code [n]} markers
 * @param citations the chunks it cited by number, in number order; all chunks it was given when it
 *     cited none
 */
public record Answer(String text, List<Citation> citations) {
  public Answer {
    citations = List.copyOf(citations);
  }
}
