package dev.keel.db.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SQL with {@code :name} parameters, parsed once and cached: the JDBC text with {@code ?} in their
 * place and, for each {@code ?}, the parameter's name. Quoted strings, quoted identifiers,
 * comments, PostgreSQL casts ({@code ::int}) and dollar-quoted strings are left alone.
 *
 * <p>A parameter written as {@code in (:ids)} is <em>expandable</em>: a collection bound to it
 * becomes one {@code ?} per element.
 */
public final class NamedSql {
  private static final int CACHE_LIMIT = 4096;
  private static final Map<String, NamedSql> CACHE = new ConcurrentHashMap<>();

  private final String source;
  private final List<String> parts; // literal text between parameters, size = names.size() + 1
  private final List<String> names; // in order of appearance, repeated names repeated
  private final boolean[] expandable;
  private final String jdbc; // with one '?' per parameter
  private final Map<String, Integer> distinct;

  private NamedSql(String source, List<String> parts, List<String> names, boolean[] expandable) {
    this.source = source;
    this.parts = parts;
    this.names = names;
    this.expandable = expandable;
    StringBuilder sb = new StringBuilder(source.length());
    for (int i = 0; i < names.size(); i++) sb.append(parts.get(i)).append('?');
    sb.append(parts.get(names.size()));
    this.jdbc = sb.toString();
    var d = new LinkedHashMap<String, Integer>();
    for (String n : names) d.merge(n, 1, Integer::sum);
    this.distinct = Map.copyOf(d);
  }

  public static NamedSql of(String sql) {
    NamedSql cached = CACHE.get(sql);
    if (cached != null) return cached;
    NamedSql parsed = parse(sql);
    if (CACHE.size() < CACHE_LIMIT) CACHE.put(sql, parsed);
    return parsed;
  }

  public String source() {
    return source;
  }

  /** The JDBC text, one {@code ?} per parameter (before any collection expansion). */
  public String jdbc() {
    return jdbc;
  }

  public List<String> names() {
    return names;
  }

  public boolean has(String name) {
    return distinct.containsKey(name);
  }

  public boolean hasExpandable() {
    for (boolean b : expandable) if (b) return true;
    return false;
  }

  public boolean expandable(int i) {
    return expandable[i];
  }

  /** The JDBC text with parameter {@code i} repeated {@code counts[i]} times (at least once). */
  public String expand(int[] counts) {
    StringBuilder sb = new StringBuilder(source.length() + 16);
    for (int i = 0; i < names.size(); i++) {
      sb.append(parts.get(i));
      int n = counts[i];
      if (n <= 0) {
        sb.append("null"); // "in (null)" matches nothing, like an empty list should
      } else {
        for (int k = 0; k < n; k++) sb.append(k == 0 ? "?" : ", ?");
      }
    }
    return sb.append(parts.get(names.size())).toString();
  }

  static NamedSql parse(String sql) {
    List<String> parts = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<Boolean> exp = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    int n = sql.length();
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"' || c == '`') {
        int end = skipQuoted(sql, i, c);
        cur.append(sql, i, end);
        i = end;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        end = end < 0 ? n : end;
        cur.append(sql, i, end);
        i = end;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
        cur.append(sql, i, end);
        i = end;
      } else if (c == '$'
          && i + 1 < n
          && (sql.charAt(i + 1) == '$' || isStart(sql.charAt(i + 1)))) {
        int tagEnd = sql.indexOf('$', i + 1);
        String tag = tagEnd < 0 ? null : sql.substring(i, tagEnd + 1);
        if (tag != null
            && tag.chars().skip(1).limit(tag.length() - 2L).allMatch(NamedSql::isPart)) {
          int close = sql.indexOf(tag, tagEnd + 1);
          int end = close < 0 ? n : close + tag.length();
          cur.append(sql, i, end);
          i = end;
        } else {
          cur.append(c);
          i++;
        }
      } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
        cur.append("::");
        i += 2;
      } else if (c == ':' && i + 1 < n && isStart(sql.charAt(i + 1))) {
        int j = i + 1;
        while (j < n && isPart(sql.charAt(j))) j++;
        String name = sql.substring(i + 1, j);
        boolean inList = precededByIn(cur) && followedByClose(sql, j);
        parts.add(cur.toString());
        cur.setLength(0);
        names.add(name);
        exp.add(inList);
        i = j;
      } else {
        cur.append(c);
        i++;
      }
    }
    parts.add(cur.toString());
    boolean[] expandable = new boolean[exp.size()];
    for (int k = 0; k < expandable.length; k++) expandable[k] = exp.get(k);
    return new NamedSql(sql, List.copyOf(parts), List.copyOf(names), expandable);
  }

  private static int skipQuoted(String sql, int start, char quote) {
    int i = start + 1;
    while (i < sql.length()) {
      if (sql.charAt(i) == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i += 2; // doubled quote is an escaped quote
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return sql.length();
  }

  private static boolean precededByIn(CharSequence before) {
    int i = before.length() - 1;
    while (i >= 0 && Character.isWhitespace(before.charAt(i))) i--;
    if (i < 0 || before.charAt(i) != '(') return false;
    i--;
    while (i >= 0 && Character.isWhitespace(before.charAt(i))) i--;
    if (i < 1) return false;
    boolean in =
        Character.toLowerCase(before.charAt(i)) == 'n'
            && Character.toLowerCase(before.charAt(i - 1)) == 'i';
    return in && (i < 2 || !isPart(before.charAt(i - 2)));
  }

  private static boolean followedByClose(String sql, int j) {
    while (j < sql.length() && Character.isWhitespace(sql.charAt(j))) j++;
    return j < sql.length() && sql.charAt(j) == ')';
  }

  private static boolean isStart(int c) {
    return Character.isLetter(c) || c == '_';
  }

  private static boolean isPart(int c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
