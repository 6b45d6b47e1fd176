package dev.keel.core.internal.router;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * Splits a raw path into segments and percent-decodes each one as UTF-8; also decodes the parts of
 * query strings and form bodies, with the same strictness.
 */
public final class PercentDecoder {
  /** Long segments are cut in error messages; the message may end up in logs. */
  private static final int MAX_ECHO = 80;

  private PercentDecoder() {}

  /**
   * Decodes every segment of {@code path} (which starts with '/'). Splitting happens before
   * decoding, so {@code %2F} stays inside its segment.
   */
  static String[] decodeSegments(String path) {
    int count = 1;
    for (int i = 1; i < path.length(); i++) {
      if (path.charAt(i) == '/') {
        count++;
      }
    }
    String[] segments = new String[count];
    int start = 1;
    for (int i = 0; i < count; i++) {
      int slash = path.indexOf('/', start);
      int end = slash < 0 ? path.length() : slash;
      segments[i] = decode(path, start, end);
      start = end + 1;
    }
    return segments;
  }

  /** Decodes the path segment {@code s[from, to)}; '+' stands for itself in a path. */
  static String decode(String s, int from, int to) {
    try {
      return decodeComponent(s, from, to, false);
    } catch (IllegalArgumentException e) {
      throw new MalformedPathException(
          "Malformed path segment '" + echo(s, from, to) + "': " + e.getMessage());
    }
  }

  /**
   * Percent-decodes {@code s[from, to)} as UTF-8, strictly: a '%' not followed by two hex digits,
   * bytes that are not UTF-8 and an encoded NUL ({@code %00}, never text and refused by PostgreSQL)
   * are errors, never replaced. Characters other than escapes stand for themselves, except '+' when
   * {@code plusIsSpace} (query strings and form bodies).
   *
   * @throws IllegalArgumentException saying what is wrong, for the caller to put in context
   */
  public static String decodeComponent(String s, int from, int to, boolean plusIsSpace) {
    int percent = s.indexOf('%', from);
    if (percent < 0 || percent >= to) {
      String raw = s.substring(from, to);
      return plusIsSpace ? raw.replace('+', ' ') : raw;
    }
    // Non-ASCII characters may take up to three bytes each (a surrogate pair four for two chars).
    byte[] bytes = new byte[(to - from) * 3];
    int n = 0;
    int i = from;
    while (i < to) {
      char c = s.charAt(i);
      if (c == '%') {
        int hi = i + 1 < to ? hexValue(s.charAt(i + 1)) : -1;
        int lo = i + 2 < to ? hexValue(s.charAt(i + 2)) : -1;
        if (hi < 0 || lo < 0) {
          throw new IllegalArgumentException(
              "'%' must be followed by two hex digits, found '"
                  + s.substring(i, Math.min(i + 3, to))
                  + "'; encode a literal '%' as %25");
        }
        if (hi == 0 && lo == 0) {
          throw new IllegalArgumentException("it contains an encoded NUL character (%00)");
        }
        bytes[n++] = (byte) ((hi << 4) | lo);
        i += 3;
      } else if (c < 0x80) {
        bytes[n++] = (byte) (plusIsSpace && c == '+' ? ' ' : c);
        i++;
      } else {
        int runEnd = i;
        while (runEnd < to && s.charAt(runEnd) != '%' && s.charAt(runEnd) >= 0x80) {
          runEnd++;
        }
        byte[] utf8 = s.substring(i, runEnd).getBytes(StandardCharsets.UTF_8);
        System.arraycopy(utf8, 0, bytes, n, utf8.length);
        n += utf8.length;
        i = runEnd;
      }
    }
    try {
      // newDecoder() reports malformed input instead of substituting U+FFFD.
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, 0, n)).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("its percent-decoded bytes are not valid UTF-8");
    }
  }

  private static int hexValue(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private static String echo(String s, int from, int to) {
    return to - from <= MAX_ECHO
        ? s.substring(from, to)
        : s.substring(from, from + MAX_ECHO) + "...";
  }
}
