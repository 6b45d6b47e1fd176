package dev.keel.db.internal;

import dev.keel.core.BadRequest;
import dev.keel.db.DbProblems;
import dev.keel.db.Query;
import dev.keel.db.internal.RecordType.Component;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The SQL of {@link dev.keel.db.Repository} for one record type, in its database's {@link
 * SqlDialect}. Every method returns the statement's text and appends its parameters, in order, to
 * {@code params}; names from a {@link Query} are checked against the record, so none reaches the
 * SQL unchecked. Thread-safe.
 */
public final class RepositorySql<T> {
  private final RecordType<T> type;
  private final SqlDialect dialect;
  private final String table;
  private final String columns;
  private final Optional<Component> id;
  private final Optional<Component> version;

  public RepositorySql(RecordType<T> type, SqlDialect dialect) {
    this.type = type;
    this.dialect = dialect;
    this.table = dialect.quote(type.table());
    StringJoiner cols = new StringJoiner(", ");
    for (Component c : type.components()) cols.add(dialect.quote(c.column()));
    this.columns = cols.toString();
    this.id = type.id();
    this.version = type.version();
  }

  /** The table name, quoted. */
  public String table() {
    return table;
  }

  /** The text rows are mapped under (the mapper's column plan is cached by it). */
  public String rowsLabel() {
    return "repository:" + type.table() + ":" + columns;
  }

  // ---------------------------------------------------------------- writes

  /** Inserts every column but a key to be generated, returning the row as stored. */
  public String insert(T record, List<Object> params) {
    StringJoiner cols = new StringJoiner(", ");
    StringJoiner marks = new StringJoiner(", ");
    for (Component c : type.components()) {
      Object v = type.value(record, c);
      if (c.isId() && generated(v)) continue;
      cols.add(quote(c));
      marks.add("?");
      params.add(v);
    }
    return "insert into " + table + " (" + cols + ") values (" + marks + ") returning " + columns;
  }

  /** Sets every column of the row with the record's key (and version, which it increments). */
  public String update(T record, Component key, List<Object> params) {
    StringJoiner set = new StringJoiner(", ");
    for (Component c : type.components()) {
      if (c.isId()) continue;
      if (c.isVersion()) {
        set.add(quote(c) + " = " + quote(c) + " + 1");
      } else {
        set.add(quote(c) + " = ?");
        params.add(type.value(record, c));
      }
    }
    StringBuilder sql = new StringBuilder("update ").append(table).append(" set ").append(set);
    sql.append(whereKey(record, key, params));
    return sql.append(" returning ").append(columns).toString();
  }

  /** Deletes the row with the record's key (and version). */
  public String delete(T record, Component key, List<Object> params) {
    return "delete from " + table + whereKey(record, key, params);
  }

  private String whereKey(T record, Component key, List<Object> params) {
    String where = " where " + quote(key) + " = ?";
    params.add(type.value(record, key));
    if (version.isPresent()) {
      where += " and " + quote(version.get()) + " = ?";
      params.add(type.value(record, version.get()));
    }
    return where;
  }

  /** Deletes the row whose key is the one parameter. */
  public String deleteById(Component key) {
    return "delete from " + table + " where " + quote(key) + " = ?";
  }

  // ---------------------------------------------------------------- reads

  /** The row whose key is the one parameter. */
  public String find(Component key) {
    return "select " + columns + " from " + table + " where " + quote(key) + " = ?";
  }

  /** The rows whose {@code column} is one of {@code count} parameters. */
  public String findIn(Component column, int count) {
    StringJoiner marks = new StringJoiner(", ", "(", ")");
    for (int i = 0; i < count; i++) marks.add("?");
    return "select " + columns + " from " + table + " where " + quote(column) + " in " + marks;
  }

