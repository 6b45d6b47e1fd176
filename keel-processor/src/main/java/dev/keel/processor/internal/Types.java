package dev.keel.processor.internal;

import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** Questions about types that binding and the document both ask. */
final class Types {
  private Types() {}

  static final Set<String> SCALARS =
      Set.of(
          "java.lang.String",
          "java.lang.Integer",
          "java.lang.Long",
          "java.lang.Double",
          "java.lang.Float",
          "java.lang.Short",
          "java.lang.Boolean",
          "java.util.UUID",
          "java.math.BigDecimal",
          "java.time.Instant",
          "java.time.LocalDate",
          "java.time.OffsetDateTime");

  static final String ALLOWED =
      "primitives and their boxes, String, UUID, BigDecimal, Instant, LocalDate, OffsetDateTime"
          + " or an enum";

  /** A value a path, query, header or cookie string converts to. */
  static boolean scalar(TypeMirror t) {
    return switch (t.getKind()) {
      case INT, LONG, DOUBLE, FLOAT, SHORT, BOOLEAN -> true;
      case DECLARED -> SCALARS.contains(qualifiedName(t)) || isEnum(t);
      default -> false;
    };
  }

  static boolean isEnum(TypeMirror t) {
    return t.getKind() == TypeKind.DECLARED
        && ((DeclaredType) t).asElement().getKind() == ElementKind.ENUM;
  }

  static String qualifiedName(TypeMirror t) {
    if (t.getKind() != TypeKind.DECLARED) return t.toString();
    return ((TypeElement) ((DeclaredType) t).asElement()).getQualifiedName().toString();
  }

  /** The single type argument of {@code Optional<T>} or {@code List<T>} named {@code container}. */
  static TypeMirror argumentOf(TypeMirror t, String container) {
    if (t.getKind() == TypeKind.DECLARED && qualifiedName(t).equals(container)) {
      var args = ((DeclaredType) t).getTypeArguments();
      if (args.size() == 1) return args.get(0);
    }
    return null;
  }

  static boolean generic(TypeMirror t) {
    return t.getKind() == TypeKind.DECLARED && !((DeclaredType) t).getTypeArguments().isEmpty();
  }

  /** Java source text of {@code t}, fully qualified, without type-use annotations. */
  static String source(TypeMirror t) {
    return switch (t.getKind()) {
      case DECLARED -> {
        var d = (DeclaredType) t;
        String name = ((TypeElement) d.asElement()).getQualifiedName().toString();
        if (d.getTypeArguments().isEmpty()) yield name;
        yield name
            + d.getTypeArguments().stream()
                .map(Types::source)
                .collect(java.util.stream.Collectors.joining(", ", "<", ">"));
      }
      case ARRAY -> source(((javax.lang.model.type.ArrayType) t).getComponentType()) + "[]";
      case WILDCARD -> {
        var w = (javax.lang.model.type.WildcardType) t;
        if (w.getExtendsBound() != null) yield "? extends " + source(w.getExtendsBound());
        if (w.getSuperBound() != null) yield "? super " + source(w.getSuperBound());
        yield "?";
      }
      case TYPEVAR ->
          ((javax.lang.model.type.TypeVariable) t).asElement().getSimpleName().toString();
      default -> t.getKind().name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
