package dev.keel.db.internal;

import dev.keel.db.Column;
import dev.keel.db.DatabaseException;
import dev.keel.db.Id;
import dev.keel.db.Table;
import dev.keel.db.Version;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What Keel knows about a record type: table, columns, key, version, and method handles for its
 * constructor and accessors. Built once per type (reflection happens here only); mapping a row is
 * then an array fill and one constructor call.
 */
public final class RecordType<T> {
  /** One component: its Java side and its column. */
  public record Component(
      String name,
      String column,
      Type type,
      Class<?> raw,
      MethodHandle accessor,
      ColumnReader reader,
      boolean isId,
      boolean isVersion) {
    public boolean optional() {
      return raw == Optional.class;
    }
  }

  private final Class<T> type;
  private final String table;
  private final List<Component> components;
  private final Map<String, Component> byKey; // normalized name or column -> component
  private final Component id;
  private final Component version;
  private final MethodHandle constructor; // (Object[])Object
  private final ColumnReader[] readers; // by component
  private final Object[] defaults; // by component: the value of a column the query lacks
  // by SQL text: the column of each component is resolved once, so mapping allocates per row only
  private final Map<String, RowMapper<T>> mappers = new ConcurrentHashMap<>();

  private RecordType(Class<T> type, SqlDialect dialect) {
    this.type = type;
    Table t = type.getAnnotation(Table.class);
    this.table = t != null ? t.value() : snake(type.getSimpleName());
    MethodHandles.Lookup lookup = lookup(type);
    RecordComponent[] rc = type.getRecordComponents();
    List<Component> list = new ArrayList<>(rc.length);
    Map<String, Component> keys = new HashMap<>();
    Component idc = null;
    Component ver = null;
    Class<?>[] params = new Class<?>[rc.length];
    for (int i = 0; i < rc.length; i++) {
      RecordComponent r = rc[i];
      params[i] = r.getType();
      Column col = r.getAnnotation(Column.class);
      String column = col != null ? col.value() : snake(r.getName());
      MethodHandle accessor;
      try {
        accessor =
            lookup
                .unreflect(r.getAccessor())
                .asType(MethodType.methodType(Object.class, Object.class));
      } catch (IllegalAccessException e) {
        throw inaccessible(type, e);
      }
      boolean isId = r.isAnnotationPresent(Id.class);
      boolean isVersion = r.isAnnotationPresent(Version.class);
      Component c =
          new Component(
              r.getName(),
              column,
              r.getGenericType(),
              r.getType(),
              accessor,
              Values.reader(r.getGenericType(), dialect),
              isId,
              isVersion);
      list.add(c);
      keys.put(normalize(r.getName()), c);
      keys.put(normalize(column), c);
      if (isId) idc = c;
      if (isVersion) ver = c;
    }
    if (idc == null) {
      for (int i = 0; i < list.size(); i++) {
        Component c = list.get(i);
        if (c.name().equals("id")) {
          idc =
              new Component(
                  c.name(), c.column(), c.type(), c.raw(), c.accessor(), c.reader(), true, false);
          list.set(i, idc);
          keys.put(normalize(c.name()), idc);
          keys.put(normalize(c.column()), idc);
        }
      }
    }
    this.components = List.copyOf(list);
    this.readers = new ColumnReader[list.size()];
    this.defaults = new Object[list.size()];
    for (int i = 0; i < readers.length; i++) {
      readers[i] = list.get(i).reader();
      if (list.get(i).optional()) defaults[i] = Optional.empty();
    }
    this.byKey = Map.copyOf(keys);
    this.id = idc;
    this.version = ver;
    try {
      this.constructor =
          lookup
              .findConstructor(type, MethodType.methodType(void.class, params))
              .asSpreader(Object[].class, params.length)
              .asType(MethodType.methodType(Object.class, Object[].class));
    } catch (NoSuchMethodException | IllegalAccessException e) {
      throw inaccessible(type, e);
    }
  }

  private static MethodHandles.Lookup lookup(Class<?> type) {
    try {
      return MethodHandles.privateLookupIn(type, MethodHandles.lookup());
    } catch (IllegalAccessException e) {
      throw inaccessible(type, e);
    }
  }

