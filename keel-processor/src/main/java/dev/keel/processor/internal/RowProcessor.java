package dev.keel.processor.internal;

import java.io.IOException;
import java.io.Writer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.tools.Diagnostic;

/**
 * Generates, for each database record (annotated {@code @dev.keel.db.Table}, or with an
 * {@code @Id}, {@code @Version} or {@code @Column} component), a {@code KeelRow_<Record>} class (a
 * {@code dev.keel.db.spi.RecordBinder}) that calls the record's constructor and accessors directly,
 * so that keel-db builds no method handles for it at start-up (ADR 0030). Records the generated
 * class could not name (private ones, local ones, generic ones, or with a component of a private
 * type) get none: keel-db maps them through method handles as before.
 */
public final class RowProcessor extends AbstractProcessor {
  private static final String DB = "dev.keel.db.";
  private static final List<String> MARKS = List.of("Table", "Id", "Version", "Column");

  private final Set<String> written = new HashSet<>();

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(DB + "Table", DB + "Id", DB + "Version", DB + "Column");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    for (String mark : MARKS) {
      TypeElement annotation = processingEnv.getElementUtils().getTypeElement(DB + mark);
      if (annotation == null) continue;
      for (Element e : round.getElementsAnnotatedWith(annotation)) {
        TypeElement record = enclosingRecord(e);
        if (record != null && nameable(record)) {
          String name = record.getQualifiedName().toString();
          if (written.add(name)) write(record);
        }
      }
    }
    return false;
  }

  /** The record {@code e} is, or whose component, accessor, field or parameter it is. */
  private static TypeElement enclosingRecord(Element e) {
    for (Element at = e; at != null; at = at.getEnclosingElement()) {
      if (at.getKind() == ElementKind.RECORD) return (TypeElement) at;
      if (at.getKind().isClass() || at.getKind().isInterface()) return null;
    }
    return null;
  }

  /** Whether a class in the record's package can name the record and every component's type. */
  private static boolean nameable(TypeElement record) {
    if (record.getNestingKind() == NestingKind.LOCAL
        || record.getNestingKind() == NestingKind.ANONYMOUS
        || !record.getTypeParameters().isEmpty()
        || !visible(record)) {
      return false;
    }
    for (RecordComponentElement c : record.getRecordComponents()) {
      if (!visible(c.asType())) return false;
    }
    return true;
  }

  private static boolean visible(TypeMirror t) {
    return switch (t.getKind()) {
      case DECLARED -> {
        var d = (DeclaredType) t;
        if (!visible((TypeElement) d.asElement())) yield false;
        for (TypeMirror arg : d.getTypeArguments()) {
          if (!visible(arg)) yield false;
        }
        yield true;
      }
      case ARRAY -> visible(((ArrayType) t).getComponentType());
      case WILDCARD -> {
        var w = (WildcardType) t;
        yield (w.getExtendsBound() == null || visible(w.getExtendsBound()))
            && (w.getSuperBound() == null || visible(w.getSuperBound()));
      }
      case TYPEVAR, INTERSECTION, UNION, ERROR -> false;
      default -> t.getKind().isPrimitive();
    };
  }

  /** Neither the type nor a type around it is private, or protected in another package. */
  private static boolean visible(TypeElement type) {
    for (Element at = type; at instanceof TypeElement; at = at.getEnclosingElement()) {
      if (at.getModifiers().contains(Modifier.PRIVATE)) return false;
      if (at.getModifiers().contains(Modifier.PROTECTED)) return false;
      if (((TypeElement) at).getNestingKind() == NestingKind.LOCAL) return false;
    }
    return true;
  }

  private void write(TypeElement record) {
    PackageElement pkgElement = processingEnv.getElementUtils().getPackageOf(record);
    String pkg = pkgElement.getQualifiedName().toString();
    String binary = processingEnv.getElementUtils().getBinaryName(record).toString();
    String name =
        "KeelRow_" + binary.substring(pkg.isEmpty() ? 0 : pkg.length() + 1).replace('$', '_');
    String qualified = pkg.isEmpty() ? name : pkg + "." + name;
    String source = source(pkg, name, record);
    try (Writer w = processingEnv.getFiler().createSourceFile(qualified, record).openWriter()) {
      w.write(source);
    } catch (IOException e) {
      processingEnv
          .getMessager()
          .printMessage(
              Diagnostic.Kind.ERROR,
              "could not write " + qualified + ": " + e.getMessage(),
              record);
    }
  }

  static String source(String pkg, String name, TypeElement record) {
    String type = record.getQualifiedName().toString();
    List<? extends RecordComponentElement> components = record.getRecordComponents();
    var args = new StringBuilder();
    var cases = new StringBuilder();
    boolean unchecked = false;
    for (int i = 0; i < components.size(); i++) {
      RecordComponentElement c = components.get(i);
      TypeMirror t = c.asType();
      unchecked |= t.getKind() == TypeKind.DECLARED && Types.generic(t);
      if (i > 0) args.append(", ");
      args.append('(').append(Types.source(t)).append(") values[").append(i).append(']');
      cases
          .append("      case ")
          .append(i)
          .append(" -> record.")
          .append(c.getAccessor().getSimpleName())
          .append("();\n");
    }
    String value =
        components.isEmpty()
            ? "    throw new IndexOutOfBoundsException(index);\n"
            : "    return switch (index) {\n"
                + cases
                + "      default -> throw new IndexOutOfBoundsException(index);\n"
                + "    };\n";
    return (pkg.isEmpty() ? "" : "package " + pkg + ";\n\n")
        + "/** Calls {@link "
        + type
        + "}'s constructor and accessors for keel-db; generated by keel-processor. */\n"
        + "@javax.annotation.processing.Generated(\"dev.keel.processor\")\n"
        + "public final class "
        + name
        + " implements dev.keel.db.spi.RecordBinder<"
        + type
        + "> {\n"
        + "  @Override\n"
        + "  public Class<"
        + type
        + "> type() {\n"
        + "    return "
        + type
        + ".class;\n"
        + "  }\n\n"
        + "  @Override\n"
        + (unchecked ? "  @SuppressWarnings(\"unchecked\")\n" : "")
        + "  public "
        + type
        + " create(Object[] values) {\n"
        + "    return new "
        + type
        + "("
        + args
        + ");\n"
        + "  }\n\n"
        + "  @Override\n"
        + "  public Object value("
        + type
        + " record, int index) {\n"
        + value
        + "  }\n"
        + "}\n";
  }
}
