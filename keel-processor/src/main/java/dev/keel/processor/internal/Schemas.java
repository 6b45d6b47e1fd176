package dev.keel.processor.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * JSON Schemas (OpenAPI 3.1 dialect) of Java types as Jackson writes them: records and enums become
 * named components referenced by {@code $ref}, a generic record one component per use ({@code
 * Page<Item>} is {@code PageItem}); Bean Validation constraints become {@code required}, {@code
 * minLength}, {@code maximum}, {@code pattern}, {@code format: email} and the like.
 */
final class Schemas {
  private final javax.lang.model.util.Types types;
  private final Elements elements;
  final Map<String, Object> components = new TreeMap<>();

  Schemas(javax.lang.model.util.Types types, Elements elements) {
    this.types = types;
    this.elements = elements;
  }

  Map<String, Object> of(TypeMirror t) {
    switch (t.getKind()) {
      case BOOLEAN:
        return map("type", "boolean");
      case INT:
      case SHORT:
      case BYTE:
        return map("type", "integer", "format", "int32");
      case LONG:
        return map("type", "integer", "format", "int64");
      case DOUBLE:
        return map("type", "number", "format", "double");
      case FLOAT:
        return map("type", "number", "format", "float");
      case CHAR:
        return map("type", "string", "minLength", 1, "maxLength", 1);
      case ARRAY:
        TypeMirror component = ((ArrayType) t).getComponentType();
        if (component.getKind() == TypeKind.BYTE) return map("type", "string", "format", "byte");
        return map("type", "array", "items", of(component));
      case DECLARED:
        return declared((DeclaredType) t);
      default:
        return map();
    }
  }

  private Map<String, Object> declared(DeclaredType t) {
    String name = Types.qualifiedName(t);
    switch (name) {
      case "java.lang.String", "java.lang.CharSequence" -> {
        return map("type", "string");
      }
      case "java.lang.Boolean" -> {
        return of(types.getPrimitiveType(TypeKind.BOOLEAN));
      }
      case "java.lang.Integer", "java.lang.Short", "java.lang.Byte" -> {
        return of(types.getPrimitiveType(TypeKind.INT));
      }
      case "java.lang.Long", "java.math.BigInteger" -> {
        return of(types.getPrimitiveType(TypeKind.LONG));
      }
      case "java.lang.Double" -> {
        return of(types.getPrimitiveType(TypeKind.DOUBLE));
      }
      case "java.lang.Float" -> {
        return of(types.getPrimitiveType(TypeKind.FLOAT));
      }
      case "java.math.BigDecimal" -> {
        return map("type", "number");
      }
      case "java.util.UUID" -> {
        return map("type", "string", "format", "uuid");
      }
      case "java.time.Instant", "java.time.OffsetDateTime", "java.time.ZonedDateTime" -> {
        return map("type", "string", "format", "date-time");
      }
      case "java.time.LocalDate" -> {
        return map("type", "string", "format", "date");
      }
      case "java.time.LocalDateTime" -> {
        return map("type", "string", "format", "date-time");
      }
      case "java.time.Duration" -> {
        return map("type", "string", "format", "duration");
      }
      case "java.net.URI", "java.net.URL" -> {
        return map("type", "string", "format", "uri");
      }
      case "java.util.Optional" -> {
        return t.getTypeArguments().isEmpty() ? map() : of(t.getTypeArguments().get(0));
      }
      case "java.lang.Object" -> {
        return map();
      }
      default -> {}
    }
    var args = t.getTypeArguments();
    if (isA(t, "java.util.Map")) {
      return map(
          "type", "object", "additionalProperties", args.size() == 2 ? of(args.get(1)) : map());
    }
    if (isA(t, "java.lang.Iterable")) {
      var list = map("type", "array", "items", args.size() == 1 ? of(args.get(0)) : map());
      if (isA(t, "java.util.Set")) list.put("uniqueItems", true);
      return list;
    }
    TypeElement element = (TypeElement) t.asElement();
    if (element.getKind() == ElementKind.ENUM) {
      String ref = element.getSimpleName().toString();
      if (!components.containsKey(ref)) {
        var values = new ArrayList<Object>();
        for (Element e : element.getEnclosedElements()) {
          if (e.getKind() == ElementKind.ENUM_CONSTANT) values.add(e.getSimpleName().toString());
        }
        components.put(ref, map("type", "string", "enum", values));
      }
      return ref(ref);
    }
    if (element.getKind() == ElementKind.RECORD) return record(t, element);
    return map("type", "object");
  }

  private Map<String, Object> record(DeclaredType t, TypeElement element) {
    var name = new StringBuilder(element.getSimpleName());
    for (TypeMirror a : t.getTypeArguments()) name.append(refName(a));
    String ref = name.toString();
    if (components.containsKey(ref)) return ref(ref);
    var schema = map("type", "object");
    components.put(ref, schema); // before the properties, so that recursive records terminate
    String doc = elements.getDocComment(element);
    if (doc != null && !Docs.summary(doc).isEmpty()) schema.put("description", Docs.summary(doc));
    var properties = new LinkedHashMap<String, Object>();
    var required = new ArrayList<Object>();
    for (RecordComponentElement rc : element.getRecordComponents()) {
      ExecutableElement accessor = rc.getAccessor();
      TypeMirror type = ((ExecutableType) types.asMemberOf(t, accessor)).getReturnType();
      List<AnnotationMirror> annotations = annotations(element, rc);
      Map<String, Object> property = constrain(new LinkedHashMap<>(of(type)), type, annotations);
      if (Types.qualifiedName(type).equals("java.util.Optional")) property = nullable(property);
      String n = rc.getSimpleName().toString();
      properties.put(n, property);
      if (required(type, annotations)) required.add(n);
    }
    schema.put("properties", properties);
    if (!required.isEmpty()) schema.put("required", required);
    return ref(ref);
  }