  private static DatabaseException inaccessible(Class<?> type, Exception e) {
    return new DatabaseException(
        "Keel cannot access record "
            + type.getName()
            + " ("
            + e.getMessage()
            + "); make it public, or open its package to dev.keel.db in module-info.java",
        "",
        e);
  }

  public static <T> RecordType<T> of(Class<T> type, SqlDialect dialect) {
    if (!type.isRecord()) {
      throw new IllegalArgumentException(
          type.getName() + " is not a record; Keel maps rows to records (or single columns)");
    }
    return new RecordType<>(type, dialect);
  }

  public Class<T> type() {
    return type;
  }

  public String table() {
    return table;
  }

  public List<Component> components() {
    return components;
  }

  public Optional<Component> id() {
    return Optional.ofNullable(id);
  }

  public Optional<Component> version() {
    return Optional.ofNullable(version);
  }

  /** The component for a Java name or column name (any case, with or without underscores). */
  public Optional<Component> component(String nameOrColumn) {
    return Optional.ofNullable(byKey.get(normalize(nameOrColumn)));
  }

  public Object value(T record, Component c) {
    try {
      return c.accessor().invokeExact((Object) record);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  public T create(Object[] args) {
    try {
      return (T) constructor.invokeExact(args);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  /** A copy of {@code record} with component {@code c} set to {@code value}. */
  public T with(T record, Component c, Object value) {
    Object[] args = new Object[components.size()];
    for (int i = 0; i < args.length; i++) {
      Component k = components.get(i);
      args[i] = k == c ? value : value(record, k);
    }
    return create(args);
  }

  /**
   * A mapper for rows of {@code rs}, whose columns are matched to components by name once per
   * {@code sql} text.
   */
  public RowMapper<T> mapper(ResultSet rs, String sql) throws SQLException {
    RowMapper<T> mapper = mappers.get(sql);
    if (mapper == null) {
      int[] columns = plan(rs.getMetaData(), sql);
      mapper =
          r -> {
            Object[] args = new Object[columns.length];
            for (int i = 0; i < columns.length; i++) {
              int c = columns[i];
              args[i] = c > 0 ? readers[i].read(r, c) : defaults[i];
            }
            return create(args);
          };
      if (mappers.size() < 1024) mappers.put(sql, mapper);
    }
    return mapper;
  }

  private int[] plan(ResultSetMetaData md, String sql) throws SQLException {
    Map<String, Integer> byLabel = new HashMap<>();
    for (int c = md.getColumnCount(); c >= 1; c--) byLabel.put(normalize(md.getColumnLabel(c)), c);
    int[] plan = new int[components.size()];
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < plan.length; i++) {
      Component comp = components.get(i);
      Integer c = byLabel.get(normalize(comp.column()));
      if (c == null) c = byLabel.get(normalize(comp.name()));
      if (c == null) {
        if (!comp.optional()) missing.add(comp.name() + " (column " + comp.column() + ")");
        plan[i] = 0;
      } else {
        plan[i] = c;
      }
    }
    if (!missing.isEmpty()) {
      List<String> labels = new ArrayList<>();
      for (int c = 1; c <= md.getColumnCount(); c++) labels.add(md.getColumnLabel(c));
      throw new DatabaseException(
          "record "
              + type.getSimpleName()
              + " needs "
              + String.join(", ", missing)
              + " but the query returns only "
              + labels
              + ": "
              + sql
              + "; select those columns (or alias them), or make the components Optional");
    }
    return plan;
  }

  /** {@code createdAt} → {@code created_at}; {@code HTTPServer} → {@code http_server}. */
  public static String snake(String name) {
    StringBuilder sb = new StringBuilder(name.length() + 4);
    for (int i = 0; i < name.length(); i++) {
      char ch = name.charAt(i);
      if (Character.isUpperCase(ch)) {
        boolean prevLower = i > 0 && !Character.isUpperCase(name.charAt(i - 1));
        boolean nextLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
        boolean prevUpper = i > 0 && Character.isUpperCase(name.charAt(i - 1));
        if (i > 0 && (prevLower || (prevUpper && nextLower)) && name.charAt(i - 1) != '_') {
          sb.append('_');
        }
        sb.append(Character.toLowerCase(ch));
      } else {
        sb.append(ch);
      }
    }
    return sb.toString();
  }

  static String normalize(String s) {
    return s.replace("_", "").toLowerCase(Locale.ROOT);
  }
}
