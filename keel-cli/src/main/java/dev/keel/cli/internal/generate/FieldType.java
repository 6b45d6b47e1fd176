package dev.keel.cli.internal.generate;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The field types of {@code keel generate resource}: the Java type of the record component and the
 * column type of the migration (keel-db's placeholders, e.g. {@code ${timestamp}}, where SQLite and
 * PostgreSQL differ).
 */
public enum FieldType {
  STRING("String", "String", "text", Bounds.LENGTH),
  TEXT("String", "String", "text", Bounds.LENGTH),
  INTEGER("int", "Integer", "integer", Bounds.VALUE),
  LONG("long", "Long", "bigint", Bounds.VALUE),
  DECIMAL("BigDecimal", "BigDecimal", "${decimal}", Bounds.DECIMAL),
  BOOLEAN("boolean", "Boolean", "${bool}", Bounds.NONE),
  DATE("LocalDate", "LocalDate", "${date}", Bounds.NONE),
  DATETIME("Instant", "Instant", "${timestamp}", Bounds.NONE),
  UUID("UUID", "UUID", "${uuid}", Bounds.NONE),
  JSON("JsonNode", "JsonNode", "${json}", Bounds.NONE),
  REFERENCES("long", "Long", "bigint", Bounds.NONE);

  /** What {@code min=N} and {@code max=N} limit, if anything. */
  enum Bounds {
    NONE,
    LENGTH,
    VALUE,
    DECIMAL
  }

  private final String primitive;
  private final String boxed;
  private final String column;
  private final Bounds bounds;

  FieldType(String primitive, String boxed, String column, Bounds bounds) {
    this.primitive = primitive;
    this.boxed = boxed;
    this.column = column;
    this.bounds = bounds;
  }

  /** The name written on the command line, e.g. {@code datetime}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The Java type of a value that is always there ({@code int}, {@code String}). */
  public String javaType() {
    return primitive;
  }

  /** The Java type of a value that may be absent ({@code Integer}). */
  public String boxedType() {
    return boxed;
  }

  /** The column type in a portable migration. */
  public String columnType() {
    return column;
  }

  Bounds bounds() {
    return bounds;
  }

  /** Whether a list may be filtered by equality on a field of this type ({@code ?title=...}). */
  public boolean filterable() {
    return switch (this) {
      case STRING, INTEGER, LONG, BOOLEAN, DATE, UUID, REFERENCES -> true;
      case TEXT, DECIMAL, DATETIME, JSON -> false;
    };
  }

  /** The import a record using this type needs, if any. */
  public Optional<String> javaImport() {
    return switch (this) {
      case DECIMAL -> Optional.of("java.math.BigDecimal");
      case DATE -> Optional.of("java.time.LocalDate");
      case DATETIME -> Optional.of("java.time.Instant");
      case UUID -> Optional.of("java.util.UUID");
      case JSON -> Optional.of("tools.jackson.databind.JsonNode");
      default -> Optional.empty();
    };
  }

  static Optional<FieldType> of(String label) {
    return Arrays.stream(values()).filter(t -> t.label().equals(label)).findFirst();
  }

  static List<String> labels() {
    return Arrays.stream(values()).map(FieldType::label).toList();
  }
}
