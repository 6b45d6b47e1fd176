package dev.keel.db.internal;

import dev.keel.db.DatabaseException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Java ↔ SQL value conversion: the types both engines bind and read alike here, the others in
 * {@link SqlDialect#bindValue} and {@link SqlDialect#reader}.
 *
 * <table>
 *   <caption>Storage</caption>
 *   <tr><th>Java</th><th>PostgreSQL</th><th>SQLite</th></tr>
 *   <tr><td>Instant</td><td>timestamptz</td><td>text {@code 2024-05-01 12:00:00.000000Z}</td></tr>
 *   <tr><td>OffsetDateTime</td><td>timestamptz (read back in UTC)</td><td>ISO-8601 text</td></tr>
 *   <tr><td>LocalDate, LocalDateTime, LocalTime</td><td>date, timestamp, time</td><td>ISO text</td></tr>
 *   <tr><td>UUID</td><td>uuid</td><td>text</td></tr>
 *   <tr><td>BigDecimal</td><td>numeric</td><td>text (exact)</td></tr>
 *   <tr><td>boolean</td><td>boolean</td><td>integer 0/1</td></tr>
 *   <tr><td>enum</td><td>text (name)</td><td>text (name)</td></tr>
 *   <tr><td>List of scalars</td><td>array</td><td>JSON text</td></tr>
 *   <tr><td>records, maps, other lists</td><td>json/jsonb</td><td>JSON text</td></tr>
 * </table>
 */
public final class Values {
  private Values() {}

  public static final JsonMapper JSON = JsonMapper.builder().build();

  private static final Set<Class<?>> SCALARS =
      Set.of(
          String.class,
          Long.class,
          Integer.class,
          Short.class,
          Double.class,
          Float.class,
          Boolean.class,
          BigDecimal.class,
          UUID.class,
          Instant.class,
          LocalDate.class,
          LocalDateTime.class,
          LocalTime.class,
          OffsetDateTime.class);

  /** True for values stored in one column as such (not as JSON). */
  public static boolean isScalar(Class<?> type) {
    return type.isPrimitive() || SCALARS.contains(type) || type.isEnum() || type == byte[].class;
  }

  // ---------------------------------------------------------------- writing

  /** Binds {@code value} to parameter {@code i}; {@code null} and empty Optionals bind NULL. */
  public static void bind(PreparedStatement ps, int i, Object value, SqlDialect d)
      throws SQLException {
    Object v = value instanceof Optional<?> o ? o.orElse(null) : value;
    switch (v) {
      case null -> d.bindNull(ps, i);
      case String s -> ps.setString(i, s);
      case Long l -> ps.setLong(i, l);
      case Integer n -> ps.setInt(i, n);
      case Boolean b -> ps.setBoolean(i, b);
      case Double n -> ps.setDouble(i, n);
      case Short n -> ps.setShort(i, n);
      case Float n -> ps.setFloat(i, n);
      case Enum<?> e -> ps.setString(i, e.name());
      case byte[] bytes -> ps.setBytes(i, bytes);
      default -> d.bindValue(ps, i, v);
    }
  }

  // ---------------------------------------------------------------- reading

  /**
   * A reader for {@code type} (generic: {@code Optional<X>}, {@code List<X>}) in dialect {@code d}.
   */
  public static ColumnReader reader(Type type, SqlDialect d) {
    Class<?> raw = rawClass(type);
    if (raw == Optional.class) {
      ColumnReader inner = reader(typeArgument(type), d);
      return (rs, c) -> Optional.ofNullable(inner.read(rs, c));
    }
    if (raw == String.class) return ResultSet::getString;
    if (raw == long.class) return ResultSet::getLong;
    if (raw == int.class) return ResultSet::getInt;
    if (raw == boolean.class) return ResultSet::getBoolean;
    if (raw == double.class) return ResultSet::getDouble;
    if (raw == short.class) return ResultSet::getShort;
    if (raw == float.class) return ResultSet::getFloat;
    if (raw == Long.class) return nullable(ResultSet::getLong);
    if (raw == Integer.class) return nullable(ResultSet::getInt);
    if (raw == Boolean.class) return nullable(ResultSet::getBoolean);
    if (raw == Double.class) return nullable(ResultSet::getDouble);
    if (raw == Short.class) return nullable(ResultSet::getShort);
    if (raw == Float.class) return nullable(ResultSet::getFloat);
    if (raw == byte[].class) return ResultSet::getBytes;
    ColumnReader own = d.reader(raw, type);
    if (own != null) return own;
    if (raw == UUID.class) {
      return (rs, c) -> {
        Object o = rs.getObject(c);
        return o == null || o instanceof UUID ? o : UUID.fromString(o.toString());
      };
    }
    if (raw.isEnum()) return enumReader(raw);
    JavaType javaType = JSON.constructType(type);
    return (rs, c) -> {
      String s = rs.getString(c);
      if (s == null) return null;
      try {
        return JSON.readValue(s, javaType);
      } catch (RuntimeException e) {
        throw new DatabaseException(
            "column "
                + rs.getMetaData().getColumnLabel(c)
                + " holds text that is not JSON of "
                + type.getTypeName()
                + " ("
                + e.getMessage()
                + ")",
            "",
            e);
      }
    };
  }

  private static ColumnReader enumReader(Class<?> raw) {
    Map<String, Object> byName = new HashMap<>();
    for (Object constant : raw.getEnumConstants())
      byName.put(((Enum<?>) constant).name(), constant);
    return (rs, c) -> {
      String s = rs.getString(c);
      if (s == null) return null;
      Object v = byName.get(s);
      if (v == null) {
        throw new DatabaseException(
            "column "
                + rs.getMetaData().getColumnLabel(c)
                + " holds '"
                + s
                + "', which is not a constant of "
                + raw.getName()
                + " "
                + byName.keySet());
      }
      return v;
    };
  }

  private interface Getter<T> {
    T get(ResultSet rs, int c) throws SQLException;
  }

  private static <T> ColumnReader nullable(Getter<T> g) {
    return (rs, c) -> {
      T v = g.get(rs, c);
      return rs.wasNull() ? null : v;
    };
  }

  public static Class<?> rawClass(Type type) {
    if (type instanceof Class<?> c) return c;
    if (type instanceof ParameterizedType p) return (Class<?>) p.getRawType();
    return Object.class;
  }

  static Type typeArgument(Type type) {
    if (type instanceof ParameterizedType p) return p.getActualTypeArguments()[0];
    return Object.class;
  }
}
