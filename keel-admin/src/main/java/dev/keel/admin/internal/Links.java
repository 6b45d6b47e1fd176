package dev.keel.admin.internal;

import java.util.List;
import java.util.Map;

/**
 * A model's foreign keys, read from the database at start: the {@code …Id} fields that refer to
 * another registered model, and the tables whose rows refer to this model's rows.
 *
 * @param relations the related model per field name
 * @param dependents the foreign keys that point at this model's table
 */
public record Links(Map<String, Model<?>> relations, List<Dependent> dependents) {
  static final Links NONE = new Links(Map.of(), List.of());

  /** What a delete does to the rows of {@code table} whose {@code column} names the row. */
  public enum Rule {
    CASCADE,
    SET_NULL,
    RESTRICT
  }

  /**
   * A foreign key to this model: {@code table.column} refers to the key, with its delete rule.
   *
   * @param label the table's words for people
   */
  public record Dependent(String table, String column, String label, Rule rule) {}

  public Links {
    relations = Map.copyOf(relations);
    dependents = List.copyOf(dependents);
  }
}
