package dev.keel.processor.internal;

import java.util.List;
import java.util.Map;

/** Writes maps, lists, strings, numbers and booleans as indented JSON; enough for the fragments. */
final class Json {
  private Json() {}

  static String write(Object value) {
    var b = new StringBuilder();
    write(b, value, "");
    return b.append('\n').toString();
  }

  private static void write(StringBuilder b, Object v, String indent) {
    switch (v) {
      case Map<?, ?> m -> {
        if (m.isEmpty()) {
          b.append("{}");
          return;
        }
        b.append("{\n");
        int i = 0;
        for (var e : m.entrySet()) {
          b.append(indent).append("  ");
          string(b, String.valueOf(e.getKey()));
          b.append(": ");
          write(b, e.getValue(), indent + "  ");
          b.append(++i < m.size() ? ",\n" : "\n");
        }
        b.append(indent).append('}');
      }
      case List<?> l -> {
        if (l.isEmpty()) {
          b.append("[]");
          return;
        }
        b.append("[\n");
        for (int i = 0; i < l.size(); i++) {
          b.append(indent).append("  ");
          write(b, l.get(i), indent + "  ");
          b.append(i + 1 < l.size() ? ",\n" : "\n");
        }
        b.append(indent).append(']');
      }
      case String s -> string(b, s);
      case Number n -> b.append(n);
      case Boolean x -> b.append(x);
      default -> throw new IllegalArgumentException("not JSON: " + v.getClass());
    }
  }

  private static void string(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
          else b.append(c);
        }
      }
    }
    b.append('"');
  }
}
