package dev.keel.admin.internal;

import dev.keel.db.Database;
import dev.keel.db.DatabaseUnavailableException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the foreign keys of the registered models' tables once (begun at start, awaited by the
 * first admin page), through JDBC's {@link DatabaseMetaData} (SQLite's driver and PostgreSQL's both
 * answer it), since keel-db's records do not declare them: the relation a {@code …Id} column has,
 * and the delete rule of every table that refers to a model.
 */
final class ForeignKeys {
  private ForeignKeys() {}

  static void load(Database db, Collection<Model<?>> models) {
    Map<String, Model<?>> byTable = new LinkedHashMap<>();
    for (Model<?> m : models) byTable.put(m.repository().table().toLowerCase(Locale.ROOT), m);
    try (Connection c = db.dataSource().getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      String schema = c.getSchema();
      for (Model<?> m : models) {
        String table = m.repository().table();
        Map<String, Model<?>> relations = new LinkedHashMap<>();
        try (ResultSet rs = meta.getImportedKeys(null, schema, table)) {
          while (rs.next()) {
            Model<?> target = byTable.get(rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT));
            String column = rs.getString("FKCOLUMN_NAME");
            Field f = field(m, column);
            if (target != null && f != null && !f.hidden()) relations.put(f.name(), target);
          }
        }
        List<Links.Dependent> dependents = new ArrayList<>();
        try (ResultSet rs = meta.getExportedKeys(null, schema, table)) {
          while (rs.next()) {
            String child = rs.getString("FKTABLE_NAME");
            Links.Rule rule =
                switch (rs.getShort("DELETE_RULE")) {
                  case DatabaseMetaData.importedKeyCascade -> Links.Rule.CASCADE;
                  case DatabaseMetaData.importedKeySetNull -> Links.Rule.SET_NULL;
                  default -> Links.Rule.RESTRICT;
                };
            Model<?> cm = byTable.get(child.toLowerCase(Locale.ROOT));
            String label = cm != null ? cm.label() : Field.label(camel(child));
            dependents.add(new Links.Dependent(child, rs.getString("FKCOLUMN_NAME"), label, rule));
          }
        }
        m.links(new Links(relations, dependents));
      }
    } catch (SQLTransientConnectionException e) {
      throw new DatabaseUnavailableException(
          "keel-admin could not read the foreign keys of its models' tables: the database is"
              + " unavailable ("
              + e.getMessage()
              + "); the next admin page tries again",
          e.getSQLState(),
          e);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "keel-admin could not read the foreign keys of its models' tables: " + e.getMessage(), e);
    }
  }

  private static Field field(Model<?> m, String column) {
    for (Field f : m.fields()) {
      if (m.column(f).equalsIgnoreCase(column)) return f;
    }
    return null;
  }

  private static String camel(String table) {
    var b = new StringBuilder();
    boolean up = false;
    for (char ch : table.toCharArray()) {
      if (ch == '_') up = true;
      else {
        b.append(up ? Character.toUpperCase(ch) : ch);
        up = false;
      }
    }
    return b.toString();
  }
}
