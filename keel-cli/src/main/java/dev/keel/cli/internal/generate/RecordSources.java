package dev.keel.cli.internal.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The stored record ({@code Post}) and the input record ({@code PostInput}) of a resource. */
final class RecordSources {
  private RecordSources() {}

  static String stored(String pkg, Names names, List<Field> fields) {
    var imports =
        new TreeSet<>(List.of("dev.keel.db.Id", "dev.keel.db.Table", "java.time.Instant"));
    fields.forEach(f -> f.type().javaImport().ifPresent(imports::add));
    var components = new ArrayList<String>();
    components.add("@Id long id");
    for (Field f : fields) components.add(f.javaType() + " " + f.component());
    components.add("Instant createdAt");
    components.add("Instant updatedAt");
    return header(pkg, imports)
        + "/** A "
        + names.words()
        + " as stored in the table {@code "
        + names.table()
        + "}. */\n"
        + "@Table(\""
        + names.table()
        + "\")\n"
        + "public record "
        + names.type()
        + "("
        + String.join(", ", components)
        + ") {}\n";
  }

  static String input(String pkg, Names names, List<Field> fields) {
    var imports = new TreeSet<>(List.of("java.time.Instant"));
    fields.forEach(f -> f.type().javaImport().ifPresent(imports::add));
    var components = new ArrayList<String>();
    for (Field f : fields) {
      List<String> annotations = constraints(f);
      annotations.forEach(a -> imports.add("jakarta.validation.constraints." + simpleName(a)));
      var c = new StringBuilder();
      for (String a : annotations) c.append(a).append(' ');
      components.add(c + f.type().boxedType() + " " + f.component());
    }
    var args = new ArrayList<String>();
    args.add("id");
    for (Field f : fields) args.add(valueOf(f));
    args.add("createdAt");
    args.add("updatedAt");
    String type = names.type();
    return header(pkg, imports)
        + "/**\n * A "
        + names.words()
        + " as clients send it to create or replace one, e.g. {@code "
        + example(fields)
        + "}; the server sets the id and the timestamps.\n */\n"
        + "public record "
        + type
        + "Input("
        + String.join(", ", components)
        + ") {\n"
        + "  /** The "
        + names.words()
        + " with this input's values"
        + (fields.stream().anyMatch(f -> f.defaultValue().isPresent())
            ? " (defaults for those left out)"
            : "")
        + ". */\n"
        + "  "
        + type
        + " to"
        + type
        + "(long id, Instant createdAt, Instant updatedAt) {\n"
        + "    return new "
        + type
        + "("
        + String.join(", ", args)
        + ");\n  }\n}\n";
  }

  /**
   * The Bean Validation annotations of a field's input component, e.g. {@code @Size(max = 200)}.
   */
  static List<String> constraints(Field f) {
    var out = new ArrayList<String>();
    boolean text = f.type() == FieldType.STRING || f.type() == FieldType.TEXT;
    if (f.required()) out.add(text ? "@NotBlank" : "@NotNull");
    switch (f.type().bounds()) {
      case LENGTH -> {
        var size = new ArrayList<String>();
        f.min().ifPresent(v -> size.add("min = " + v));
        f.max().ifPresent(v -> size.add("max = " + v));
        if (!size.isEmpty()) out.add("@Size(" + String.join(", ", size) + ")");
      }
      case VALUE -> {
        f.min().ifPresent(v -> out.add("@Min(" + longLiteral(v) + ")"));
        f.max().ifPresent(v -> out.add("@Max(" + longLiteral(v) + ")"));
      }
      case DECIMAL -> {
        f.min().ifPresent(v -> out.add("@DecimalMin(\"" + v + "\")"));
        f.max().ifPresent(v -> out.add("@DecimalMax(\"" + v + "\")"));
      }
      case NONE -> {}
    }
    return out;
  }

  /** {@code @Size(max = 200)} → {@code Size}. */
  static String simpleName(String annotation) {
    int paren = annotation.indexOf('(');
    return annotation.substring(1, paren < 0 ? annotation.length() : paren);
  }

  private static String longLiteral(String v) {
    long n = Long.parseLong(v);
    return n > Integer.MAX_VALUE || n < Integer.MIN_VALUE ? v + "L" : v;
  }

  /** The input's value of a field for the stored record, with its default when left out. */
  private static String valueOf(Field f) {
    String c = f.component();
    if (f.defaultValue().isEmpty()) return c;
    String v = f.defaultValue().get();
    String literal =
        switch (f.type()) {
          case STRING, TEXT -> "\"" + v + "\"";
          case LONG -> v + "L";
          case DECIMAL -> "new BigDecimal(\"" + v + "\")";
          default -> v;
        };
    return c + " == null ? " + literal + " : " + c;
  }

  /** A JSON body with the first fields, for the Javadoc. */
  private static String example(List<Field> fields) {
    var parts = new ArrayList<String>();
    for (Field f : fields.subList(0, Math.min(2, fields.size()))) {
      parts.add("\"" + f.component() + "\": " + Samples.json(f, 1));
    }
    return "{" + String.join(", ", parts) + "}";
  }

  static String header(String pkg, java.util.Collection<String> imports) {
    var b = new StringBuilder("package ").append(pkg).append(";\n\n");
    for (String i : imports) {
      if (i.startsWith("static ")) b.append("import ").append(i).append(";\n");
    }
    for (String i : imports) {
      if (!i.startsWith("static ")) b.append("import ").append(i).append(";\n");
    }
    return b.append('\n').toString();
  }
}
