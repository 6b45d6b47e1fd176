package dev.keel.db;

import dev.keel.db.internal.Engine;
import dev.keel.db.internal.NamedSql;
import dev.keel.db.internal.RecordType;
import dev.keel.db.internal.RowMapper;
import dev.keel.db.internal.Values;
import dev.keel.db.internal.reactive.ReactivePg;
import dev.keel.db.internal.reactive.ReactiveStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One SQL statement with named parameters, from {@link Database#sql(String)}.
 *
 * <pre>{@code
 * Article a = db.sql("select * from article where slug = :slug").bind("slug", slug).one(Article.class);
 * List<Long> ids = db.sql("select id from article where author_id in (:ids)")
 *     .bind("ids", authorIds).list(Long.class);
 * int n = db.sql("update article set title = :t where id = :id").bind("t", t).bind("id", id).update();
 * }</pre>
 *
 * <p>Values are always sent as bind parameters, never spliced into the text; a collection bound to
 * a parameter written {@code in (:name)} becomes one parameter per element. Rows map to records by
 * column name ({@code created_at} → component {@code createdAt}) or, for any other type, from the
 * first column. Runs in the current thread's transaction when there is one.
 *
 * <p>Not thread-safe: build and run it on one thread.
 */
public final class Sql {
  private final Engine engine;
  private final NamedSql sql;
  private final Map<String, Object> values = new HashMap<>();
  // what the running query maps rows to and how many it reads (0: all); fields rather than a
  // capturing lambda so that a query allocates nothing for the statement path
  private Class<?> rowType;
  private int maxRows;

  Sql(Engine engine, String sql) {
    this.engine = engine;
    this.sql = NamedSql.of(sql);
  }

  /**
   * Binds {@code value} to {@code :name}. {@code null} and {@code Optional.empty()} bind SQL NULL;
   * a collection bound to {@code in (:name)} expands to one parameter per element.
   *
   * @throws IllegalArgumentException when the statement has no parameter {@code :name}
   */
  public Sql bind(String name, Object value) {
    if (!sql.has(name)) {
      throw new IllegalArgumentException(
          "bind(\""
              + name
              + "\") names no parameter of this statement; its parameters are "
              + sql.names()
              + ": "
              + sql.source());
    }
    values.put(name, value);
    return this;
  }

  /** Binds every component of {@code record} that the statement names as {@code :component}. */
  public Sql bindRecord(Record record) {
    @SuppressWarnings("unchecked")
    RecordType<Record> type = (RecordType<Record>) engine.type(record.getClass());
    for (RecordType.Component c : type.components()) {
      if (sql.has(c.name())) values.put(c.name(), type.value(record, c));
      else if (sql.has(c.column())) values.put(c.column(), type.value(record, c));
    }
    return this;
  }

  /**
   * The single row as {@code type}.
   *
   * @throws RecordNotFoundException when there is no row
   * @throws DatabaseException when there is more than one
   */
  public <T> T one(Class<T> type) {
    List<T> rows = query(type, 2);
    if (rows.isEmpty()) {
      throw new RecordNotFoundException("no row for: " + sql.source());
    }
    if (rows.size() > 1) {
      throw new DatabaseException(
          "more than one row for: " + sql.source() + "; use list(), or narrow the where clause");
    }
    return rows.getFirst();
  }

  /** The first row as {@code type}, or empty. */
  public <T> Optional<T> optional(Class<T> type) {
    List<T> rows = query(type, 1);
    return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.getFirst());
  }

  /** Every row as {@code type}. */
  public <T> List<T> list(Class<T> type) {
    return query(type, 0);
  }

  /**
   * The rows as a lazy stream that holds a connection until closed: use it in try-with-resources.
   */
  public <T> Stream<T> stream(Class<T> type) {
    return engine.statements().stream(sql.source(), c -> prepare(c, false), rs -> mapper(type, rs));
  }

  /** Runs an insert, update, delete or DDL statement; returns the number of rows changed. */
  public int update() {
    return engine.statements().run(sql.source(), this, Sql::executeUpdate);
  }

  private int executeUpdate(Connection c) throws SQLException {
    try (PreparedStatement ps = prepare(c, false)) {
      return ps.executeUpdate();
    }
  }

  /**
   * Runs an insert and returns the key the database generated for the new row (the first generated
   * column, e.g. {@code id}).
   */
  public long insert() {
    return engine.statements().run(sql.source(), this, Sql::executeInsert);
  }

  private long executeInsert(Connection c) throws SQLException {
    try (PreparedStatement ps = prepare(c, true)) {
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        if (!keys.next()) {
          throw new DatabaseException("the database generated no key for: " + sql.source());
        }
        return keys.getLong(1);
      }
    }
  }

  /**
   * Runs the statement once per row in one JDBC batch. Each row is a {@code Map<String, ?>} of
   * parameter values or a record whose components name the parameters. Values bound with {@link
   * #bind} apply to every row unless the row sets them.
   *
   * @return the number of rows changed by each run
   */
  public int[] batch(Collection<?> rows) {
    if (sql.hasExpandable()) {
      throw new IllegalArgumentException(
          "batch() cannot expand in (:list) parameters; run the statement with update() per list:"
              + " "
              + sql.source());
    }
    if (rows.isEmpty()) return new int[0];
    return engine.statements().run(sql.source(), c -> executeBatch(c, rows));
  }

  private int[] executeBatch(Connection c, Collection<?> rows) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql.jdbc())) {
      for (Object row : rows) {
        bindAll(ps, rowValues(row, "batch"), null, 1);
        ps.addBatch();
      }
      return ps.executeBatch();
    }
  }

  /**
   * Runs this query once for each of {@code rows} and returns the single row of each run, in order.
   * A row is a {@code Map<String, ?>} of parameter values, a record whose components name the
   * parameters, or, when the statement has exactly one parameter, that parameter's value.
   *
   * <p>On PostgreSQL the runs are pipelined: up to {@value #PIPELINE} are sent together and
   * answered together, one network round trip for them instead of one each; every run is still its
   * own statement. Strict loading counts the call once. On SQLite the runs go one after another.
   *
   * <pre>{@code
   * List<World> worlds = db.sql("select * from world where id = :id").oneEach(ids, World.class);
   * }</pre>
   *
   * @throws RecordNotFoundException when a run finds no row
   * @throws DatabaseException when a run finds more than one
   */
  public <T> List<T> oneEach(Collection<?> rows, Class<T> type) {
    if (sql.hasExpandable()) {
      throw new IllegalArgumentException(
          "oneEach() cannot expand in (:list) parameters; bind a list with one() per run: "
              + sql.source());
    }
    if (rows.isEmpty()) return List.of();
    rowType = type;
    @SuppressWarnings("unchecked") // each() maps every row to rowType, which is T
    List<T> out = (List<T>) engine.statements().run(sql.source(), c -> each(c, rows));
    return out;
  }

  /** How many runs of {@link #oneEach} share a round trip: bounded so that neither side blocks. */
  static final int PIPELINE = 64;

  private List<?> each(Connection c, Collection<?> rows) throws SQLException {
    List<Map<String, Object>> params = new ArrayList<>(rows.size());
    for (Object row : rows) params.add(rowValues(row, "oneEach"));
    String single = sql.jdbc().strip();
    if (single.endsWith(";")) single = single.substring(0, single.length() - 1);
    if (c.isWrapperFor(ReactivePg.Pipelined.class)) return pipelined(c, single, params);
    // several statements in one text is how pgjdbc pipelines: one Parse/Bind/Execute each, one Sync
    int chunk = engine.sqlDialect().pipelinesStatements() && single.indexOf(';') < 0 ? PIPELINE : 1;
    List<Object> out = new ArrayList<>(params.size());
    for (int from = 0; from < params.size(); from += chunk) {
      int n = Math.min(chunk, params.size() - from);
      String text = n == 1 ? single : String.join(";", Collections.nCopies(n, single));
      try (PreparedStatement ps = c.prepareStatement(text)) {
        int p = 1;
        for (int i = 0; i < n; i++) p = bindAll(ps, params.get(from + i), null, p);
        boolean rowsCame = ps.execute();
        for (int i = 0; i < n; i++) {
          if (!rowsCame) {
            throw new DatabaseException("oneEach() runs queries that return rows: " + sql.source());
          }
          try (ResultSet rs = ps.getResultSet()) {
            if (!rs.next()) throw new RecordNotFoundException("no row for: " + sql.source());
            out.add(mapper(rowType, rs).map(rs));
            if (rs.next()) {
              throw new DatabaseException(
                  "more than one row for a run of: " + sql.source() + "; narrow the where clause");
            }
          }
          rowsCame = ps.getMoreResults();
        }
      }
    }
    return out;
  }

  /**
   * The reactive driver's {@link #oneEach}: the runs go as one pipelined batch (a Bind/Execute
   * each, one Sync, like pgjdbc's multi-statement text above), then each run's row is read.
   */
  private List<?> pipelined(Connection c, String single, List<Map<String, Object>> params)
      throws SQLException {
    try (var ps = (ReactiveStatement) c.prepareStatement(single)) {
      for (Map<String, Object> p : params) {
        bindAll(ps, p, null, 1);
        ps.addBatch();
      }
      List<Object> out = new ArrayList<>(params.size());
      for (ResultSet rs : ps.executeBatchQuery()) {
        if (!rs.next()) throw new RecordNotFoundException("no row for: " + sql.source());
        out.add(mapper(rowType, rs).map(rs));
        if (rs.next()) {
          throw new DatabaseException(
              "more than one row for a run of: " + sql.source() + "; narrow the where clause");
        }
      }
      return out;
    }
  }

  /** The parameter values of one run of {@link #batch} or {@link #oneEach}. */
  private Map<String, Object> rowValues(Object row, String method) {
    Map<String, Object> v = new HashMap<>(values);
    switch (row) {
      case Map<?, ?> m -> m.forEach((k, x) -> v.put(k.toString(), x));
      case Record r -> bindRecordInto(r, v);
      case null, default -> {
        if (!method.equals("oneEach") || sql.names().stream().distinct().count() != 1) {
          throw new IllegalArgumentException(
              method
                  + " rows must be maps or records"
                  + (method.equals("oneEach")
                      ? " (or values, for a statement with one parameter)"
                      : "")
                  + ", not "
                  + (row == null ? "null" : row.getClass().getName()));
        }
        v.put(sql.names().getFirst(), row);
      }
    }
    return v;
  }

  private void bindRecordInto(Record record, Map<String, Object> into) {
    @SuppressWarnings("unchecked")
    RecordType<Record> type = (RecordType<Record>) engine.type(record.getClass());
    for (RecordType.Component c : type.components()) {
      Object value = type.value(record, c);
      into.put(c.name(), value);
      into.put(c.column(), value);
    }
  }

  // ---------------------------------------------------------------- internals

  private <T> List<T> query(Class<T> type, int limit) {
    rowType = type;
    maxRows = limit;
    @SuppressWarnings("unchecked") // rows() maps each row to rowType, which is T
    List<T> rows = (List<T>) engine.statements().run(sql.source(), this, Sql::rows);
    return rows;
  }

  private List<?> rows(Connection c) throws SQLException {
    try (PreparedStatement ps = prepare(c, false)) {
      if (maxRows > 0) ps.setMaxRows(maxRows);
      try (ResultSet rs = ps.executeQuery()) {
        List<Object> out = new ArrayList<>();
        if (!rs.next()) return out;
        RowMapper<?> mapper = mapper(rowType, rs);
        do {
          out.add(mapper.map(rs));
        } while (rs.next());
        return out;
      }
    }
  }

  private <T> RowMapper<T> mapper(Class<T> type, ResultSet rs) throws SQLException {
    // not type.isRecord(), a native call for a record (about 17 ns here, against under 1 ns): a
    // record's superclass is always Record, and RecordType.of checks the rest once per type
    if (type.getSuperclass() == Record.class) return engine.type(type).mapper(rs, sql.source());
    var reader = Values.reader(type, engine.sqlDialect());
    @SuppressWarnings(
        "unchecked") // a primitive class stands for its box: one(long.class) is a Long
    RowMapper<T> mapper = r -> (T) reader.read(r, 1);
    return mapper;
  }

  private PreparedStatement prepare(Connection c, boolean keys) throws SQLException {
    String text = sql.jdbc();
    int[] counts = null;
    if (sql.hasExpandable()) {
      List<String> names = sql.names();
      counts = new int[names.size()];
      for (int i = 0; i < counts.length; i++) {
        Object v = values.get(names.get(i));
        counts[i] = sql.expandable(i) && v instanceof Collection<?> col ? col.size() : 1;
      }
      text = sql.expand(counts);
    }
    PreparedStatement ps =
        keys
            ? c.prepareStatement(text, PreparedStatement.RETURN_GENERATED_KEYS)
            : c.prepareStatement(text);
    try {
      bindAll(ps, values, counts, 1);
    } catch (SQLException | RuntimeException e) {
      ps.close();
      throw e;
    }
    return ps;
  }

  /** Binds {@code v} from parameter index {@code p}; returns the index after the last one. */
  private int bindAll(PreparedStatement ps, Map<String, Object> v, int[] counts, int p)
      throws SQLException {
    List<String> names = sql.names();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (!v.containsKey(name)) {
        throw new IllegalArgumentException(
            "parameter :"
                + name
                + " is not bound; call bind(\""
                + name
                + "\", value) before running: "
                + sql.source());
      }
      Object value = v.get(name);
      if (counts != null && sql.expandable(i) && value instanceof Collection<?> col) {
        for (Object element : col) Values.bind(ps, p++, element, engine.sqlDialect());
      } else {
        Values.bind(ps, p++, value, engine.sqlDialect());
      }
    }
    return p;
  }
}
