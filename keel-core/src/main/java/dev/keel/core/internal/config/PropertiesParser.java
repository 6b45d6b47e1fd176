package dev.keel.core.internal.config;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads the {@code .properties} format the way {@link java.util.Properties#load(java.io.Reader)}
 * does, but keeps the line each entry starts on so messages can point at it, and rejects what
 * {@code Properties} would reject with a bare {@code IllegalArgumentException}.
 */
public final class PropertiesParser {

  /** A file that cannot be read as properties; the message names the file and the line. */
  public static final class MalformedException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedException(String message) {
      super(message);
    }
  }

  private PropertiesParser() {}

  /**
   * Parses {@code text}; each entry's origin is {@code source + " line " + n}.
   *
   * @param source the file in words, e.g. {@code file ./keel.properties}
   */
  public static List<Entry> parse(String text, String source) throws MalformedException {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    String[] lines = body.split("\r\n|\r|\n", -1);
    List<Entry> entries = new ArrayList<>();
    int next = 0;
    while (next < lines.length) {
      int lineNumber = next + 1;
      String line = stripLeading(lines[next++]);
      if (line.isEmpty() || line.charAt(0) == '#' || line.charAt(0) == '!') {
        continue;
      }
      // An odd number of trailing backslashes continues the entry on the next line.
      StringBuilder logical = new StringBuilder(line);
      while (endsWithOddBackslashes(logical)) {
        logical.setLength(logical.length() - 1);
        if (next == lines.length) {
          break;
        }
        logical.append(stripLeading(lines[next++]));
      }
      String where = source + " line " + lineNumber;
      entries.add(entry(logical.toString(), where));
    }
    return entries;
  }

  private static Entry entry(String line, String where) throws MalformedException {
    int end = 0;
    while (end < line.length()) {
      char c = line.charAt(end);
      if (c == '\\') {
        end += 2;
        continue;
      }
      if (c == '=' || c == ':' || isSpace(c)) {
        break;
      }
      end++;
    }
    end = Math.min(end, line.length());
    int start = skipSpace(line, end);
    if (start < line.length() && (line.charAt(start) == '=' || line.charAt(start) == ':')) {
      start = skipSpace(line, start + 1);
    }
    String key = unescape(line.substring(0, end), where);
    if (key.isEmpty()) {
      throw new MalformedException(where + ": a key is missing before the value");
    }
    return new Entry(key, unescape(line.substring(start), where), where);
  }

  private static String unescape(String raw, String where) throws MalformedException {
    StringBuilder out = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (i + 1 == raw.length()) {
        break; // a lone trailing backslash is dropped, as Properties does
      }
      char escaped = raw.charAt(++i);
      switch (escaped) {
        case 't' -> out.append('\t');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 'f' -> out.append('\f');
        case 'u' -> {
          String hex = raw.substring(i + 1, Math.min(i + 5, raw.length()));
          if (hex.length() < 4 || !hex.chars().allMatch(HexFormat::isHexDigit)) {
            throw new MalformedException(
                where + ": malformed escape \"\\u" + hex + "\", expected \\u and four hex digits");
          }
          out.append((char) HexFormat.fromHexDigits(hex));
          i += 4;
        }
        default -> out.append(escaped);
      }
    }
    return out.toString();
  }

  private static boolean endsWithOddBackslashes(CharSequence s) {
    int count = 0;
    for (int i = s.length() - 1; i >= 0 && s.charAt(i) == '\\'; i--) {
      count++;
    }
    return count % 2 == 1;
  }

  private static String stripLeading(String s) {
    return s.substring(skipSpace(s, 0));
  }

  private static int skipSpace(String s, int from) {
    int i = from;
    while (i < s.length() && isSpace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\f';
  }
}
