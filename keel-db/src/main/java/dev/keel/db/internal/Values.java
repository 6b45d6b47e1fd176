package dev.keel.db.internal;

import dev.keel.db.DatabaseException;
import dev.keel.db.Dialect;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Java ↔ SQL value conversion for both dialects.
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

  /** Sortable text for instants in SQLite: fixed width, microseconds, UTC. */
  static final DateTimeFormatter SQLITE_INSTANT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private static final DateTimeFormatter LENIENT_DATE_TIME =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .optionalStart()
          .appendLiteral('T')
          .optionalEnd()
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .append(DateTimeFormatter.ISO_LOCAL_TIME)
          .optionalStart()
          .appendOffset("+HH:MM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH", "Z")
          .optionalEnd()
          .parseDefaulting(ChronoField.OFFSET_SECONDS, 0)
          .toFormatter();

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
  public static void bind(PreparedStatement ps, int i, Object value, Dialect d)
      throws SQLException {
    Object v = value instanceof Optional<?> o ? o.orElse(null) : value;
    boolean pg = d == Dialect.POSTGRESQL;
    switch (v) {
      case null -> ps.setNull(i, pg ? Types.OTHER : Types.NULL);
      case String s -> ps.setString(i, s);
      case Long l -> ps.setLong(i, l);
      case Integer n -> ps.setInt(i, n);
      case Boolean b -> ps.setBoolean(i, b);
      case Double n -> ps.setDouble(i, n);
      case Short n -> ps.setShort(i, n);
      case Float n -> ps.setFloat(i, n);
      case BigDecimal n -> {
        if (pg) ps.setBigDecimal(i, n);
        else ps.setString(i, n.toPlainString());
      }
      case Instant t -> {
        if (pg) ps.setObject(i, t.atOffset(ZoneOffset.UTC));
        else ps.setString(i, SQLITE_INSTANT.format(t));
      }
      case OffsetDateTime t -> {
        if (pg) ps.setObject(i, t);
        else ps.setString(i, t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
      }
      case LocalDate t -> {
        if (pg) ps.setObject(i, t);
        else ps.setString(i, t.toString());
      }
      case LocalDateTime t -> {
        if (pg) ps.setObject(i, t);
        else ps.setString(i, t.toString());
      }
      case LocalTime t -> {
        if (pg) ps.setObject(i, t);
        else ps.setString(i, t.toString());
      }
      case UUID u -> {
        if (pg) ps.setObject(i, u);
        else ps.setString(i, u.toString());
      }
      case Enum<?> e -> ps.setString(i, e.name());
      case byte[] bytes -> ps.setBytes(i, bytes);
      case Collection<?> c when pg && scalarElements(c) -> bindArray(ps, i, c);
      case Object[] a when pg && scalarElements(List.of(a)) -> bindArray(ps, i, List.of(a));
      default -> {
        String json = JSON.writeValueAsString(v);
        if (pg) ps.setObject(i, json, Types.OTHER);
        else ps.setString(i, json);
      }
    }
  }

  private static boolean scalarElements(Collection<?> c) {
    for (Object o : c) if (o == null || !isScalar(o.getClass())) return false;
    return true;
  }

  private static void bindArray(PreparedStatement ps, int i, Collection<?> c) throws SQLException {
    if (c.isEmpty()) {
      ps.setObject(i, "{}", Types.OTHER); // untyped literal: PostgreSQL casts it to the column type
      return;
    }
    Object first = c.iterator().next();
    String type =
        switch (first) {
          case Long l -> "bigint";
          case Integer n -> "integer";
          case Short n -> "smallint";
          case Double n -> "float8";
          case Float n -> "float4";
          case Boolean b -> "boolean";
          case BigDecimal n -> "numeric";
          case UUID u -> "uuid";
          case Instant t -> "timestamptz";
          case OffsetDateTime t -> "timestamptz";
          case LocalDate t -> "date";
          default -> "text";
        };
    Object[] elements = new Object[c.size()];
    int k = 0;
    for (Object o : c) {
      elements[k++] =
          switch (o) {
            case Instant t -> java.sql.Timestamp.from(t);
            case Enum<?> e -> e.name();
            case LocalDate t -> java.sql.Date.valueOf(t);
            default -> o;
          };
    }
    Array array = ps.getConnection().createArrayOf(type, elements);
    ps.setArray(i, array);
  }

  // ---------------------------------------------------------------- reading

  /**
   * A reader for {@code type} (generic: {@code Optional<X>}, {@code List<X>}) in dialect {@code d}.
   */
  public static ColumnReader reader(Type type, Dialect d) {
    Class<?> raw = rawClass(type);
    if (raw == Optional.class) {
      ColumnReader inner = reader(typeArgument(type), d);
      return (rs, c) -> Optional.ofNullable(inner.read(rs, c));
    }
    boolean pg = d == Dialect.POSTGRESQL;
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
    if (raw == BigDecimal.class) {
      if (pg) return ResultSet::getBigDecimal;
      return (rs, c) -> {
        String s = rs.getString(c);
        return s == null ? null : new BigDecimal(s);
      };
    }
    if (raw == Instant.class) {
      if (pg) {
        return (rs, c) -> {
          OffsetDateTime t = rs.getObject(c, OffsetDateTime.class);
          return t == null ? null : t.toInstant();
        };
      }
      return (rs, c) -> {
        Object o = rs.getObject(c);
        return switch (o) {
          case null -> null;
          case Number n -> Instant.ofEpochMilli(n.longValue());
          default -> OffsetDateTime.parse(o.toString(), LENIENT_DATE_TIME).toInstant();
        };
      };
    }
    if (raw == OffsetDateTime.class) {
      if (pg) return (rs, c) -> rs.getObject(c, OffsetDateTime.class);
      return (rs, c) -> {
        String s = rs.getString(c);
        return s == null ? null : OffsetDateTime.parse(s, LENIENT_DATE_TIME);
      };
    }
    if (raw == LocalDate.class) {
      if (pg) return (rs, c) -> rs.getObject(c, LocalDate.class);
      return (rs, c) -> {
        String s = rs.getString(c);
        return s == null ? null : LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
      };
    }
    if (raw == LocalDateTime.class) {
      if (pg) return (rs, c) -> rs.getObject(c, LocalDateTime.class);
      return (rs, c) -> {
        String s = rs.getString(c);
        return s == null ? null : LocalDateTime.parse(s.replace(' ', 'T'));
      };
    }
    if (raw == LocalTime.class) {
      if (pg) return (rs, c) -> rs.getObject(c, LocalTime.class);
      return (rs, c) -> {
        String s = rs.getString(c);
        return s == null ? null : LocalTime.parse(s);
      };
    }
    if (raw == UUID.class) {
      return (rs, c) -> {
        Object o = rs.getObject(c);
        return o == null || o instanceof UUID ? o : UUID.fromString(o.toString());
      };
    }
    if (raw.isEnum()) return enumReader(raw);
    JavaType javaType = JSON.constructType(type);
    if (pg && raw == List.class && isScalar(rawClass(typeArgument(type)))) {
      Class<?> element = rawClass(typeArgument(type));
      return (rs, c) -> {
        Object o = rs.getObject(c);
        return switch (o) {
          case null -> null;
          case Array a -> listOf(a, element);
          default -> JSON.readValue(o.toString(), javaType);
        };
      };
    }
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

  private static List<Object> listOf(Array array, Class<?> element) throws SQLException {
    Object[] items = (Object[]) array.getArray();
    List<Object> out = new ArrayList<>(items.length);
    for (Object o : items) out.add(convertElement(o, element));
    return List.copyOf(out);
  }

  private static Object convertElement(Object o, Class<?> element) {
    if (o == null || element.isInstance(o)) return o;
    if (element == Instant.class && o instanceof java.sql.Timestamp t) return t.toInstant();
    if (element == LocalDate.class && o instanceof java.sql.Date t) return t.toLocalDate();
    if (element == Long.class && o instanceof Number n) return n.longValue();
    if (element == Integer.class && o instanceof Number n) return n.intValue();
    if (element == UUID.class) return UUID.fromString(o.toString());
    if (element.isEnum()) {
      for (Object c : element.getEnumConstants()) if (((Enum<?>) c).name().equals(o)) return c;
    }
    if (element == String.class) return o.toString();
    return o;
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
