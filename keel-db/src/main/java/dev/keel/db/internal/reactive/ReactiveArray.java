package dev.keel.db.internal.reactive;

import io.vertx.sqlclient.data.Numeric;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/**
 * An array value both ways: one keel-db binds ({@code createArrayOf}, elements as pgjdbc takes
 * them) and one it reads (elements as pgjdbc returns them: {@link Timestamp} for timestamptz,
 * {@link java.sql.Date} for date, {@link BigDecimal} for numeric).
 */
final class ReactiveArray implements Array {
  private final String typeName; // null for an array read from a row
  private final Object[] elements;

  ReactiveArray(String typeName, Object[] elements) {
    this.typeName = typeName;
    this.elements = elements;
  }

  /** The typed Java array vertx-pg-client encodes for the parameter. */
  Object[] encoded() {
    Object[] out =
        switch (typeName == null ? "" : typeName) {
          case "bigint" -> new Long[elements.length];
          case "integer" -> new Integer[elements.length];
          case "smallint" -> new Short[elements.length];
          case "float8" -> new Double[elements.length];
          case "float4" -> new Float[elements.length];
          case "boolean" -> new Boolean[elements.length];
          case "numeric" -> new Number[elements.length];
          case "uuid" -> new UUID[elements.length];
          case "timestamptz" -> new OffsetDateTime[elements.length];
          case "date" -> new LocalDate[elements.length];
          case "text" -> new String[elements.length];
          default -> new Object[elements.length];
        };
    for (int i = 0; i < out.length; i++) {
      out[i] =
          switch (elements[i]) {
            case Timestamp t -> t.toInstant().atOffset(ZoneOffset.UTC);
            case java.sql.Date d -> d.toLocalDate();
            case null, default -> elements[i];
          };
    }
    return out;
  }

  @Override
  public Object getArray() {
    Object[] out = new Object[elements.length];
    for (int i = 0; i < out.length; i++) {
      out[i] =
          switch (elements[i]) {
            case OffsetDateTime t -> Timestamp.from(t.toInstant());
            case LocalDate d -> java.sql.Date.valueOf(d);
            case Numeric n -> n.bigDecimalValue();
            case null, default -> elements[i];
          };
    }
    return out;
  }

  @Override
  public String getBaseTypeName() {
    return typeName;
  }

  @Override
  public int getBaseType() throws SQLException {
    throw new SQLFeatureNotSupportedException("getBaseType");
  }

  @Override
  public Object getArray(Map<String, Class<?>> map) throws SQLException {
    throw new SQLFeatureNotSupportedException("getArray(map)");
  }

  @Override
  public Object getArray(long index, int count) throws SQLException {
    throw new SQLFeatureNotSupportedException("getArray(index, count)");
  }

  @Override
  public Object getArray(long index, int count, Map<String, Class<?>> map) throws SQLException {
    throw new SQLFeatureNotSupportedException("getArray(index, count, map)");
  }

  @Override
  public ResultSet getResultSet() throws SQLException {
    throw new SQLFeatureNotSupportedException("getResultSet");
  }

  @Override
  public ResultSet getResultSet(Map<String, Class<?>> map) throws SQLException {
    throw new SQLFeatureNotSupportedException("getResultSet(map)");
  }

  @Override
  public ResultSet getResultSet(long index, int count) throws SQLException {
    throw new SQLFeatureNotSupportedException("getResultSet(index, count)");
  }

  @Override
  public ResultSet getResultSet(long index, int count, Map<String, Class<?>> map)
      throws SQLException {
    throw new SQLFeatureNotSupportedException("getResultSet(index, count, map)");
  }

  @Override
  public void free() {}
}