  /** The rows {@code query} selects, in its order and then key order, one page of them. */
  public String findAll(Query query, List<Object> params) {
    StringBuilder sql = new StringBuilder("select ").append(columns).append(" from ").append(table);
    List<String> conditions = conditions(query, params);
    List<Query.Order> orders = orders(query);
    query.afterRow().ifPresent(row -> conditions.add(keyset(orders, row, params)));
    if (!conditions.isEmpty()) sql.append(" where ").append(String.join(" and ", conditions));
    if (!orders.isEmpty()) {
      StringJoiner by = new StringJoiner(", ", " order by ", "");
      for (Query.Order o : orders) {
        by.add(dialect.quote(o.column()) + (o.descending() ? " desc" : ""));
      }
      sql.append(by);
    }
    dialect.page(sql, query.limitValue(), query.offsetValue());
    return sql.toString();
  }

  /** The number of rows {@code query}'s filters select. */
  public String count(Query query, List<Object> params) {
    return "select count(*) from " + table + where(conditions(query, params));
  }

  /** One row when {@code query}'s filters select any. */
  public String exists(Query query, List<Object> params) {
    StringBuilder sql = new StringBuilder("select 1 from ").append(table);
    sql.append(where(conditions(query, params)));
    dialect.page(sql, 1, 0);
    return sql.toString();
  }

  private static String where(List<String> conditions) {
    return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
  }

  // ---------------------------------------------------------------- names and values

