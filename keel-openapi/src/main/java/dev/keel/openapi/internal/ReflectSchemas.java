package dev.keel.openapi.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON Schemas of the Java types that functional routes declare, read by reflection when the
 * document is built (never while serving a request). Names and shapes match those keel-processor
 * writes for controllers, so a record used by both is one component.
 */
public final class ReflectSchemas {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final ObjectNode components;

  /** Adds named schemas to {@code components} ({@code components.schemas} of the document). */
  public ReflectSchemas(ObjectNode components) {
    this.components = components;
  }

  public ObjectNode of(Type type) {
    return of(type, Map.of());
  }

  /** Whether a value of {@code type} is always present (primitives), else optional. */
  public static boolean optional(Type type) {
    Class<?> raw = raw(type);
    return raw == Optional.class || Collection.class.isAssignableFrom(raw);
  }

  private ObjectNode of(Type type, Map<TypeVariable<?>, Type> bindings) {
    if (type instanceof TypeVariable<?> v) {
      Type bound = bindings.get(v);
      return bound == null ? NODES.objectNode() : of(bound, Map.of());
    }
    if (type instanceof WildcardType w) return of(w.getUpperBounds()[0], bindings);
    if (type instanceof GenericArrayType g) {
      return array(of(g.getGenericComponentType(), bindings));
    }
    if (type instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      Type[] args = p.getActualTypeArguments();
      if (raw == Optional.class) return of(args[0], bindings);
      if (Map.class.isAssignableFrom(raw)) {
        ObjectNode m = object("object");
        m.set("additionalProperties", of(args[1], bindings));
        return m;
      }
      if (Iterable.class.isAssignableFrom(raw)) {
        ObjectNode a = array(of(args[0], bindings));
        if (Set.class.isAssignableFrom(raw)) a.put("uniqueItems", true);
        return a;
      }
      if (raw.isRecord()) {
        var resolved = new java.util.ArrayList<Type>();
        for (Type a : args) resolved.add(resolve(a, bindings));
        return record(raw, resolved);
      }
      return of(raw, bindings);
    }
    Class<?> c = (Class<?>) type;
    if (c == boolean.class || c == Boolean.class) return object("boolean");
    if (c == int.class || c == Integer.class || c == short.class || c == Short.class) {
      return format("integer", "int32");
    }
    if (c == byte.class || c == Byte.class) return format("integer", "int32");
    if (c == long.class || c == Long.class || c == BigInteger.class)
      return format("integer", "int64");
    if (c == double.class || c == Double.class) return format("number", "double");
    if (c == float.class || c == Float.class) return format("number", "float");
    if (c == BigDecimal.class) return object("number");
    if (c == String.class || c == CharSequence.class) return object("string");
    if (c == UUID.class) return format("string", "uuid");
    if (c == Instant.class
        || c == OffsetDateTime.class
        || c == ZonedDateTime.class
        || c == LocalDateTime.class) {
      return format("string", "date-time");
    }
    if (c == LocalDate.class) return format("string", "date");
    if (c == Duration.class) return format("string", "duration");
    if (c == byte[].class) return format("string", "byte");
    if (c.isArray()) return array(of(c.getComponentType(), bindings));
    if (c.isEnum()) {
      String name = c.getSimpleName();
      if (!components.has(name)) {
        ObjectNode e = object("string");
        var values = e.putArray("enum");
        for (Object constant : c.getEnumConstants()) values.add(((Enum<?>) constant).name());
        components.set(name, e);
      }
      return ref(name);
    }
    if (c.isRecord()) return record(c, List.of());
    if (c == Object.class) return NODES.objectNode();
    return object("object");
  }

  private static Type resolve(Type t, Map<TypeVariable<?>, Type> bindings) {
    return t instanceof TypeVariable<?> v && bindings.containsKey(v) ? bindings.get(v) : t;
  }

  private ObjectNode record(Class<?> type, List<Type> args) {
    var name = new StringBuilder(type.getSimpleName());
    for (Type a : args) name.append(refName(a));
    String ref = name.toString();
    if (components.has(ref)) return ref(ref);
    ObjectNode schema = object("object");
    components.set(ref, schema); // before the properties, so that recursive records terminate
    Map<TypeVariable<?>, Type> bindings = new HashMap<>();
    TypeVariable<?>[] vars = type.getTypeParameters();
    for (int i = 0; i < vars.length && i < args.size(); i++) bindings.put(vars[i], args.get(i));
    ObjectNode properties = schema.putObject("properties");
    var required = NODES.arrayNode();
    for (RecordComponent rc : type.getRecordComponents()) {
      Annotation[] annotations = annotations(type, rc);
      ObjectNode property = of(rc.getGenericType(), bindings).deepCopy();
      constrain(property, annotations);
      properties.set(rc.getName(), rc.getType() == Optional.class ? nullable(property) : property);
      if (required(rc.getType(), annotations)) required.add(rc.getName());
    }
    if (!required.isEmpty()) schema.set("required", required);
    return ref(ref);
  }

