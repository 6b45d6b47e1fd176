package dev.keel.messaging;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The JSON Schema (draft 2020-12) of a message record, read from its components: what a consumer in
 * another language needs to read the topic. Primitive components are {@code required} (a message
 * without them is dead-lettered as unreadable); others may be absent or null. Unknown fields are
 * allowed, so producers can add fields before consumers know them.
 */
public final class MessageSchema {
  private MessageSchema() {}

  /** The schema of {@code type}, as nested maps and lists ready to be written as JSON. */
  public static Map<String, Object> of(Class<? extends Record> type) {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    schema.put("title", type.getSimpleName());
    schema.put("x-keel-type", type.getName());
    schema.putAll(record(type, new HashSet<>()));
    return schema;
  }

  private static Map<String, Object> record(Class<?> type, Set<Class<?>> seen) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("type", "object");
    if (!seen.add(type)) return s; // a recursive record: any object below this point
    Map<String, Object> properties = new LinkedHashMap<>();
    List<String> required = new ArrayList<>();
    for (RecordComponent c : type.getRecordComponents()) {
      properties.put(c.getName(), of(c.getGenericType(), seen));
      if (c.getType().isPrimitive()) required.add(c.getName());
    }
    s.put("properties", properties);
    if (!required.isEmpty()) s.put("required", required);
    seen.remove(type);
    return s;
  }

  private static Map<String, Object> of(Type type, Set<Class<?>> seen) {
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
      Type[] args = p.getActualTypeArguments();
      if (raw == Optional.class) return of(args[0], seen);
      if (Collection.class.isAssignableFrom(raw)) {
        Map<String, Object> s = simple("array");
        s.put("items", of(args[0], seen));
        if (Set.class.isAssignableFrom(raw)) s.put("uniqueItems", true);
        return s;
      }
      if (Map.class.isAssignableFrom(raw)) {
        Map<String, Object> s = simple("object");
        s.put("additionalProperties", of(args[1], seen));
        return s;
      }
      return of(raw, seen);
    }
    if (type instanceof GenericArrayType g) {
      Map<String, Object> s = simple("array");
      s.put("items", of(g.getGenericComponentType(), seen));
      return s;
    }
    if (!(type instanceof Class<?> c)) return new LinkedHashMap<>();
    if (c.isArray()) {
      if (c == byte[].class) return format("string", "byte"); // Jackson writes base64
      Map<String, Object> s = simple("array");
      s.put("items", of(c.getComponentType(), seen));
      return s;
    }
    if (c == String.class || c == char.class || c == Character.class) return simple("string");
    if (c == boolean.class || c == Boolean.class) return simple("boolean");
    if (c == int.class || c == Integer.class || c == short.class || c == Short.class) {
      return format("integer", "int32");
    }
    if (c == long.class || c == Long.class) return format("integer", "int64");
    if (c == byte.class || c == Byte.class || c == BigInteger.class) return simple("integer");
    if (c == double.class || c == Double.class || c == float.class || c == Float.class) {
      return simple("number");
    }
    if (c == BigDecimal.class) return simple("number");
    if (c == Instant.class || c == OffsetDateTime.class || c == ZonedDateTime.class) {
      return format("string", "date-time");
    }
    if (c == LocalDateTime.class) return format("string", "local-date-time");
    if (c == LocalDate.class) return format("string", "date");
    if (c == LocalTime.class) return format("string", "time");
    if (c == Duration.class) return format("string", "duration");
    if (c == UUID.class) return format("string", "uuid");
    if (c.isEnum()) {
      Map<String, Object> s = simple("string");
      s.put("enum", Arrays.stream(c.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList());
      return s;
    }
    if (c.isRecord()) return record(c, seen);
    return new LinkedHashMap<>(); // anything Jackson writes
  }

  private static Map<String, Object> simple(String type) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("type", type);
    return s;
  }

  private static Map<String, Object> format(String type, String format) {
    Map<String, Object> s = simple(type);
    s.put("format", format);
    return s;
  }
}
