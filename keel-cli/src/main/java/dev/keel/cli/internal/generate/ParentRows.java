package dev.keel.cli.internal.generate;

import dev.keel.cli.internal.UsageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a test needs to insert a row into a referenced table: its required columns, read from the
 * project's migrations, with a value for each.
 */
final class ParentRows {
  private static final Set<String> CONSTRAINTS =
      Set.of("primary", "unique", "foreign", "constraint", "check");

  /** A required column and the Java expression the test binds to it. */
  record Column(String name, String value) {}

  private ParentRows() {}

  /**
   * The required columns of {@code table} (those without a default, except its generated id).
   *
   * @throws UsageException when no migration creates the table, or a required column has a type the
   *     test cannot fill in
   */
  static List<Column> required(Path migrations, String table, String field) {
    String body = createTable(migrations, table, field);
    var columns = new ArrayList<Column>();
    for (String line : body.split(",\\s*\\n")) {
      String def = line.strip().replaceAll("\\s+", " ");
      String lower = def.toLowerCase(Locale.ROOT);
      if (def.isEmpty() || CONSTRAINTS.contains(lower.split(" ")[0])) continue;
      String name = def.split(" ")[0];
      if (!lower.contains("not null")
          || lower.contains(" default ")
          || lower.contains("${id}")
          || lower.contains("primary key")) {
        continue;
      }
      columns.add(new Column(name, value(table, name, lower)));
    }
    return columns;
  }

  private static String value(String table, String name, String def) {
    String type = def.split(" ")[1];
    if (def.contains(" references ")) {
      throw new UsageException(
          "the generated test cannot insert a row into "
              + table
              + ": its column "
              + name
              + " references another table; insert the row in the test yourself, or make the"
              + " column nullable");
    }
    return switch (type) {
      case "${timestamp}" -> "Instant.now()";
      case "${date}" -> "LocalDate.now()";
      case "${bool}" -> "true";
      case "${decimal}" -> "BigDecimal.ONE";
      case "${uuid}" -> "UUID.randomUUID()";
      case "${json}" -> "Map.of()";
      case "integer", "int", "bigint", "smallint", "numeric" -> "1";
      default -> {
        if (type.startsWith("text") || type.startsWith("varchar") || type.startsWith("char")) {
          // unique columns need a value of their own; a random one fits most lengths
          Matcher n = Pattern.compile("\\((\\d+)\\)").matcher(type);
          int length = n.find() ? Integer.parseInt(n.group(1)) : 36;
          yield length >= 36
              ? "UUID.randomUUID().toString()"
              : "UUID.randomUUID().toString().substring(0, " + length + ")";
        }
        throw new UsageException(
            "the generated test cannot fill in column "
                + name
                + " of "
                + table
                + " (type "
                + type
                + "); give it a default in its migration, or insert the row in the test yourself");
      }
    };
  }

  private static String createTable(Path migrations, String table, String field) {
    Pattern create =
        Pattern.compile(
            "create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?"
                + Pattern.quote(table)
                + "\\s*\\((.*?)\\)\\s*;",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    if (Files.isDirectory(migrations)) {
      try (Stream<Path> files = Files.list(migrations)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
          Matcher m = create.matcher(Files.readString(file));
          if (m.find()) return m.group(1);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    String type = Names.of(field).type();
    throw new UsageException(
        "'"
            + field
            + ":references' points to the table "
            + table
            + ", which no migration in "
            + migrations
            + " creates; generate it first, e.g. keel generate resource "
            + type
            + " name:string:required");
  }
}
