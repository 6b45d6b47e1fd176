package dev.keel.db.internal.reactive;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One prepared statement of the reactive driver: the values keel-db binds, converted to what
 * vertx-pg-client encodes (the server infers each parameter's type, as pgjdbc's untyped binds let
 * it), sent as a cached prepared query; the calling thread waits for the answer.
 */
public final class ReactiveStatement extends UnsupportedStatement {
  private final ReactiveConnection connection;
  private final String sql;
  private final boolean keys;
  private Object[] params = new Object[8];
  private int count;
  private int maxRows;
  private List<Tuple> batch;
  private CompletableFuture<RowSet<Row>> sent;
  private RowSet<Row> result;
  private boolean closed;

  ReactiveStatement(ReactiveConnection connection, String sql, boolean keys) {
    this.connection = connection;
    this.sql = sql;
    this.keys = keys;
  }

  private void set(int i, Object value) throws SQLException {
    if (i < 1) throw new SQLException("parameter index " + i + " is below 1");
    if (i > params.length) params = Arrays.copyOf(params, Math.max(i, params.length * 2));
    params[i - 1] = value;
    count = Math.max(count, i);
  }

  private Tuple tuple() {
    return Tuple.wrap(Arrays.asList(Arrays.copyOf(params, count)));
  }

  private String text() {
    String t = connection.driver().text(sql);
    // pgjdbc's way to RETURN_GENERATED_KEYS, so that getGeneratedKeys() answers alike
    return keys && !t.toLowerCase(java.util.Locale.ROOT).contains("returning")
        ? t + " returning *"
        : t;
  }

  // ---------------------------------------------------------------- binding

  @Override
  public void setNull(int i, int sqlType) throws SQLException {
    set(i, null);
  }

  @Override
  public void setString(int i, String x) throws SQLException {
    set(i, x);
  }

  @Override
  public void setLong(int i, long x) throws SQLException {
    set(i, x);
  }

  @Override
  public void setInt(int i, int x) throws SQLException {
    set(i, x);
  }

  @Override
  public void setShort(int i, short x) throws SQLException {
    set(i, x);
  }

  @Override
  public void setBoolean(int i, boolean x) throws SQLException {
    set(i, x);
  }

  @Override
  public void setDouble(int i, double x) throws SQLException {
    set(i, x);
  }

  @Override
  public void setFloat(int i, float x) throws SQLException {
    set(i, x);
  }

  @Override
  public void setBigDecimal(int i, BigDecimal x) throws SQLException {
    set(i, x);
  }

  @Override
  public void setBytes(int i, byte[] x) throws SQLException {
    set(i, x == null ? null : Buffer.buffer(x));
  }

  @Override
  public void setObject(int i, Object x) throws SQLException {
    set(i, x);
  }

  /**
   * keel-db binds JSON text as {@link Types#OTHER} (untyped, the column decides): the client
   * encodes a json/jsonb parameter from the parsed value, so it is parsed here.
   */
  @Override
  public void setObject(int i, Object x, int targetSqlType) throws SQLException {
    if (targetSqlType == Types.OTHER && x instanceof String s) {
      try {
        set(i, Json.decodeValue(s));
      } catch (DecodeException e) {
        set(i, s);
      }
    } else {
      set(i, x);
    }
  }

  @Override
  public void setArray(int i, Array x) throws SQLException {
    set(i, x == null ? null : ((ReactiveArray) x).encoded());
  }

  /** An empty array for an array parameter of any element type (pgjdbc's untyped {@code '{}'}). */
  public void setEmptyArray(int i) throws SQLException {
    set(i, new Object[0]);
  }

  @Override
  public void clearParameters() {
    Arrays.fill(params, null);
    count = 0;
  }

  @Override
  public void setMaxRows(int max) {
    maxRows = max;
  }

  @Override
  public int getMaxRows() {
    return maxRows;
  }

  // ---------------------------------------------------------------- running

  /** Sends the statement without waiting for its answer; the other methods wait. */
  private void send() throws SQLException {
    if (closed) throw new SQLException("the statement is closed");
    if (sent == null) {
      String text = text();
      Tuple tuple = tuple();
      sent = connection.send(client -> client.preparedQuery(text).execute(tuple));
    }
  }

  private RowSet<Row> answer() throws SQLException {
    send();
    CompletableFuture<RowSet<Row>> f = sent;
    sent = null;
    try {
      result = connection.driver().await(f);
    } finally {
      connection.checkBegun();
    }
    return result;
  }

  @Override
  public ResultSet executeQuery() throws SQLException {
    return new ReactiveResultSet(answer(), maxRows);
  }

  @Override
  public int executeUpdate() throws SQLException {
    return answer().rowCount();
  }

  @Override
  public boolean execute() throws SQLException {
    return returnsRows(answer());
  }

  private static boolean returnsRows(RowSet<Row> rows) {
    return rows.columnDescriptors() != null && !rows.columnDescriptors().isEmpty();
  }

  @Override
  public ResultSet getResultSet() {
    RowSet<Row> r = result;
    return r != null && returnsRows(r) ? new ReactiveResultSet(r, maxRows) : null;
  }

  @Override
  public boolean getMoreResults() {
    result = null;
    return false;
  }

  @Override
  public int getUpdateCount() {
    RowSet<Row> r = result;
    return r == null || returnsRows(r) ? -1 : r.rowCount();
  }

  @Override
  public ResultSet getGeneratedKeys() throws SQLException {
    if (!keys || result == null) throw new SQLException("no generated keys were asked for");
    return new ReactiveResultSet(result, 0);
  }

  @Override
  public void addBatch() {
    if (batch == null) batch = new ArrayList<>();
    batch.add(tuple());
    clearParameters();
  }

  /** The whole batch goes as one pipelined group of Bind/Execute with one Sync. */
  @Override
  public int[] executeBatch() throws SQLException {
    List<RowSet<Row>> results = runBatch();
    int[] counts = new int[results.size()];
    for (int i = 0; i < counts.length; i++) counts[i] = results.get(i).rowCount();
    return counts;
  }

  /**
   * Runs the batch like {@link #executeBatch} (one write, one Sync, one wait) and answers each
   * run's rows: {@code Sql.oneEach} on this driver.
   */
  public List<ResultSet> executeBatchQuery() throws SQLException {
    List<RowSet<Row>> results = runBatch();
    List<ResultSet> out = new ArrayList<>(results.size());
    for (RowSet<Row> r : results) out.add(new ReactiveResultSet(r, maxRows));
    return out;
  }

  private List<RowSet<Row>> runBatch() throws SQLException {
    List<Tuple> rows = batch;
    batch = null;
    if (rows == null || rows.isEmpty()) return List.of();
    RowSet<Row> r;
    String text = text();
    var f = connection.send(client -> client.preparedQuery(text).executeBatch(rows));
    try {
      r = connection.driver().await(f);
    } finally {
      connection.checkBegun();
    }
    List<RowSet<Row>> out = new ArrayList<>(rows.size());
    for (; r != null && out.size() < rows.size(); r = r.next()) out.add(r);
    return out;
  }

  @Override
  public void clearBatch() {
    batch = null;
  }

  @Override
  public Connection getConnection() {
    return connection;
  }

  @Override
  public void close() {
    closed = true;
    result = null;
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) return iface.cast(this);
    throw new SQLException("not a wrapper of " + iface.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }
}
