package dev.keel.processor.internal;

import dev.keel.processor.internal.Model.Shape;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * The {@code defaultValue} of {@code @Query}, {@code @Header} and {@code @Cookie}, converted at
 * compile time by the rules keel-core's {@code Converters} apply to the same text sent in a request
 * (ADR 0021), so that a default that could never convert is a compile error rather than a 400 for
 * every client that leaves the parameter out. {@code ControllerRoutesTest} checks that an absent
 * parameter binds exactly what sending its default binds.
 */
final class Defaults {
  private Defaults() {}

  /**
   * A converted default: {@code java} is a Java expression of the parameter's type, {@code json}
   * the value for the OpenAPI schema's {@code default} (a number, boolean or string).
   */
  record Default(String text, String java, Object json) {}

  /**
   * The default {@code annotation} gives parameter {@code p}, whose value type is {@code value}, or
   * {@code null} when it gives none ({@code defaultValue} not written).
   *
   * @throws IllegalArgumentException with the compile error: the default does not convert, or the
   *     parameter is an {@code Optional} or a {@code List}
   */
  static Default of(AnnotationMirror annotation, VariableElement p, Shape shape, TypeMirror value) {
    AnnotationValue given = annotation == null ? null : Analyzer.value(annotation, "defaultValue");
    if (given == null) return null;
    String text = (String) given.getValue();
    String name = p.getSimpleName().toString();
    if (shape == Shape.OPTIONAL) {
      throw new IllegalArgumentException(
          name
              + " is Optional<"
              + simpleName(value)
              + "> and has a defaultValue, so it could never be empty; declare it "
              + simpleName(value)
              + " "
              + name
              + " to receive the default when the request leaves it out, or remove defaultValue"
              + " to see that as Optional.empty()");
    }
    if (shape == Shape.LIST) {
      throw new IllegalArgumentException(
          name
              + " is a List, which is empty when the request leaves it out; remove defaultValue"
              + " (a repeated parameter has no default)");
    }
    try {
      return convert(value, text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "the defaultValue \""
              + printable(text)
              + "\" of "
              + name
              + " does not convert to "
              + simpleName(value)
              + ": it must be "
              + e.getMessage());
    }
  }

  private static Default convert(TypeMirror t, String text) {
    if (badChar(text)) {
      throw new IllegalArgumentException(
          "text without NUL characters or unpaired surrogates, which no request value may hold");
    }
    String v = text.trim();
    String type = t.getKind().isPrimitive() ? t.getKind().name() : Types.qualifiedName(t);
    switch (type) {
      case "java.lang.String" -> {
        return new Default(text, literal(text), text);
      }
      case "INT", "java.lang.Integer" -> {
        int n = parse(() -> Integer.valueOf(v), "a whole number from -2147483648 to 2147483647");
        return new Default(text, Integer.toString(n), n);
      }
      case "LONG", "java.lang.Long" -> {
        long n = parse(() -> Long.valueOf(v), "a whole number");
        return new Default(text, n + "L", n);
      }
      case "SHORT", "java.lang.Short" -> {
        short n = parse(() -> Short.valueOf(v), "a whole number from -32768 to 32767");
        return new Default(text, "(short) " + n, n);
      }
      case "DOUBLE", "java.lang.Double" -> {
        double n = parse(() -> finite(new BigDecimal(v).doubleValue()), DECIMAL);
        return new Default(text, n + "d", n);
      }
      case "FLOAT", "java.lang.Float" -> {
        float n = parse(() -> finite(new BigDecimal(v).floatValue()), DECIMAL);
        return new Default(text, n + "f", n);
      }
      case "BOOLEAN", "java.lang.Boolean" -> {
        boolean b =
            switch (v.toLowerCase(Locale.ROOT)) {
              case "true", "1", "yes", "on" -> true;
              case "false", "0", "no", "off" -> false;
              default -> throw new IllegalArgumentException("true or false");
            };
        return new Default(text, Boolean.toString(b), b);
      }
      case "java.math.BigDecimal" -> {
        BigDecimal n = parse(() -> new BigDecimal(v), DECIMAL);
        return new Default(text, "new java.math.BigDecimal(" + literal(n.toString()) + ")", n);
      }
      case "java.util.UUID" -> {
        UUID u =
            parse(
                () -> v.length() == 36 ? UUID.fromString(v) : null,
                "a UUID such as 123e4567-e89b-12d3-a456-426614174000");
        return parsed(text, "java.util.UUID", u.toString());
      }
      case "java.time.Instant" -> {
        parse(() -> Instant.parse(v), "an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        return parsed(text, "java.time.Instant", v);
      }
      case "java.time.LocalDate" -> {
        parse(() -> LocalDate.parse(v), "an ISO-8601 date such as 2026-01-31");
        return parsed(text, "java.time.LocalDate", v);
      }
      case "java.time.OffsetDateTime" -> {
        parse(
            () -> OffsetDateTime.parse(v),
            "an ISO-8601 date-time with offset such as 2026-01-31T12:00:00+01:00");
        return parsed(text, "java.time.OffsetDateTime", v);
      }
      default -> {
        return constant(t, text, v);
      }
    }
  }

  private static final String DECIMAL = "a decimal number such as 12.5";

  /** An enum constant, by name in any case, as keel-core converts a request value. */
  private static Default constant(TypeMirror t, String text, String v) {
    var names = new ArrayList<String>();
    for (Element e : ((DeclaredType) t).asElement().getEnclosedElements()) {
      if (e.getKind() != ElementKind.ENUM_CONSTANT) continue;
      String name = e.getSimpleName().toString();
      if (name.equalsIgnoreCase(v)) {
        return new Default(text, Types.source(t) + "." + name, name);
      }
      names.add(name);
    }
    throw new IllegalArgumentException("one of " + String.join(", ", names) + " (in any case)");
  }

  /**
   * A value parsed from {@code canonical}: the UUID's lower-case form, or a date's text as written
   * (the schema's {@code date-time} needs the seconds {@code OffsetDateTime.toString} may drop).
   */
  private static Default parsed(String text, String type, String canonical) {
    String factory = type.equals("java.util.UUID") ? "fromString" : "parse";
    return new Default(text, type + "." + factory + "(" + literal(canonical) + ")", canonical);
  }

  private static <T> T parse(Supplier<T> parser, String expected) {
    T value;
    try {
      value = parser.get();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(expected);
    }
    if (value == null) throw new IllegalArgumentException(expected);
    return value;
  }

  private static <N extends Number> N finite(N n) {
    return Double.isFinite(n.doubleValue()) ? n : null;
  }

  private static boolean badChar(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == 0) return true;
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else {
          return true;
        }
      } else if (Character.isLowSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  private static String simpleName(TypeMirror t) {
    return t.getKind().isPrimitive()
        ? Types.source(t)
        : ((DeclaredType) t).asElement().getSimpleName().toString();
  }

  private static String printable(String s) {
    return literal(s).substring(1, literal(s).length() - 1);
  }

  /**
   * A Java string literal of {@code s}. ASCII control characters and quotes are escaped by name or
   * in octal, never as backslash-u escapes, which javac would translate before it reads the literal
   * (a backslash-u escape of a quote would end the string); other characters beyond ASCII are
   * backslash-u escapes, so the source does not depend on the compiler's encoding.
   */
  static String literal(String s) {
    var b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) b.append(String.format("\\%03o", (int) c));
          else if (c > 0x7f) b.append(String.format("\\u%04x", (int) c));
          else b.append(c);
        }
      }
    }
    return b.append('"').toString();
  }
}