  /**
   * {@code schema} or {@code null}: an {@code Optional} component is read as empty from a missing
   * field or {@code null}, and an empty one is written as {@code null} (ADR 0023).
   */
  static Map<String, Object> nullable(Map<String, Object> schema) {
    if (schema.get("type") instanceof String type) {
      schema.put("type", List.of(type, "null"));
      return schema;
    }
    if (schema.isEmpty()) return schema; // any value, null too
    return map("anyOf", List.of(schema, map("type", "null")));
  }

  private String refName(TypeMirror t) {
    if (t.getKind() != TypeKind.DECLARED) return "";
    var d = (DeclaredType) t;
    var b = new StringBuilder(d.asElement().getSimpleName());
    for (TypeMirror a : d.getTypeArguments()) b.append(refName(a));
    return b.toString();
  }

  /** Annotations of a record component, wherever javac put them (field, accessor, component). */
  static List<AnnotationMirror> annotations(TypeElement record, RecordComponentElement rc) {
    var all = new ArrayList<AnnotationMirror>(rc.getAnnotationMirrors());
    all.addAll(rc.getAccessor().getAnnotationMirrors());
    for (Element e : record.getEnclosedElements()) {
      if (e.getKind() == ElementKind.FIELD && e.getSimpleName().equals(rc.getSimpleName())) {
        all.addAll(e.getAnnotationMirrors());
      }
    }
    all.addAll(rc.getAccessor().getReturnType().getAnnotationMirrors());
    // Optional<@NotBlank String>: the value's constraints describe the property
    TypeMirror value = Types.argumentOf(rc.getAccessor().getReturnType(), "java.util.Optional");
    if (value != null) all.addAll(value.getAnnotationMirrors());
    return all;
  }

  /** Present in every valid document: primitives and values constrained to be there. */
  static boolean required(TypeMirror t, List<? extends AnnotationMirror> annotations) {
    if (t.getKind().isPrimitive()) return true;
    if (Types.qualifiedName(t).equals("java.util.Optional")) return false;
    for (AnnotationMirror a : annotations) {
      switch (Analyzer.name(a)) {
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

  /** Adds the JSON Schema keywords of the Bean Validation constraints in {@code annotations}. */
  Map<String, Object> constrain(
      Map<String, Object> schema, TypeMirror t, List<? extends AnnotationMirror> annotations) {
    boolean array = "array".equals(schema.get("type"));
    for (AnnotationMirror a : annotations) {
      String name = Analyzer.name(a);
      if (!name.startsWith("jakarta.validation.constraints.")) continue;
      Map<String, Object> v = values(a);
      switch (name.substring(name.lastIndexOf('.') + 1)) {
        case "NotBlank" -> schema.put("minLength", 1);
        case "NotEmpty" -> schema.put(array ? "minItems" : "minLength", 1);
        case "Size" -> {
          int min = (Integer) v.get("min");
          int max = (Integer) v.get("max");
          if (min > 0) schema.put(array ? "minItems" : "minLength", min);
          if (max < Integer.MAX_VALUE) schema.put(array ? "maxItems" : "maxLength", max);
        }
        case "Min" -> schema.put("minimum", v.get("value"));
        case "Max" -> schema.put("maximum", v.get("value"));
        case "DecimalMin" ->
            schema.put(
                Boolean.TRUE.equals(v.get("inclusive")) ? "minimum" : "exclusiveMinimum",
                new BigDecimal((String) v.get("value")));
        case "DecimalMax" ->
            schema.put(
                Boolean.TRUE.equals(v.get("inclusive")) ? "maximum" : "exclusiveMaximum",
                new BigDecimal((String) v.get("value")));
        case "Positive" -> schema.put("exclusiveMinimum", 0);
        case "PositiveOrZero" -> schema.put("minimum", 0);
        case "Negative" -> schema.put("exclusiveMaximum", 0);
        case "NegativeOrZero" -> schema.put("maximum", 0);
        case "Pattern" -> schema.put("pattern", v.get("regexp"));
        case "Email" -> schema.put("format", "email");
        default -> {}
      }
    }
    return schema;
  }

  private Map<String, Object> values(AnnotationMirror a) {
    var result = new LinkedHashMap<String, Object>();
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        elements.getElementValuesWithDefaults(a).entrySet()) {
      result.put(e.getKey().getSimpleName().toString(), e.getValue().getValue());
    }
    return result;
  }

  private boolean isA(DeclaredType t, String type) {
    TypeElement target = elements.getTypeElement(type);
    return target != null && types.isAssignable(types.erasure(t), types.erasure(target.asType()));
  }

  static Map<String, Object> ref(String name) {
    return map("$ref", "#/components/schemas/" + name);
  }

  static Map<String, Object> map(Object... keyValues) {
    var m = new LinkedHashMap<String, Object>();
    for (int i = 0; i < keyValues.length; i += 2) m.put((String) keyValues[i], keyValues[i + 1]);
    return m;
  }
}
