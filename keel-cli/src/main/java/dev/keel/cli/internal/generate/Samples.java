package dev.keel.cli.internal.generate;

import java.math.BigDecimal;

/**
 * Valid example values for a field, as JSON and as Java expressions for the generated tests; {@code
 * n} makes them differ (unique fields), and each respects the field's min and max.
 */
final class Samples {
  private Samples() {}

  /** The value as a Java expression that Jackson writes as the right JSON. */
  static String java(Field f, int n) {
    return switch (f.type()) {
      case STRING, TEXT -> "\"" + text(f, n) + "\"";
      case INTEGER, LONG -> number(f, n);
      case DECIMAL -> "new BigDecimal(\"" + decimal(f, n) + "\")";
      case BOOLEAN -> n % 2 == 1 ? "true" : "false";
      case DATE -> "\"2026-01-0" + (n % 9 + 1) + "\"";
      case DATETIME -> "\"2026-01-01T10:0" + (n % 10) + ":00Z\"";
      case UUID -> "\"" + uuid(n) + "\"";
      case JSON -> "Map.of(\"n\", " + n + ")";
      case REFERENCES -> f.component();
    };
  }

  /** The value as JSON text, for documentation. */
  static String json(Field f, int n) {
    return switch (f.type()) {
      case INTEGER, LONG -> number(f, n);
      case DECIMAL -> decimal(f, n);
      case BOOLEAN -> n % 2 == 1 ? "true" : "false";
      case JSON -> "{\"n\": " + n + "}";
      case REFERENCES -> "1";
      default -> java(f, n);
    };
  }

  /** The value as the query parameter of a filter. */
  static String query(Field f, int n) {
    return switch (f.type()) {
      case STRING, TEXT -> text(f, n);
      case DATE, DATETIME, UUID -> java(f, n).replace("\"", "");
      case REFERENCES -> f.component();
      default -> json(f, n);
    };
  }

  static String text(Field f, int n) {
    String v = f.name() + " " + n;
    int max = f.max().map(Integer::parseInt).orElse(Integer.MAX_VALUE);
    int min = f.min().map(Integer::parseInt).orElse(1);
    if (v.length() > max) v = v.substring(v.length() - max);
    if (v.length() < min) v = v + "x".repeat(min - v.length());
    return v;
  }

  private static String number(Field f, int n) {
    long v = n;
    if (f.min().isPresent()) v = Math.max(v, Long.parseLong(f.min().get()) + n - 1);
    if (f.max().isPresent()) v = Math.min(v, Long.parseLong(f.max().get()) - n + 1);
    return Long.toString(v);
  }

  private static String decimal(Field f, int n) {
    BigDecimal v = new BigDecimal(n + ".5");
    if (f.min().isPresent()) v = v.max(new BigDecimal(f.min().get()).add(BigDecimal.valueOf(n)));
    if (f.max().isPresent()) {
      v = v.min(new BigDecimal(f.max().get()).subtract(BigDecimal.valueOf(n)));
    }
    return v.toPlainString();
  }

  private static String uuid(int n) {
    return "00000000-0000-4000-8000-" + String.format("%012d", n);
  }

  /** A value that breaks the field's constraints, if it has any ({@code ""} for required text). */
  static String invalid(Field f) {
    boolean text = f.type() == FieldType.STRING || f.type() == FieldType.TEXT;
    if (text && f.required()) return "\" \"";
    if (text && f.max().isPresent()) {
      return "\"x\".repeat(" + (Integer.parseInt(f.max().get()) + 1) + ")";
    }
    if ((f.type() == FieldType.INTEGER || f.type() == FieldType.LONG) && f.max().isPresent()) {
      return Long.toString(Long.parseLong(f.max().get()) + 1);
    }
    if ((f.type() == FieldType.INTEGER || f.type() == FieldType.LONG) && f.min().isPresent()) {
      return Long.toString(Long.parseLong(f.min().get()) - 1);
    }
    return "";
  }
}
