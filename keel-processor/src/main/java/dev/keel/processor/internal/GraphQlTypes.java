package dev.keel.processor.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * GraphQL types of Java types, with the OpenAPI document's rules: records become object types
 * (input types named {@code <Record>Input} where they are arguments), enums enums, {@code
 * Optional<T>} a nullable T, {@code List<T>} a list; a component is non-null when it is a primitive
 * or carries {@code @NotNull}, {@code @NotBlank} or {@code @NotEmpty} (what makes it {@code
 * required} in OpenAPI). Anything else (maps, {@code Object}, generic records, classes) is a
 * compile error naming the type and what to use instead.
 */
final class GraphQlTypes {
  /** A record's output type: its components, then the {@code @Batched} fields added to it. */
  record ObjectType(TypeElement record, Map<String, String> fields) {}

  final Map<String, ObjectType> outputs = new LinkedHashMap<>();
  final Map<String, TypeElement> inputs = new LinkedHashMap<>();
  final Map<String, TypeElement> enums = new LinkedHashMap<>();
  private final Map<String, String> inputFields = new LinkedHashMap<>();
  private final List<String> inputOrder = new ArrayList<>();

  /** The problem with {@code t}, or {@code null}: set by the last call that failed. */
  String error;

  /** The GraphQL output type of {@code t}, or {@code null} (then {@link #error} says why). */
  String output(TypeMirror t, boolean nonNull) {
    String base = base(t, false);
    if (base == null) return null;
    return t.getKind() == TypeKind.DECLARED && optional(t)
        ? base
        : bang(base, nonNull || t.getKind().isPrimitive());
  }

  /** The GraphQL input type of {@code t} (arguments and input components). */
  String input(TypeMirror t, boolean nonNull) {
    String base = base(t, true);
    if (base == null) return null;
    return optional(t) ? base : bang(base, nonNull || t.getKind().isPrimitive());
  }

  private static String bang(String base, boolean nonNull) {
    return nonNull ? base + "!" : base;
  }

  static boolean optional(TypeMirror t) {
    return t.getKind() == TypeKind.DECLARED && Types.qualifiedName(t).equals("java.util.Optional");
  }

  static TypeMirror listElement(TypeMirror t) {
    for (String c : List.of("java.util.List", "java.util.Set", "java.util.Collection")) {
      TypeMirror e = Types.argumentOf(t, c);
      if (e != null) return e;
    }
    return null;
  }

  private String base(TypeMirror t, boolean input) {
    switch (t.getKind()) {
      case INT, SHORT, BYTE -> {
        return "Int";
      }
      case LONG -> {
        return "Long";
      }
      case DOUBLE, FLOAT -> {
        return "Float";
      }
      case BOOLEAN -> {
        return "Boolean";
      }
      case DECLARED -> {}
      default -> {
        error = "type " + t + " has no GraphQL type; " + ALLOWED;
        return null;
      }
    }
    String name = Types.qualifiedName(t);
    switch (name) {
      case "java.lang.String", "java.lang.CharSequence" -> {
        return "String";
      }
      case "java.lang.Integer", "java.lang.Short", "java.lang.Byte" -> {
        return "Int";
      }
      case "java.lang.Long" -> {
        return "Long";
      }
      case "java.lang.Double", "java.lang.Float" -> {
        return "Float";
      }
      case "java.lang.Boolean" -> {
        return "Boolean";
      }
      case "java.util.UUID" -> {
        return "UUID";
      }
      case "java.math.BigDecimal" -> {
        return "BigDecimal";
      }
      case "java.time.Instant", "java.time.OffsetDateTime" -> {
        return "DateTime";
      }
      case "java.time.LocalDate" -> {
        return "Date";
      }
      case "java.util.Optional" -> {
        TypeMirror v = Types.argumentOf(t, name);
        return v == null ? unsupported(t) : base(v, input);
      }
      default -> {}
    }
    TypeMirror element = listElement(t);
    if (element != null) {
      String inner = input ? input(element, true) : output(element, true);
      return inner == null ? null : "[" + inner + "]";
    }
    var type = (TypeElement) ((DeclaredType) t).asElement();
    if (type.getKind() == ElementKind.ENUM) {
      enums.putIfAbsent(type.getSimpleName().toString(), type);
      return type.getSimpleName().toString();
    }
    if (type.getKind() != ElementKind.RECORD || Types.generic(t)) return unsupported(t);
    return input ? inputType(type) : outputType(type);
  }

  private String outputType(TypeElement record) {
    String name = record.getSimpleName().toString();
    if (outputs.containsKey(name)) return name;
    var fields = new LinkedHashMap<String, String>();
    outputs.put(name, new ObjectType(record, fields)); // first, so that recursion terminates
    for (RecordComponentElement rc : record.getRecordComponents()) {
      TypeMirror type = rc.getAccessor().getReturnType();
      String field = output(type, nonNull(record, rc));
      if (field == null) {
        error = record.getSimpleName() + "." + rc.getSimpleName() + ": " + error;
        return null;
      }
      fields.put(rc.getSimpleName().toString(), field);
    }
    return name;
  }

  private String inputType(TypeElement record) {
    String name = record.getSimpleName() + "Input";
    if (inputs.containsKey(name)) return name;
    inputs.put(name, record);
    inputOrder.add(name);
    var sdl = new StringBuilder("input ").append(name).append(" {\n");
    for (RecordComponentElement rc : record.getRecordComponents()) {
      String field = input(rc.getAccessor().getReturnType(), nonNull(record, rc));
      if (field == null) {
        error = record.getSimpleName() + "." + rc.getSimpleName() + ": " + error;
        return null;
      }
      sdl.append("  ").append(rc.getSimpleName()).append(": ").append(field).append('\n');
    }
    inputFields.put(name, sdl.append("}\n").toString());
    return name;
  }

  private static boolean nonNull(TypeElement record, RecordComponentElement rc) {
    List<AnnotationMirror> annotations = Schemas.annotations(record, rc);
    return Schemas.required(rc.getAccessor().getReturnType(), annotations);
  }

  private String unsupported(TypeMirror t) {
    error = "type " + Types.source(t) + " has no GraphQL type; " + ALLOWED;
    return null;
  }

  static final String ALLOWED =
      "use a record (not generic), an enum, List<T>, Optional<T>, a primitive or its box, String,"
          + " UUID, BigDecimal, Instant, OffsetDateTime or LocalDate";

  /** The SDL of every collected record (with the fields added by @Batched), input and enum. */
  String sdl() {
    var b = new StringBuilder();
    outputs.forEach(
        (name, o) -> {
          b.append("type ").append(name).append(" {\n");
          o.fields()
              .forEach((f, t) -> b.append("  ").append(f).append(": ").append(t).append('\n'));
          b.append("}\n");
        });
    for (String name : inputOrder) b.append(inputFields.get(name));
    enums.forEach(
        (name, e) -> {
          b.append("enum ").append(name).append(" {\n");
          for (Element c : e.getEnclosedElements()) {
            if (c.getKind() == ElementKind.ENUM_CONSTANT) {
              b.append("  ").append(c.getSimpleName()).append('\n');
            }
          }
          b.append("}\n");
        });
    return b.toString();
  }
}
