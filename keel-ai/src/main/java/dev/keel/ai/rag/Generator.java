package dev.keel.ai.rag;

import java.util.List;

/**
 * Writes the answer to a question from numbered context chunks, citing them as {@code [1]}, {@code
 * [2]}... Typically a chat model fed {@link Rag#prompt}; tests use a deterministic one.
 */
@FunctionalInterface
public interface Generator {
  String generate(String question, List<Citation> context);
}
