package dev.keel.cli.internal.generate;

import dev.keel.cli.internal.UsageException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code name:type[:modifier]...} arguments. Every mistake is a {@link UsageException} with
 * one sentence naming the argument and what is allowed, before anything is written.
 */
public final class FieldParser {
  static final String MODIFIERS = "required, unique, index, min=N, max=N, default=VALUE";

  /** Names the generated record has anyway, and the list action's own parameters. */
  private static final Set<String> OWN =
      Set.of("id", "createdAt", "updatedAt", "sort", "limit", "offset", "query", "input");

  private FieldParser() {}

  /** Parses every argument; a name given twice is an error. */
  public static List<Field> parseAll(List<String> args) {
    var fields = new ArrayList<Field>();
    var columns = new HashSet<String>();
    for (String arg : args) {
      Field f = parse(arg);
      if (!columns.add(f.column())) {
        throw new UsageException(
            "field '" + f.component() + "' is given twice; give each field once");
      }
      fields.add(f);
    }
    return fields;
  }

  public static Field parse(String arg) {
    String[] parts = arg.split(":", -1);
    String name = parts[0];
    if (!name.matches("[a-z][A-Za-z0-9]*")) {
      throw new UsageException(
          "field name '"
              + name
              + "' in '"
              + arg
              + "' must be lowerCamelCase letters and digits, e.g. title or publishedAt");
    }
    if (Names.KEYWORDS.contains(name) || OWN.contains(name)) {
      throw new UsageException(
          "field name '"
              + name
              + "' in '"
              + arg
              + "' is reserved (a Java keyword, a field every resource has: id, createdAt,"
              + " updatedAt, or a name the list action uses: sort, limit, offset, query, input);"
              + " choose another name");
    }
    if (parts.length < 2 || parts[1].isEmpty()) {
      throw new UsageException(
          "field '"
              + name
              + "' has no type; write NAME:TYPE, e.g. "
              + name
              + ":string (types: "
              + String.join(", ", FieldType.labels())
              + ")");
    }
    FieldType type =
        FieldType.of(parts[1])
            .orElseThrow(
                () ->
                    new UsageException(
                        "unknown type '"
                            + parts[1]
                            + "' in '"
                            + arg
                            + "'; use one of "
                            + String.join(", ", FieldType.labels())));
    if (type == FieldType.REFERENCES && name.endsWith("Id")) {
      throw new UsageException(
          "write '"
              + name.substring(0, name.length() - 2)
              + ":references' instead of '"
              + arg
              + "': the column gets its _id by itself");
    }
    boolean required = false;
    boolean unique = false;
    boolean index = false;
    Optional<String> min = Optional.empty();
    Optional<String> max = Optional.empty();
    Optional<String> defaultValue = Optional.empty();
    var seen = new HashSet<String>();
    for (int i = 2; i < parts.length; i++) {
      String m = parts[i];
      String key = m.contains("=") ? m.substring(0, m.indexOf('=')) : m;
      String value = m.contains("=") ? m.substring(m.indexOf('=') + 1) : "";
      if (!seen.add(key)) {
        throw new UsageException("modifier '" + key + "' is given twice in '" + arg + "'");
      }
      switch (key) {
        case "required" -> required = flag(arg, m);
        case "unique" -> unique = flag(arg, m);
        case "index" -> index = flag(arg, m);
        case "min" -> min = Optional.of(bound(arg, type, m, value));
        case "max" -> max = Optional.of(bound(arg, type, m, value));
        case "default" -> defaultValue = Optional.of(defaultOf(arg, type, value));
        default ->
            throw new UsageException(
                "unknown modifier '" + m + "' in '" + arg + "'; use one of " + MODIFIERS);
      }
    }
    if (min.isPresent() && max.isPresent()) {
      if (new BigDecimal(min.get()).compareTo(new BigDecimal(max.get())) > 0) {
        throw new UsageException(
            "min=" + min.get() + " is above max=" + max.get() + " in '" + arg + "'");
      }
    }
    if (type == FieldType.REFERENCES) index = true; // joins and deletes look the column up
    return new Field(name, type, required, unique, index, min, max, defaultValue);
  }

  private static boolean flag(String arg, String modifier) {
    if (modifier.contains("=")) {
      String key = modifier.substring(0, modifier.indexOf('='));
      throw new UsageException(
          "modifier '" + key + "' takes no value in '" + arg + "'; write just " + key);
    }
    return true;
  }

  private static String bound(String arg, FieldType type, String modifier, String value) {
    String key = modifier.substring(0, Math.max(0, modifier.indexOf('=')));
    if (!modifier.contains("=") || value.isEmpty()) {
      throw new UsageException(
          "modifier '" + modifier + "' in '" + arg + "' needs a number, e.g. " + modifier + "=10");
    }
    switch (type.bounds()) {
      case NONE ->
          throw new UsageException(
              key
                  + "= does not apply to "
                  + type.label()
                  + " in '"
                  + arg
                  + "'; min and max apply to string, text, integer, long and decimal");
      case LENGTH -> {
        if (!value.matches("\\d{1,9}")) {
          throw new UsageException(
              key + "=" + value + " in '" + arg + "' is not a length; write e.g. " + key + "=200");
        }
      }
      case VALUE -> {
        if (!value.matches("-?\\d{1,18}") || (type == FieldType.INTEGER && !fitsInt(value))) {
          throw new UsageException(
              key
                  + "="
                  + value
                  + " in '"
                  + arg
                  + "' is not a whole number a "
                  + type.label()
                  + " can hold; write e.g. "
                  + key
                  + "=100");
        }
      }
      case DECIMAL -> {
        if (!value.matches("-?\\d+(\\.\\d+)?")) {
          throw new UsageException(
              key + "=" + value + " in '" + arg + "' is not a number; write e.g. " + key + "=9.99");
        }
      }
    }
    return value;
  }

  private static boolean fitsInt(String value) {
    long v = Long.parseLong(value);
    return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
  }

  private static String defaultOf(String arg, FieldType type, String value) {
    boolean ok =
        switch (type) {
          case STRING, TEXT -> !value.contains("'");
          case INTEGER -> value.matches("-?\\d{1,10}") && fitsInt(value);
          case LONG -> value.matches("-?\\d{1,18}");
          case DECIMAL -> value.matches("-?\\d+(\\.\\d+)?");
          case BOOLEAN -> value.equals("true") || value.equals("false");
          case DATE, DATETIME, UUID, JSON, REFERENCES -> false;
        };
    if (!ok) {
      String hint =
          switch (type) {
            case STRING, TEXT -> "a text without quotes, e.g. default=draft";
            case INTEGER, LONG -> "a whole number, e.g. default=0";
            case DECIMAL -> "a number, e.g. default=0.00";
            case BOOLEAN -> "true or false";
            default -> "";
          };
      if (hint.isEmpty()) {
        throw new UsageException(
            "default= does not apply to "
                + type.label()
                + " in '"
                + arg
                + "'; defaults apply to string, text, integer, long, decimal and boolean");
      }
      throw new UsageException(
          "default="
              + value
              + " in '"
              + arg
              + "' is not valid for "
              + type.label()
              + "; use "
              + hint);
    }
    return value;
  }
}
