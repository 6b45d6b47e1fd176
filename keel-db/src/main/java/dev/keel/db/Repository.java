package dev.keel.db;

import dev.keel.core.BadRequest;
import dev.keel.db.internal.Engine;
import dev.keel.db.internal.RecordType;
import dev.keel.db.internal.RecordType.Component;
import dev.keel.db.internal.RowMapper;
import dev.keel.db.internal.Values;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Create, read, update and delete for one record type, without writing SQL; from {@link
 * Database#repository(Class)}.
 *
 * <pre>{@code
 * record Article(@Id long id, String slug, String title, Instant createdAt, @Version int version) {}
 *
 * Repository<Article> articles = db.repository(Article.class);
 * Article a = articles.insert(new Article(0, "hello", "Hello", Instant.now(), 0)); // a.id() is set
 * articles.update(new Article(a.id(), a.slug(), "Hello!", a.createdAt(), a.version()));
 * Optional<Article> found = articles.find(a.id());
 * List<Article> page = articles.findAll(Query.all().sort("-createdAt").limit(20));
 * }</pre>
 *
 * <p>Names: table {@code article} (the record's simple name in snake_case, or {@link Table}),
 * columns in snake_case (or {@link Column}); the key is the {@link Id} component or the one named
 * {@code id}. A {@link Version} component makes updates and deletes check and bump it. Thread-safe;
 * statements join the current thread's transaction.
 */
public final class Repository<T extends Record> {
  private static final int IN_CHUNK = 1000;

  private final Engine engine;
  private final RecordType<T> type;
  private final String table;
  private final String columns;
  private final Optional<Component> id;
  private final Optional<Component> version;

  Repository(Engine engine, RecordType<T> type) {
    this.engine = engine;
    this.type = type;
    this.table = quote(type.table());
    StringJoiner cols = new StringJoiner(", ");
    for (Component c : type.components()) cols.add(quote(c.column()));
    this.columns = cols.toString();
    this.id = type.id();
    this.version = type.version();
  }

  /** The table name. */
  public String table() {
    return type.table();
  }

  // ---------------------------------------------------------------- writes

  /**
   * Inserts {@code record} and returns the row as stored: with the generated key when the key was
   * {@code 0} or {@code null}, and with the database's defaults.
   */
  public T insert(T record) {
    StringJoiner cols = new StringJoiner(", ");
    StringJoiner marks = new StringJoiner(", ");
    List<Object> params = new ArrayList<>();
    for (Component c : type.components()) {
      Object v = type.value(record, c);
      if (c.isId() && generated(v)) continue;
      cols.add(quote(c.column()));
      marks.add("?");
      params.add(v);
    }
    String sql =
        "insert into " + table + " (" + cols + ") values (" + marks + ") returning " + columns;
    return exec(sql, params, this::single);
  }

  /**
   * Updates every column of the row with {@code record}'s key and returns the row as stored (with
   * its version incremented).
   *
   * @throws OptimisticLockException when the row's version is not the record's any more
   * @throws RecordNotFoundException when there is no row with this key
   */
  public T update(T record) {
    Component key = requireId("update");
    StringJoiner set = new StringJoiner(", ");
    List<Object> params = new ArrayList<>();
    for (Component c : type.components()) {
      if (c.isId()) continue;
      if (c.isVersion()) {
        set.add(quote(c.column()) + " = " + quote(c.column()) + " + 1");
      } else {
        set.add(quote(c.column()) + " = ?");
        params.add(type.value(record, c));
      }
    }
    Object keyValue = type.value(record, key);
    StringBuilder sql = new StringBuilder("update ").append(table).append(" set ").append(set);
    sql.append(" where ").append(quote(key.column())).append(" = ?");
    params.add(keyValue);
    if (version.isPresent()) {
      sql.append(" and ").append(quote(version.get().column())).append(" = ?");
      params.add(type.value(record, version.get()));
    }
    sql.append(" returning ").append(columns);
    List<T> rows = exec(sql.toString(), params, this::all);
    if (rows.isEmpty()) throw missing("update", record, keyValue);
    return rows.getFirst();
  }

  /**
   * Deletes the row of {@code record} (checking its version when it has one).
   *
   * @return false when there was no such row
   * @throws OptimisticLockException when the row's version is not the record's any more
   */
  public boolean delete(T record) {
    Component key = requireId("delete");
    Object keyValue = type.value(record, key);
    List<Object> params = new ArrayList<>(List.of(keyValue));
    String sql = "delete from " + table + " where " + quote(key.column()) + " = ?";
    if (version.isPresent()) {
      sql += " and " + quote(version.get().column()) + " = ?";
      params.add(type.value(record, version.get()));
    }
    int n = exec(sql, params, PreparedStatement::executeUpdate);
    if (n == 0 && version.isPresent() && existsById(keyValue)) {
      throw missing("delete", record, keyValue);
    }
    return n > 0;
  }

  /** Deletes the row with key {@code id}; false when there was none. */
  public boolean deleteById(Object id) {
    Component key = requireId("deleteById");
    String sql = "delete from " + table + " where " + quote(key.column()) + " = ?";
    return exec(sql, List.of(id), PreparedStatement::executeUpdate) > 0;
  }

  // ---------------------------------------------------------------- reads

  /** The row with key {@code id}. */
  public Optional<T> find(Object id) {
    Component key = requireId("find");
    String sql = "select " + columns + " from " + table + " where " + quote(key.column()) + " = ?";
    List<T> rows = exec(sql, List.of(id), this::all);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
  }

  /** Every row, in key order. */
  public List<T> findAll() {
    return findAll(Query.all());
  }

  /** The rows {@code query} selects, in its order (then key order). */
  public List<T> findAll(Query query) {
    List<Object> params = new ArrayList<>();
    StringBuilder sql = new StringBuilder("select ").append(columns).append(" from ").append(table);
    List<String> conditions = conditions(query, params);
    List<Query.Order> orders = orders(query);
    query.afterRow().ifPresent(row -> conditions.add(keyset(orders, row, params)));
    if (!conditions.isEmpty()) sql.append(" where ").append(String.join(" and ", conditions));
    if (!orders.isEmpty()) {
      StringJoiner by = new StringJoiner(", ", " order by ", "");
      for (Query.Order o : orders) by.add(quote(o.column()) + (o.descending() ? " desc" : ""));
      sql.append(by);
    }
    if (query.limitValue() > 0) sql.append(" limit ").append(query.limitValue());
    if (query.offsetValue() > 0) {
      if (query.limitValue() == 0) sql.append(" limit -1"); // SQLite needs a limit before offset
      sql.append(" offset ").append(query.offsetValue());
    }
    String text = sql.toString();
    if (query.limitValue() == 0
        && query.offsetValue() > 0
        && engine.dialect() == Dialect.POSTGRESQL) {
      text = text.replace(" limit -1", "");
    }
    return exec(text, params, this::all);
  }

  /**
   * The rows whose {@code column} is one of {@code keys}, grouped by that column's value in the
   * order of {@code keys} (a key without rows maps to an empty list). One query per 1000 keys: this
   * is how to load the children of a page of parents without N+1 queries.
   *
   * <pre>{@code
   * Map<Long, List<Comment>> byArticle = comments.findAllBy("articleId", articleIds);
   * }</pre>
   *
   * @param <K> the Java type of {@code column}'s component (e.g. {@code Long} for {@code long})
   */
  @SuppressWarnings("unchecked")
  public <K> Map<K, List<T>> findAllBy(String column, Collection<K> keys) {
    Component c = component(column, "findAllBy");
    Map<K, List<T>> out = new LinkedHashMap<>();
    for (K k : keys) out.put(k, new ArrayList<>());
    if (keys.isEmpty()) return out;
    List<K> list = List.copyOf(out.keySet());
    for (int from = 0; from < list.size(); from += IN_CHUNK) {
      List<K> chunk = list.subList(from, Math.min(list.size(), from + IN_CHUNK));
      StringJoiner marks = new StringJoiner(", ", "(", ")");
      chunk.forEach(k -> marks.add("?"));
      String sql =
          "select " + columns + " from " + table + " where " + quote(c.column()) + " in " + marks;
      for (T row : exec(sql, new ArrayList<>(chunk), this::all)) {
        Object v = type.value(row, c);
        out.computeIfAbsent((K) v, k -> new ArrayList<>()).add(row);
      }
    }
    return out;
  }

  /** The rows with these keys, by key, in the order of {@code ids}; one query per 1000 keys. */
  public <K> Map<K, T> findAllById(Collection<K> ids) {
    Component key = requireId("findAllById");
    Map<K, T> out = new LinkedHashMap<>();
    findAllBy(key.name(), ids)
        .forEach(
            (k, rows) -> {
              if (!rows.isEmpty()) out.put(k, rows.getFirst());
            });
    return out;
  }

  /** The number of rows. */
  public long count() {
    return count(Query.all());
  }

  /** The number of rows {@code query}'s filters select (its order and page are ignored). */
  public long count(Query query) {
    List<Object> params = new ArrayList<>();
    List<String> conditions = conditions(query, params);
    String sql =
        "select count(*) from "
            + table
            + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions));
    return exec(
        sql,
        params,
        ps -> {
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  /** True when {@code query}'s filters select at least one row. */
  public boolean exists(Query query) {
    List<Object> params = new ArrayList<>();
    List<String> conditions = conditions(query, params);
    String sql =
        "select 1 from "
            + table
            + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
            + " limit 1";
    return exec(
        sql,
        params,
        ps -> {
          try (ResultSet rs = ps.executeQuery()) {
            return rs.next();
          }
        });
  }

  /** True when a row with key {@code id} exists. */
  public boolean existsById(Object id) {
    return exists(Query.all().where(requireId("existsById").name(), id));
  }

  // ---------------------------------------------------------------- SQL building

  private List<String> conditions(Query query, List<Object> params) {
    List<String> out = new ArrayList<>();
    for (Query.Filter f : query.filters()) {
      Component c = component(f.column(), "filter");
      String col = quote(c.column());
      switch (f.op()) {
        case IS_NULL, IS_NOT_NULL -> out.add(col + " " + f.op().sql);
        case IN -> {
          if (!(f.value() instanceof Collection<?> values)) {
            throw new IllegalArgumentException(
                "filter " + f.column() + " IN needs a collection, not " + describe(f.value()));
          }
          if (values.isEmpty()) {
            out.add("1 = 0");
          } else {
            StringJoiner marks = new StringJoiner(", ", "(", ")");
            for (Object v : values) {
              check(c, v);
              marks.add("?");
              params.add(v);
            }
            out.add(col + " in " + marks);
          }
        }
        default -> {
          check(c, f.value());
          if (f.value() == null || f.value() instanceof Optional<?> o && o.isEmpty()) {
            throw new IllegalArgumentException(
                "filter " + f.column() + " " + f.op() + " null matches nothing; use Op.IS_NULL");
          }
          out.add(col + " " + f.op().sql + " ?");
          params.add(f.value());
        }
      }
    }
    return out;
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
        and.add(quote(c.column()) + op);
        params.add(type.value(typed, c));
      }
      or.add(and.toString());
    }
    return or.toString();
  }

  private Component component(String column, String where) {
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

  private Component requireId(String op) {
    return id.orElseThrow(
        () ->
            new IllegalStateException(
                op
                    + " needs a key, but record "
                    + type.type().getSimpleName()
                    + " has no @Id component and none named id"));
  }

  private static boolean generated(Object v) {
    return v == null
        || v instanceof Number n && n.longValue() == 0
        || v instanceof Optional<?> o && o.isEmpty();
  }

  private RuntimeException missing(String op, T record, Object keyValue) {
    if (version.isPresent() && existsById(keyValue)) {
      return new OptimisticLockException(
          op
              + " of "
              + type.table()
              + " "
              + keyValue
              + " at version "
              + type.value(record, version.get())
              + " failed: the row was changed by someone else since it was read; reload it and"
              + " apply the change again");
    }
    return new RecordNotFoundException(
        op + " of " + type.table() + " " + keyValue + " failed: there is no such row");
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  // ---------------------------------------------------------------- execution

  private interface Statement<R> {
    R run(PreparedStatement ps) throws SQLException;
  }

  private <R> R exec(String sql, List<Object> params, Statement<R> body) {
    Connection c = engine.acquire();
    try {
      engine.track(sql);
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (int i = 0; i < params.size(); i++) {
          Values.bind(ps, i + 1, params.get(i), engine.dialect());
        }
        return body.run(ps);
      }
    } catch (SQLException e) {
      throw engine.translate(e, sql);
    } finally {
      engine.release(c);
    }
  }

  private List<T> all(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      List<T> out = new ArrayList<>();
      if (!rs.next()) return out;
      RowMapper<T> mapper = type.mapper(rs, "repository:" + type.table() + ":" + columns);
      do {
        out.add(mapper.map(rs));
      } while (rs.next());
      return out;
    }
  }

  private T single(PreparedStatement ps) throws SQLException {
    List<T> rows = all(ps);
    if (rows.isEmpty()) {
      throw new DatabaseException("the database returned no row for an insert into " + table);
    }
    return rows.getFirst();
  }
}
