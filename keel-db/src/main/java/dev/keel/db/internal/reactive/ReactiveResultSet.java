package dev.keel.db.internal.reactive;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.data.Numeric;
import io.vertx.sqlclient.desc.ColumnDescriptor;
import java.math.BigDecimal;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

/**
 * The rows of one answer, read the way pgjdbc reads them for every type keel-db maps: numbers,
 * text, booleans, bytes, decimals, dates and times, UUIDs, arrays and JSON (as its text).
 */
final class ReactiveResultSet extends UnsupportedResultSet {
  private final RowSet<Row> rows;
  private final Iterator<Row> iterator;
  private final int maxRows;
  private int read;
  private Row row;
  private boolean lastNull;
  private boolean[] json; // per column, whether it is json/jsonb; made on first use

  ReactiveResultSet(RowSet<Row> rows, int maxRows) {
    this.rows = rows;
    this.iterator = rows.iterator();
    this.maxRows = maxRows;
  }

  @Override
  public boolean next() {
    if ((maxRows > 0 && read >= maxRows) || !iterator.hasNext()) {
      row = null;
      return false;
    }
    row = iterator.next();
    read++;
    return true;
  }

  private Object value(int c) throws SQLException {
    if (row == null) throw new SQLException("no current row: call next() first");
    if (c < 1 || c > row.size()) {
      throw new SQLException("column " + c + " is out of range 1.." + row.size());
    }
    Object v = row.getValue(c - 1);
    lastNull = v == null;
    return v;
  }

  private boolean isJson(int c) {
    if (json == null) {
      List<ColumnDescriptor> d = rows.columnDescriptors();
      json = new boolean[d.size()];
      for (int i = 0; i < json.length; i++) {
        String t = d.get(i).typeName();
        json[i] = t != null && (t.equalsIgnoreCase("json") || t.equalsIgnoreCase("jsonb"));
      }
    }
    return json[c - 1];
  }

  @Override
  public boolean wasNull() {
    return lastNull;
  }

  @Override
  public String getString(int c) throws SQLException {
    Object v = value(c);
    return switch (v) {
      case null -> null;
      case String s -> isJson(c) ? Json.encode(s) : s;
      case JsonObject o -> o.encode();
      case JsonArray a -> a.encode();
      case Buffer b -> "\\x" + HexFormat.of().formatHex(b.getBytes());
      default -> v.toString();
    };
  }

  private Number number(int c) throws SQLException {
    Object v = value(c);
    return switch (v) {
      case null -> 0;
      case Number n -> n;
      case String s -> {
        try {
          yield new BigDecimal(s.strip());
        } catch (NumberFormatException e) {
          throw new SQLException("column " + c + " holds '" + s + "', not a number", "22003");
        }
      }
      case Boolean b -> b ? 1 : 0;
      default -> throw new SQLException("column " + c + " holds a " + v.getClass().getName());
    };
  }

  @Override
  public long getLong(int c) throws SQLException {
    return number(c).longValue();
  }

  @Override
  public int getInt(int c) throws SQLException {
    return number(c).intValue();
  }

  @Override
  public short getShort(int c) throws SQLException {
    return number(c).shortValue();
  }

  @Override
  public double getDouble(int c) throws SQLException {
    return number(c).doubleValue();
  }

  @Override
  public float getFloat(int c) throws SQLException {
    return number(c).floatValue();
  }

  @Override
  public boolean getBoolean(int c) throws SQLException {
    Object v = value(c);
    return switch (v) {
      case null -> false;
      case Boolean b -> b;
      case Number n -> n.doubleValue() != 0;
      case String s -> s.equalsIgnoreCase("t") || s.equalsIgnoreCase("true") || s.equals("1");
      default -> throw new SQLException("column " + c + " holds a " + v.getClass().getName());
    };
  }

  @Override
  public BigDecimal getBigDecimal(int c) throws SQLException {
    Object v = value(c);
    return switch (v) {
      case null -> null;
      case BigDecimal d -> d;
      case Numeric n -> n.bigDecimalValue();
      default -> new BigDecimal(v.toString());
    };
  }

  @Override
  public byte[] getBytes(int c) throws SQLException {
    Object v = value(c);
    return switch (v) {
      case null -> null;
      case Buffer b -> b.getBytes();
      case byte[] b -> b;
      default -> getString(c).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    };
  }

  /** What pgjdbc's {@code getObject} returns for the types keel-db reads through it. */
  @Override
  public Object getObject(int c) throws SQLException {
    Object v = value(c);
    if (v != null && isJson(c)) return getString(c);
    return switch (v) {
      case null -> null;
      case Numeric n -> n.bigDecimalValue();
      case Buffer b -> b.getBytes();
      case OffsetDateTime t -> Timestamp.from(t.toInstant());
      case Object[] a -> new ReactiveArray(null, a);
      default -> v;
    };
  }

  @Override
  public <T> T getObject(int c, Class<T> type) throws SQLException {
    Object v = value(c);
    if (v == null || type.isInstance(v)) return type.cast(v);
    Object converted =
        switch (v) {
          case LocalDateTime t when type == OffsetDateTime.class -> t.atOffset(ZoneOffset.UTC);
          case OffsetDateTime t when type == LocalDateTime.class ->
              t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
          case OffsetDateTime t when type == LocalDate.class ->
              t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
          case LocalDateTime t when type == LocalDate.class -> t.toLocalDate();
          default -> null;
        };
    if (converted == null) {
      throw new SQLException(
          "column " + c + " holds a " + v.getClass().getSimpleName() + ", not a " + type.getName(),
          "22023");
    }
    return type.cast(converted);
  }

  @Override
  public ResultSetMetaData getMetaData() {
    return new ReactiveMetaData(rows.columnsNames(), rows.columnDescriptors());
  }

  @Override
  public void close() {
    row = null;
  }

  @Override
  public boolean isClosed() {
    return false;
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