  private static Annotation[] annotations(Class<?> type, RecordComponent rc) {
    Annotation[] annotations;
    try {
      annotations = type.getDeclaredField(rc.getName()).getAnnotations();
    } catch (NoSuchFieldException e) {
      annotations = rc.getAnnotations();
    }
    // Optional<@NotBlank String>: the value's constraints describe the property
    if (rc.getType() == Optional.class
        && rc.getAnnotatedType() instanceof AnnotatedParameterizedType p) {
      var all = new java.util.ArrayList<>(List.of(annotations));
      all.addAll(List.of(p.getAnnotatedActualTypeArguments()[0].getAnnotations()));
      annotations = all.toArray(Annotation[]::new);
    }
    return annotations;
  }

  private static boolean required(Class<?> type, Annotation[] annotations) {
    if (type.isPrimitive()) return true;
    if (type == Optional.class) return false;
    for (Annotation a : annotations) {
      switch (a.annotationType().getName()) {
        case "jakarta.validation.constraints.NotNull",
            "jakarta.validation.constraints.NotBlank",
            "jakarta.validation.constraints.NotEmpty" -> {
          return true;
        }
        default -> {}
      }
    }
    return false;
  }

  private static void constrain(ObjectNode schema, Annotation[] annotations) {
    boolean array = schema.has("type") && schema.get("type").asString().equals("array");
    for (Annotation a : annotations) {
      switch (a) {
        case jakarta.validation.constraints.NotBlank x -> schema.put("minLength", 1);
        case jakarta.validation.constraints.NotEmpty x ->
            schema.put(array ? "minItems" : "minLength", 1);
        case jakarta.validation.constraints.Size s -> {
          if (s.min() > 0) schema.put(array ? "minItems" : "minLength", s.min());
          if (s.max() < Integer.MAX_VALUE) schema.put(array ? "maxItems" : "maxLength", s.max());
        }
        case jakarta.validation.constraints.Min m -> schema.put("minimum", m.value());
        case jakarta.validation.constraints.Max m -> schema.put("maximum", m.value());
        case jakarta.validation.constraints.DecimalMin m ->
            schema.put(m.inclusive() ? "minimum" : "exclusiveMinimum", new BigDecimal(m.value()));
        case jakarta.validation.constraints.DecimalMax m ->
            schema.put(m.inclusive() ? "maximum" : "exclusiveMaximum", new BigDecimal(m.value()));
        case jakarta.validation.constraints.Positive x -> schema.put("exclusiveMinimum", 0);
        case jakarta.validation.constraints.PositiveOrZero x -> schema.put("minimum", 0);
        case jakarta.validation.constraints.Negative x -> schema.put("exclusiveMaximum", 0);
        case jakarta.validation.constraints.NegativeOrZero x -> schema.put("maximum", 0);
        case jakarta.validation.constraints.Pattern p -> schema.put("pattern", p.regexp());
        case jakarta.validation.constraints.Email x -> schema.put("format", "email");
        default -> {}
      }
    }
  }

  /**
   * {@code schema} or {@code null}: an {@code Optional} component is read as empty from a missing
   * field or {@code null}, and an empty one is written as {@code null} (ADR 0023).
   */
  private static ObjectNode nullable(ObjectNode schema) {
    if (schema.has("type") && schema.get("type").isString()) {
      String type = schema.get("type").asString();
      schema.putArray("type").add(type).add("null");
      return schema;
    }
    if (schema.isEmpty()) return schema; // any value, null too
    ObjectNode anyOf = NODES.objectNode();
    anyOf.putArray("anyOf").add(schema).add(object("null"));
    return anyOf;
  }

  private static String refName(Type t) {
    if (t instanceof Class<?> c) return c.getSimpleName();
    if (t instanceof ParameterizedType p) {
      var b = new StringBuilder(((Class<?>) p.getRawType()).getSimpleName());
      for (Type a : p.getActualTypeArguments()) b.append(refName(a));
      return b.toString();
    }
    return "";
  }

  private static Class<?> raw(Type t) {
    if (t instanceof Class<?> c) return c;
    if (t instanceof ParameterizedType p) return (Class<?>) p.getRawType();
    return Object.class;
  }

  private static ObjectNode ref(String name) {
    return NODES.objectNode().put("$ref", "#/components/schemas/" + name);
  }

  private static ObjectNode object(String type) {
    return NODES.objectNode().put("type", type);
  }

  private static ObjectNode format(String type, String format) {
    return object(type).put("format", format);
  }

  private static ObjectNode array(ObjectNode items) {
    ObjectNode a = object("array");
    a.set("items", items);
    return a;
  }
}
