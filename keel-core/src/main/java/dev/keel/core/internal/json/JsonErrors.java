package dev.keel.core.internal.json;

import dev.keel.core.BadRequest;
import dev.keel.core.HttpException;
import dev.keel.core.Problem;
import dev.keel.core.ProblemType;
import dev.keel.core.ProblemTypes;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidDefinitionException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns Jackson's exceptions into 400 problems in Keel's words ({@code json-malformed}, {@code
 * json-field}, {@code json-limit}): where the document broke, or which field ({@code
 * errors[].field}, a path such as {@code article.tagList[2]}; {@code body} for the document itself)
 * holds what, and what it must be instead. No class or package names reach the client.
 */
final class JsonErrors {
  private static final Pattern OUT_OF_RANGE = Pattern.compile("^Numeric value \\(([^)]*)\\)");

  private JsonErrors() {}

  static HttpException of(JacksonException e, String typeName) {
    if (e instanceof InvalidDefinitionException) {
      // The server's own types cannot be read (no creator, a bad annotation): a bug, not the
      // client's mistake, so it stays a 500 whose stack trace is logged.
      throw e;
    }
    String where = location(e);
    if (e instanceof StreamConstraintsException) {
      return new BadRequest(
          ProblemTypes.JSON_LIMIT,
          "The JSON body exceeds a limit" + where + ": " + e.getOriginalMessage());
    }
    String field = fieldPath(e.getPath());
    if (e instanceof InputCoercionException ic) {
      var number = OUT_OF_RANGE.matcher(String.valueOf(ic.getOriginalMessage()));
      return fieldError(
          ProblemTypes.JSON_FIELD,
          field,
          "must be "
              + expected(ic.getTargetType())
              + ", not "
              + (number.find() ? number.group(1) : "a number out of range"),
          where);
    }
    if (e instanceof StreamReadException) {
      return new BadRequest(
          ProblemTypes.JSON_MALFORMED,
          "The request body is not valid JSON"
              + where
              + ": "
              + firstSentence(e.getOriginalMessage()));
    }
    String original = String.valueOf(e.getOriginalMessage());
    if (original.startsWith("Trailing token")) {
      return new BadRequest(
          ProblemTypes.JSON_MALFORMED,
          "The request body is not valid JSON"
              + where
              + ": more follows the end of the document; send exactly one JSON value.");
    }
    String message;
    if (e instanceof StrictTypes.InvalidValue) {
      message = original;
    } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      message = mismatch(m);
    } else {
      message = firstSentence(original);
    }
    var type =
        e instanceof StrictTypes.OverLimit ? ProblemTypes.JSON_LIMIT : ProblemTypes.JSON_FIELD;
    return fieldError(type, field, message, where);
  }

  /**
   * A 400 of {@code type} naming {@code field} ({@code ""} is the whole body) and what is wrong
   * with it.
   */
  static HttpException fieldError(ProblemType type, String field, String message, String where) {
    String detail =
        (field.isEmpty() ? "The JSON body " : "Field '" + field + "' ")
            + message
            + (where.isEmpty() ? "." : " (" + where.strip() + ").");
    String name = field.isEmpty() ? "body" : field;
    return new HttpException(
        Problem.of(type, detail).withErrors(List.of(new Problem.FieldError(name, message))));
  }

  private static String mismatch(MismatchedInputException m) {
    String expected = expected(m.getTargetType());
    Object value = m instanceof InvalidFormatException f ? f.getValue() : null;
    String got = got(m.getCurrentToken(), value);
    // "must be a UUID string, not a string" says nothing: the string's content is what is wrong
    if (got == null || (got.equals("a string") && expected.contains("string"))) {
      return "must be " + expected;
    }
    return "must be " + expected + ", not " + got;
  }

  private static String got(JsonToken token, Object value) {
    if (token == null) return null;
    return switch (token) {
      case VALUE_NULL -> "null";
      case VALUE_TRUE -> "true";
      case VALUE_FALSE -> "false";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
          value == null ? "a number" : "the number " + abbreviate(String.valueOf(value));
      case VALUE_STRING ->
          value == null ? "a string" : "the string \"" + abbreviate(String.valueOf(value)) + "\"";
      case START_ARRAY -> "an array";
      case START_OBJECT -> "an object";
      default -> null;
    };
  }

  /** What a JSON value for {@code type} must look like, as the rules in ADR 0021 say. */
  static String expected(Class<?> type) {
    if (type == null) return "a different value";
    if (type == String.class || type == CharSequence.class) return "a string";
    if (type == char.class || type == Character.class) return "a string of one character";
    if (type == boolean.class || type == Boolean.class) return "true or false";
    if (type == int.class || type == Integer.class) {
      return "a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
    }
    if (type == long.class || type == Long.class) {
      return "a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
    }
    if (type == short.class || type == Short.class) {
      return "a whole number from " + Short.MIN_VALUE + " to " + Short.MAX_VALUE;
    }
    if (type == byte.class || type == Byte.class) {
      return "a whole number from " + Byte.MIN_VALUE + " to " + Byte.MAX_VALUE;
    }
    if (type == BigInteger.class) return "a whole number";
    if (type == double.class || type == Double.class) return "a number within double's range";
    if (type == float.class || type == Float.class) return "a number within float's range";
    if (type == BigDecimal.class || type == Number.class) return "a number";
    if (type.isEnum()) {
      return "one of "
          + Arrays.stream(type.getEnumConstants())
              .map(c -> "\"" + ((Enum<?>) c).name() + "\"")
              .collect(Collectors.joining(", "));
    }
    if (type == UUID.class) return "a UUID string such as \"123e4567-e89b-12d3-a456-426614174000\"";
    if (type == Instant.class) {
      return "an ISO-8601 instant string such as \"2026-01-31T12:00:00Z\"";
    }
    if (type == LocalDate.class) return "an ISO-8601 date string such as \"2026-01-31\"";
    if (type == LocalDateTime.class) {
      return "an ISO-8601 date-time string without offset such as \"2026-01-31T12:00:00\"";
    }
    if (type == LocalTime.class) return "an ISO-8601 time string such as \"12:00:00\"";
    if (type == OffsetDateTime.class || type == ZonedDateTime.class) {
      return "an ISO-8601 date-time string with offset such as \"2026-01-31T12:00:00+01:00\"";
    }
    if (type == Duration.class) return "an ISO-8601 duration string such as \"PT15M\"";
    if (type.isArray() || Collection.class.isAssignableFrom(type)) return "an array";
    if (Map.class.isAssignableFrom(type) || type.isRecord()) return "an object";
    return "a valid " + type.getSimpleName();
  }

  static String location(JacksonException e) {
    var loc = e.getLocation();
    if (loc == null || loc.getLineNr() < 1) {
      return "";
    }
    return " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
  }

  static String fieldPath(List<JacksonException.Reference> path) {
    var b = new StringBuilder();
    for (var ref : path) {
      if (ref.getPropertyName() != null) {
        if (!b.isEmpty()) b.append('.');
        b.append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        b.append('[').append(ref.getIndex()).append(']');
      }
    }
    return b.toString();
  }

  static String abbreviate(String v) {
    return v.length() <= 64 ? v : v.substring(0, 61) + "...";
  }

  // Jackson's messages go on with a "\n at [Source: ...]" tail and class names; keep the sentence.
  static String firstSentence(String message) {
    if (message == null) return "invalid value";
    int nl = message.indexOf('\n');
    String s = nl >= 0 ? message.substring(0, nl) : message;
    // no package names or parser internals in client-facing text
    return s.replaceAll("\\s*\\(token `[^`]*`\\)", "")
        .replaceAll("(?:[a-z_][\\w]*\\.)+([A-Z][\\w$]*)", "$1") // java.util.List<a.B> -> List<B>
        .replace("`", "")
        .replace('$', '.');
  }
}
