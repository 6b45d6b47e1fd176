package dev.keel.cli.internal.generate;

import dev.keel.cli.internal.UsageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Flyway migrations that run on SQLite and PostgreSQL alike: the column types that differ are
 * keel-db's placeholders ({@code ${id}}, {@code ${timestamp}}, ...), the rest is SQL both accept.
 */
public final class MigrationSql {
  private static final Pattern VERSION = Pattern.compile("V(\\d+)(?:[._]\\d+)*__.*\\.sql");

  private MigrationSql() {}

  /** The next free version in {@code dir}: one more than the highest {@code VN__} there. */
  public static int nextVersion(Path dir) {
    if (!Files.isDirectory(dir)) return 1;
    try (Stream<Path> files = Files.list(dir)) {
      return files
              .map(p -> VERSION.matcher(p.getFileName().toString()))
              .filter(Matcher::matches)
              .mapToInt(m -> Integer.parseInt(m.group(1)))
              .max()
              .orElse(0)
          + 1;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A migration name from the command line in snake_case: {@code AddTagsToPosts} works too. */
  public static String name(String raw) {
    String name = Names.snake(raw.replace('-', '_'));
    if (!name.matches("[a-z][a-z0-9_]*")) {
      throw new UsageException(
          "'"
              + raw
              + "' is not a migration name: use letters, digits and underscores, e.g."
              + " add_tags_to_posts");
    }
    return name;
  }

  /** The {@code create table} of a resource, with its indexes. */
  public static String createTable(Names names, List<Field> fields) {
    String table = names.table();
    var columns = new java.util.ArrayList<String[]>();
    columns.add(new String[] {"id", "${id}"});
    for (Field f : fields) columns.add(new String[] {f.column(), definition(f)});
    columns.add(new String[] {"created_at", "${timestamp} not null"});
    columns.add(new String[] {"updated_at", "${timestamp} not null"});
    int width = columns.stream().mapToInt(c -> c[0].length()).max().orElse(0);
    var sql = new StringBuilder("create table ").append(table).append(" (\n");
    for (int i = 0; i < columns.size(); i++) {
      String[] c = columns.get(i);
      sql.append("  ").append(c[0]).append(" ".repeat(width - c[0].length() + 1)).append(c[1]);
      sql.append(i < columns.size() - 1 ? ",\n" : "\n");
    }
    sql.append(");\n");
    for (Field f : fields) {
      if (f.index() && !f.unique()) {
        sql.append("create index ")
            .append(table)
            .append('_')
            .append(f.column())
            .append(" on ")
            .append(table)
            .append(" (")
            .append(f.column())
            .append(");\n");
      }
    }
    return sql.toString();
  }

  static String definition(Field f) {
    var d = new StringBuilder();
    if (f.type() == FieldType.STRING && f.max().isPresent()) {
      d.append("varchar(").append(f.max().get()).append(')');
    } else {
      d.append(f.type().columnType());
    }
    if (f.required()) d.append(" not null");
    f.defaultValue()
        .ifPresent(
            v ->
                d.append(" default ")
                    .append(
                        switch (f.type()) {
                          case STRING, TEXT -> "'" + v + "'";
                          default -> v;
                        }));
    if (f.unique()) d.append(" unique");
    if (f.type() == FieldType.REFERENCES) {
      d.append(" references ").append(f.referencedTable()).append(" (id)");
    }
    return d.toString();
  }
}
