package dev.keel.ai.rag.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts text into chunks of at most {@code size} characters, each starting about {@code overlap}
 * characters before the previous one ended, so a sentence cut at a boundary is whole in one of
 * them. Cuts prefer, in order: a paragraph break, a line or sentence end, a space, within the last
 * half of the window; only a single word longer than that is cut inside.
 */
public final class Chunker {
  private final int size;
  private final int overlap;

  public Chunker(int size, int overlap) {
    if (size < 50) throw new IllegalArgumentException("chunk size: " + size + " (expected: >= 50)");
    if (overlap < 0 || overlap > size / 2) {
      throw new IllegalArgumentException(
          "chunk overlap: " + overlap + " (expected: 0 to half the size, " + size / 2 + ")");
    }
    this.size = size;
    this.overlap = overlap;
  }

  public List<String> chunks(String text) {
    List<String> out = new ArrayList<>();
    int len = text.length();
    int start = skipSpace(text, 0);
    while (start < len) {
      int end = Math.min(len, start + size);
      if (end < len) end = cut(text, start, end);
      String chunk = text.substring(start, end).strip();
      if (!chunk.isEmpty()) out.add(chunk);
      if (end >= len) break;
      int next = overlap == 0 ? end : wordStart(text, Math.max(start + 1, end - overlap), end);
      start = skipSpace(text, Math.max(next, start + 1));
    }
    return out;
  }

  /** The best place to end a chunk that may not pass {@code limit}. */
  private int cut(String text, int start, int limit) {
    int floor = start + size / 2;
    int p = text.lastIndexOf("\n\n", limit - 2);
    if (p >= floor) return p + 2;
    for (int i = limit - 1; i >= floor; i--) {
      char c = text.charAt(i);
      if (c == '\n') return i + 1;
      if ((c == '.' || c == '!' || c == '?')
          && i + 1 < text.length()
          && Character.isWhitespace(text.charAt(i + 1))) {
        return i + 1;
      }
    }
    int space = text.lastIndexOf(' ', limit - 1);
    return space >= floor ? space + 1 : limit;
  }

  /** The start of the first word at or after {@code from}, but not past {@code end}. */
  private static int wordStart(String text, int from, int end) {
    if (from == 0 || Character.isWhitespace(text.charAt(from - 1))) return from;
    for (int i = from; i < end; i++) {
      if (Character.isWhitespace(text.charAt(i))) return i + 1;
    }
    return from; // one long word: overlap inside it
  }

  private static int skipSpace(String text, int i) {
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) i++;
    return i;
  }
}