  /**
   * The component named {@code column} (Java or column name).
   *
   * @throws IllegalArgumentException naming the columns there are, when there is none
   */
  public Component component(String column, String where) {
    return type.component(column)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    where
                        + ": '"
                        + column
                        + "' is not a column of "
                        + type.table()
                        + "; use one of "
                        + names()));
  }

  /**
   * The key component.
   *
   * @throws IllegalStateException when the record has none; {@code op} names the caller
   */
  public Component requireId(String op) {
    return id.orElseThrow(
        () ->
            new IllegalStateException(
                op
                    + " needs a key, but record "
                    + type.type().getSimpleName()
                    + " has no @Id component and none named id"));
  }

  private List<String> conditions(Query query, List<Object> params) {
    List<String> out = new ArrayList<>();
    for (Query.Filter f : query.filters()) out.add(condition(f, params));
    for (List<Query.Filter> group : query.anyOf()) {
      if (group.isEmpty()) {
        out.add("1 = 0");
        continue;
      }
      StringJoiner any = new StringJoiner(" or ", "(", ")");
      for (Query.Filter f : group) any.add(condition(f, params));
      out.add(any.toString());
    }
    return out;
  }

  private String condition(Query.Filter f, List<Object> params) {
    Component c = component(f.column(), "filter");
    String col = quote(c);
    switch (f.op()) {
      case IS_NULL -> {
        return col + " is null";
      }
      case IS_NOT_NULL -> {
        return col + " is not null";
      }
      case IN -> {
        if (!(f.value() instanceof Collection<?> values)) {
          throw new IllegalArgumentException(
              "filter " + f.column() + " IN needs a collection, not " + describe(f.value()));
        }
        if (values.isEmpty()) return "1 = 0";
        StringJoiner marks = new StringJoiner(", ", "(", ")");
        for (Object v : values) {
          check(c, v);
          marks.add("?");
          params.add(v);
        }
        return col + " in " + marks;
      }
      case CONTAINS -> {
        if (c.raw() != String.class
            && !c.type().getTypeName().equals("java.util.Optional<java.lang.String>")) {
          throw new IllegalArgumentException(
              "filter "
                  + f.column()
                  + " CONTAINS needs a String column, not "
                  + c.type().getTypeName()
                  + "; compare it with EQ or a range instead");
        }
        if (!(f.value() instanceof String text)) {
          throw new IllegalArgumentException(
              "filter " + f.column() + " CONTAINS needs a String, not " + describe(f.value()));
        }
        String escaped =
            text.toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
        params.add("%" + escaped + "%");
        return "lower(" + col + ") like ? escape '\\'";
      }
      default -> {
        check(c, f.value());
        if (f.value() == null || f.value() instanceof Optional<?> o && o.isEmpty()) {
          throw new IllegalArgumentException(
              "filter " + f.column() + " " + f.op() + " null matches nothing; use Op.IS_NULL");
        }
        params.add(f.value());
        return col + " " + operator(f.op()) + " ?";
      }
    }
  }

  private static String operator(Query.Filter.Op op) {
    return switch (op) {
      case EQ -> "=";
      case NE -> "<>";
      case LT -> "<";
      case LE -> "<=";
      case GT -> ">";
      case GE -> ">=";
      case LIKE -> "like";
      case CONTAINS -> "like";
      case IN -> "in";
      case IS_NULL -> "is null";
      case IS_NOT_NULL -> "is not null";
    };
  }

  /** The query's sort keys checked against the record, plus the key for a total order. */
  private List<Query.Order> orders(Query query) {
    List<Query.Order> out = new ArrayList<>();
    boolean hasKey = false;
    boolean lastDesc = false;
    for (Query.Order o : query.orders()) {
      Component c = sortable(o.column());
      out.add(new Query.Order(c.column(), o.descending()));
      hasKey |= c.isId();
      lastDesc = o.descending();
    }
    if (!hasKey && id.isPresent()) out.add(new Query.Order(id.get().column(), lastDesc));
    return out;
  }

  private Component sortable(String column) {
    return type.component(column)
        .orElseThrow(
            () ->
                new BadRequest(
                    DbProblems.SORT_INVALID,
                    "cannot sort by '"
                        + column
                        + "': it is not a column of "
                        + type.table()
                        + "; use one of "
                        + names()));
  }

  /** {@code (a > ?) or (a = ? and b > ?) or ...} for rows after {@code row} in {@code orders}. */
  private String keyset(List<Query.Order> orders, Record row, List<Object> params) {
    if (!type.type().isInstance(row)) {
      throw new IllegalArgumentException(
          "after(row) needs a " + type.type().getSimpleName() + ", not " + describe(row));
    }
    T typed = type.type().cast(row);
    StringJoiner or = new StringJoiner(" or ", "(", ")");
    for (int i = 0; i < orders.size(); i++) {
      StringJoiner and = new StringJoiner(" and ", "(", ")");
      for (int k = 0; k <= i; k++) {
        Query.Order o = orders.get(k);
        Component c = type.component(o.column()).orElseThrow();
        String op = k < i ? " = ?" : (o.descending() ? " < ?" : " > ?");
        and.add(quote(c) + op);
        params.add(type.value(typed, c));
      }
      or.add(and.toString());
    }
    return or.toString();
  }

  private static void check(Component c, Object value) {
    Object v = value instanceof Optional<?> o ? o.orElse(null) : value;
    if (v == null) return;
    Class<?> expected = c.raw() == Optional.class ? Object.class : box(c.raw());
    boolean numbers = v instanceof Number && Number.class.isAssignableFrom(expected);
    if (!numbers && !expected.isInstance(v)) {
      throw new IllegalArgumentException(
          "filter "
              + c.name()
              + " expects "
              + expected.getSimpleName()
              + ", not "
              + describe(v)
              + "; convert the value first");
    }
  }

  private static Class<?> box(Class<?> c) {
    if (!c.isPrimitive()) return c;
    if (c == long.class) return Long.class;
    if (c == int.class) return Integer.class;
    if (c == boolean.class) return Boolean.class;
    if (c == double.class) return Double.class;
    if (c == short.class) return Short.class;
    if (c == float.class) return Float.class;
    return Object.class;
  }

  private static String describe(Object v) {
    return v == null ? "null" : v.getClass().getSimpleName() + " " + v;
  }

  private List<String> names() {
    List<String> out = new ArrayList<>();
    for (Component c : type.components()) out.add(c.name());
    return out;
  }

  private String quote(Component c) {
    return dialect.quote(c.column());
  }

  private static boolean generated(Object v) {
    return v == null
        || v instanceof Number n && n.longValue() == 0
        || v instanceof Optional<?> o && o.isEmpty();
  }
}
