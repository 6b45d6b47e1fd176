package dev.keel.processor.internal;

import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Which types cross a process boundary as JSON, and the canonical text of their shape (what the
 * component's version hashes). Records are checked component by component, so a record holding an
 * {@code InputStream} is refused where it is used.
 */
final class ComponentShapes {
  static final Set<String> VALUES =
      Set.of(
          "java.lang.String",
          "java.lang.Integer",
          "java.lang.Long",
          "java.lang.Double",
          "java.lang.Float",
          "java.lang.Short",
          "java.lang.Byte",
          "java.lang.Character",
          "java.lang.Boolean",
          "java.util.UUID",
          "java.net.URI",
          "java.math.BigDecimal",
          "java.math.BigInteger",
          "java.time.Instant",
          "java.time.LocalDate",
          "java.time.LocalDateTime",
          "java.time.LocalTime",
          "java.time.OffsetDateTime",
          "java.time.ZonedDateTime",
          "java.time.Duration",
          "java.time.Period");

  static final Set<String> COLLECTIONS =
      Set.of("java.util.List", "java.util.Set", "java.util.Collection", "java.util.Optional");

  static final String ALLOWED =
      "records, enums, primitives and their boxes, String, UUID, URI, BigDecimal, BigInteger,"
          + " java.time values, arrays, and List, Set, Collection, Optional or Map<String, V> of"
          + " them";

  private final javax.lang.model.util.Types types;

  /** Record and enum shapes met so far, by qualified name: part of the version. */
  final TreeMap<String, String> shapes = new TreeMap<>();

  ComponentShapes(javax.lang.model.util.Types types) {
    this.types = types;
  }

  /** Why {@code t} cannot cross a process boundary, or null when it can. */
  String refuse(TypeMirror t) {
    switch (t.getKind()) {
      case BOOLEAN, BYTE, SHORT, INT, LONG, CHAR, FLOAT, DOUBLE -> {
        return null;
      }
      case ARRAY -> {
        TypeMirror component = ((ArrayType) t).getComponentType();
        if (component.getKind() == TypeKind.DECLARED
            && !((DeclaredType) component).getTypeArguments().isEmpty()) {
          return "an array of a generic type; use a List";
        }
        return refuse(component);
      }
      case DECLARED -> {
        return refuseDeclared((DeclaredType) t);
      }
      case TYPEVAR -> {
        return "a type variable; name a concrete type";
      }
      case WILDCARD -> {
        return "a wildcard; name a concrete type";
      }
      default -> {
        return "not a value (" + t.getKind().toString().toLowerCase(java.util.Locale.ROOT) + ")";
      }
    }
  }

  private String refuseDeclared(DeclaredType t) {
    var element = (TypeElement) t.asElement();
    String name = element.getQualifiedName().toString();
    if (VALUES.contains(name)) return null;
    List<? extends TypeMirror> arguments = t.getTypeArguments();
    if (COLLECTIONS.contains(name)) {
      if (arguments.size() != 1) return "a raw " + name + "; give its element type";
      return argument(arguments.get(0));
    }
    if (name.equals("java.util.Map")) {
      if (arguments.size() != 2) return "a raw Map; give its key and value types";
      if (!((TypeElement) types.asElement(arguments.get(0)))
          .getQualifiedName()
          .contentEquals("java.lang.String")) {
        return "a Map whose keys are not String (JSON object keys are strings)";
      }
      return argument(arguments.get(1));
    }
    if (element.getKind() == ElementKind.ENUM) {
      shapes.computeIfAbsent(
          name,
          n ->
              "enum "
                  + n
                  + element.getEnclosedElements().stream()
                      .filter(e -> e.getKind() == ElementKind.ENUM_CONSTANT)
                      .map(Element::getSimpleName)
                      .toList());
      return null;
    }
    if (element.getKind() == ElementKind.RECORD) return refuseRecord(t, element, name);
    String kind =
        switch (element.getKind()) {
          case INTERFACE -> "an interface";
          case CLASS -> "a class";
          default -> "a " + element.getKind().toString().toLowerCase(java.util.Locale.ROOT);
        };
    return kind + " (" + name + "), not a record; make it a record of " + ALLOWED;
  }

  private String argument(TypeMirror t) {
    if (t.getKind() == TypeKind.WILDCARD) return "a wildcard type argument; name a concrete type";
    return refuse(t);
  }

  private String refuseRecord(DeclaredType t, TypeElement element, String name) {
    String key = t.toString();
    if (shapes.containsKey(key)) return null; // known, or being checked (a recursive record)
    shapes.put(key, "");
    var shape = new StringBuilder("record ").append(key).append('(');
    for (RecordComponentElement c :
        ElementFilter.recordComponentsIn(element.getEnclosedElements())) {
      TypeMirror type = types.asMemberOf(t, c);
      if (type.getKind() == TypeKind.EXECUTABLE) type = c.asType();
      String why = refuse(type);
      if (why != null) {
        shapes.remove(key);
        return "record " + name + " whose component '" + c.getSimpleName() + "' is " + why;
      }
      shape.append(type).append(' ').append(c.getSimpleName()).append(',');
    }
    shapes.put(key, shape.append(')').toString());
    return null;
  }
}
