package dev.keel.db;

import dev.keel.db.internal.Engine;
import dev.keel.db.internal.RecordType;
import dev.keel.db.internal.RecordType.Component;
import dev.keel.db.internal.RepositorySql;
import dev.keel.db.internal.RowMapper;
import dev.keel.db.internal.Values;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
  private final RepositorySql<T> sql;
  private final String rows;

  Repository(Engine engine, RecordType<T> type) {
    this.engine = engine;
    this.type = type;
    this.sql = new RepositorySql<>(type, engine.sqlDialect());
    this.rows = sql.rowsLabel();
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
    List<Object> params = new ArrayList<>();
    return exec(sql.insert(record, params), params, this::single);
  }

  /**
   * Updates every column of the row with {@code record}'s key and returns the row as stored (with
   * its version incremented).
   *
   * @throws OptimisticLockException when the row's version is not the record's any more
   * @throws RecordNotFoundException when there is no row with this key
   */
  public T update(T record) {
    Component key = sql.requireId("update");
    List<Object> params = new ArrayList<>();
    List<T> rows = exec(sql.update(record, key, params), params, this::all);
    if (rows.isEmpty()) throw missing("update", record, type.value(record, key));
    return rows.getFirst();
  }

  /**
   * Deletes the row of {@code record} (checking its version when it has one).
   *
   * @return false when there was no such row
   * @throws OptimisticLockException when the row's version is not the record's any more
   */
  public boolean delete(T record) {
    Component key = sql.requireId("delete");
    List<Object> params = new ArrayList<>();
    int n = exec(sql.delete(record, key, params), params, PreparedStatement::executeUpdate);
    Object keyValue = type.value(record, key);
    if (n == 0 && type.version().isPresent() && existsById(keyValue)) {
      throw missing("delete", record, keyValue);
    }
    return n > 0;
  }

  /** Deletes the row with key {@code id}; false when there was none. */
  public boolean deleteById(Object id) {
    Component key = sql.requireId("deleteById");
    return exec(sql.deleteById(key), List.of(id), PreparedStatement::executeUpdate) > 0;
  }

  // ---------------------------------------------------------------- reads

  /** The row with key {@code id}. */
  public Optional<T> find(Object id) {
    Component key = sql.requireId("find");
    List<T> rows = exec(sql.find(key), List.of(id), this::all);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
  }

  /** Every row, in key order. */
  public List<T> findAll() {
    return findAll(Query.all());
  }

  /** The rows {@code query} selects, in its order (then key order). */
  public List<T> findAll(Query query) {
    List<Object> params = new ArrayList<>();
    return exec(sql.findAll(query, params), params, this::all);
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
    Component c = sql.component(column, "findAllBy");
    Map<K, List<T>> out = new LinkedHashMap<>();
    for (K k : keys) out.put(k, new ArrayList<>());
    if (keys.isEmpty()) return out;
    List<K> list = List.copyOf(out.keySet());
    for (int from = 0; from < list.size(); from += IN_CHUNK) {
      List<K> chunk = list.subList(from, Math.min(list.size(), from + IN_CHUNK));
      for (T row : exec(sql.findIn(c, chunk.size()), new ArrayList<>(chunk), this::all)) {
        Object v = type.value(row, c);
        out.computeIfAbsent((K) v, k -> new ArrayList<>()).add(row);
      }
    }
    return out;
  }

  /** The rows with these keys, by key, in the order of {@code ids}; one query per 1000 keys. */
  public <K> Map<K, T> findAllById(Collection<K> ids) {
    Component key = sql.requireId("findAllById");
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
    return exec(
        sql.count(query, params),
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
    return exec(
        sql.exists(query, params),
        params,
        ps -> {
          try (ResultSet rs = ps.executeQuery()) {
            return rs.next();
          }
        });
  }

  /** True when a row with key {@code id} exists. */
  public boolean existsById(Object id) {
    return exists(Query.all().where(sql.requireId("existsById").name(), id));
  }

  private RuntimeException missing(String op, T record, Object keyValue) {
    Optional<Component> version = type.version();
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

  // ---------------------------------------------------------------- execution

  private interface Statement<R> {
    R run(PreparedStatement ps) throws SQLException;
  }

  private <R> R exec(String text, List<Object> params, Statement<R> body) {
    return engine
        .statements()
        .run(
            text,
            c -> {
              try (PreparedStatement ps = c.prepareStatement(text)) {
                for (int i = 0; i < params.size(); i++) {
                  Values.bind(ps, i + 1, params.get(i), engine.sqlDialect());
                }
                return body.run(ps);
              }
            });
  }

  private List<T> all(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      List<T> out = new ArrayList<>();
      if (!rs.next()) return out;
      RowMapper<T> mapper = type.mapper(rs, rows);
      do {
        out.add(mapper.map(rs));
      } while (rs.next());
      return out;
    }
  }

  private T single(PreparedStatement ps) throws SQLException {
    List<T> rows = all(ps);
    if (rows.isEmpty()) {
      throw new DatabaseException("the database returned no row for an insert into " + sql.table());
    }
    return rows.getFirst();
  }
}
