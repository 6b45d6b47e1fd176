package dev.keel.db.internal.reactive;

/**
 * JDBC's {@code ?} placeholders as PostgreSQL's numbered {@code $1, $2, ...}, leaving quoted
 * strings, quoted identifiers, comments and dollar-quoted strings alone; {@code ??} is a literal
 * {@code ?}, as in pgjdbc.
 */
final class Placeholders {
  private Placeholders() {}

  static String numbered(String sql) {
    StringBuilder out = new StringBuilder(sql.length() + 8);
    int n = 0;
    int i = 0;
    int len = sql.length();
    while (i < len) {
      char c = sql.charAt(i);
      int end = i + 1;
      if (c == '\'' || c == '"') {
        end = closing(sql, i + 1, c);
      } else if (c == '-' && i + 1 < len && sql.charAt(i + 1) == '-') {
        int nl = sql.indexOf('\n', i);
        end = nl < 0 ? len : nl + 1;
      } else if (c == '/' && i + 1 < len && sql.charAt(i + 1) == '*') {
        int close = sql.indexOf("*/", i + 2);
        end = close < 0 ? len : close + 2;
      } else if (c == '$' && dollarTag(sql, i) > 0) {
        int tagEnd = dollarTag(sql, i);
        String tag = sql.substring(i, tagEnd);
        int close = sql.indexOf(tag, tagEnd);
        end = close < 0 ? len : close + tag.length();
      } else if (c == '?') {
        if (i + 1 < len && sql.charAt(i + 1) == '?') {
          out.append('?');
          i += 2;
          continue;
        }
        out.append('$').append(++n);
        i++;
        continue;
      }
      out.append(sql, i, end);
      i = end;
    }
    return out.toString();
  }

  private static int closing(String sql, int from, char quote) {
    int i = from;
    while (i < sql.length()) {
      if (sql.charAt(i) == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return sql.length();
  }

  /**
   * The index after a dollar-quote opening tag ({@code $$} or {@code $name$}) at {@code i}, or -1.
   */
  private static int dollarTag(String sql, int i) {
    if (i > 0 && Character.isLetterOrDigit(sql.charAt(i - 1))) return -1;
    int j = i + 1;
    while (j < sql.length()) {
      char c = sql.charAt(j);
      if (c == '$') return j + 1;
      if (!(Character.isLetterOrDigit(c) || c == '_') || (j == i + 1 && Character.isDigit(c))) {
        return -1;
      }
      j++;
    }
    return -1;
  }
}
