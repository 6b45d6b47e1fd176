package dev.keel.processor.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;
import javax.tools.StandardLocation;

/**
 * Generates, for each {@code @dev.keel.services.Component} interface, {@code
 * <Interface>_Component}: its descriptor with the local stub, the remote stub, the host's dispatch
 * and, when exactly one implementing class is compiled with it and its constructor takes only
 * components, the wiring; lists them in {@code
 * META-INF/services/dev.keel.services.spi.ComponentDescriptor}. What cannot cross a process
 * boundary is a compile error on the method at fault.
 */
public final class ComponentProcessor extends AbstractProcessor {
  static final String COMPONENT = "dev.keel.services.Component";
  private static final String IDEMPOTENT = "dev.keel.services.Idempotent";
  private static final String SERVICES =
      "META-INF/services/dev.keel.services.spi.ComponentDescriptor";

  /** One method of a component. */
  record Operation(
      ExecutableElement method,
      String name,
      List<VariableElement> parameters,
      TypeMirror returns,
      boolean idempotent,
      List<? extends TypeMirror> thrown) {}

  /** One component: its interface, name, version hash, methods and wiring. */
  record Model(
      TypeElement type,
      String name,
      String version,
      List<Operation> operations,
      Set<String> exceptions,
      String wiring) {}

  private final List<String> descriptors = new ArrayList<>();

  /**
   * {@code @Component} and {@code @Idempotent}, claimed (no other processor reads them), so {@code
   * -Xlint:processing -Werror} builds stay quiet.
   */
  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(COMPONENT, IDEMPOTENT);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    TypeElement annotation = processingEnv.getElementUtils().getTypeElement(COMPONENT);
    if (annotation != null) {
      for (Element e : round.getElementsAnnotatedWith(annotation)) {
        Model m = analyze(e, round);
        if (m != null) generate(m);
      }
    }
    if (round.processingOver() && !descriptors.isEmpty()) writeServices();
    return true;
  }

  private Model analyze(Element e, RoundEnvironment round) {
    if (e.getKind() != ElementKind.INTERFACE) {
      error(e, "@Component goes on an interface (the implementation is a class of the app)");
      return null;
    }
    var type = (TypeElement) e;
    if (!type.getTypeParameters().isEmpty()) {
      error(e, "a component interface cannot be generic: remote calls need concrete types");
      return null;
    }
    var shapes = new ComponentShapes(processingEnv.getTypeUtils());
    var operations = new ArrayList<Operation>();
    Map<String, ExecutableElement> byName = new HashMap<>();
    Set<String> exceptions = new LinkedHashSet<>();
    boolean ok = true;
    for (ExecutableElement m :
        ElementFilter.methodsIn(processingEnv.getElementUtils().getAllMembers(type))) {
      if (m.getEnclosingElement().getKind() != ElementKind.INTERFACE
          || !m.getModifiers().contains(Modifier.ABSTRACT)) {
        continue;
      }
      String name = m.getSimpleName().toString();
      ExecutableElement previous = byName.putIfAbsent(name, m);
      if (previous != null) {
        error(
            m,
            "component method "
                + name
                + " is overloaded: a remote call is found by name, so give each method its own"
                + " name");
        ok = false;
        continue;
      }
      if (!m.getTypeParameters().isEmpty()) {
        error(m, "component method " + name + " cannot be generic: name concrete types");
        ok = false;
        continue;
      }
      for (VariableElement p : m.getParameters()) {
        String why = shapes.refuse(p.asType());
        if (why != null) {
          error(
              p,
              "parameter '"
                  + p.getSimpleName()
                  + "' of component method "
                  + name
                  + " cannot cross a process boundary: its type is "
                  + why);
          ok = false;
        }
      }
      if (m.getReturnType().getKind() != TypeKind.VOID) {
        String why = shapes.refuse(m.getReturnType());
        if (why != null) {
          error(
              m,
              "the return type of component method "
                  + name
                  + " cannot cross a process boundary: it is "
                  + why);
          ok = false;
        }
      }
      for (TypeMirror t : m.getThrownTypes()) {
        if (!rebuildable(t)) {
          error(
              m,
              "exception "
                  + t
                  + " of component method "
                  + name
                  + " needs a public constructor taking the message (String), so the caller can"
                  + " throw it again when the component runs in another process");
          ok = false;
        }
        exceptions.add(processingEnv.getTypeUtils().erasure(t).toString());
      }
      operations.add(
          new Operation(
              m,
              name,
              List.copyOf(m.getParameters()),
              m.getReturnType(),
              hasAnnotation(m, IDEMPOTENT),
              m.getThrownTypes()));
    }
    String name = componentName(type);
    if (!name.matches("[A-Za-z][A-Za-z0-9_-]*")) {
      error(
          e,
          "component name '"
              + name
              + "' must be letters, digits, '-' and '_', starting with a letter: it is part of the"
              + " URL /_keel/components/<name>/<method> and of keel-deploy.properties");
      ok = false;
    }
    if (!ok) return null;
    return new Model(
        type,
        name,
        version(name, operations, shapes),
        operations,
        exceptions,
        new ComponentWiring(processingEnv).find(type, round));
  }

  private boolean rebuildable(TypeMirror t) {
    if (t.getKind() != TypeKind.DECLARED) return false;
    var element = (TypeElement) processingEnv.getTypeUtils().asElement(t);
    if (element.getModifiers().contains(Modifier.ABSTRACT)) return false;
    return ElementFilter.constructorsIn(element.getEnclosedElements()).stream()
        .anyMatch(
            c ->
                c.getModifiers().contains(Modifier.PUBLIC)
                    && c.getParameters().size() == 1
                    && c.getParameters().get(0).asType().toString().equals("java.lang.String"));
  }

  private String componentName(TypeElement type) {
    for (var mirror : type.getAnnotationMirrors()) {
      if (((TypeElement) mirror.getAnnotationType().asElement())
          .getQualifiedName()
          .contentEquals(COMPONENT)) {
        for (var entry : mirror.getElementValues().entrySet()) {
          String value = entry.getValue().getValue().toString();
          if (!value.isBlank()) return value;
        }
      }
    }
    return type.getSimpleName().toString();
  }

  /** The first 16 hex digits of the SHA-256 of the interface's canonical shape. */
  private static String version(String name, List<Operation> ops, ComponentShapes shapes) {
    var text = new StringBuilder("component ").append(name).append('\n');
    ops.stream()
        .sorted(java.util.Comparator.comparing(Operation::name))
        .forEach(
            op ->
                text.append(op.idempotent() ? "idempotent " : "")
                    .append(op.returns())
                    .append(' ')
                    .append(op.name())
                    .append(
                        op.parameters().stream()
                            .map(p -> p.asType() + " " + p.getSimpleName())
                            .collect(Collectors.joining(",", "(", ")")))
                    .append(" throws ")
                    .append(op.thrown())
                    .append('\n'));
    shapes.shapes.values().forEach(s -> text.append(s).append('\n'));
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static boolean hasAnnotation(Element e, String name) {
    return e.getAnnotationMirrors().stream()
        .anyMatch(
            a ->
                ((TypeElement) a.getAnnotationType().asElement())
                    .getQualifiedName()
                    .contentEquals(name));
  }

  private void generate(Model m) {
    var elements = processingEnv.getElementUtils();
    String pkg = elements.getPackageOf(m.type()).getQualifiedName().toString();
    String simple = elements.getBinaryName(m.type()).toString();
    simple = simple.substring(simple.lastIndexOf('.') + 1).replace('$', '_') + "_Component";
    String name = pkg.isEmpty() ? simple : pkg + "." + simple;
    try (Writer w = processingEnv.getFiler().createSourceFile(name, m.type()).openWriter()) {
      w.write(new ComponentWriter(processingEnv.getTypeUtils()).write(pkg, simple, m));
    } catch (IOException e) {
      error(m.type(), "could not write " + name + ": " + e.getMessage());
      return;
    }
    descriptors.add(name);
  }

  private void writeServices() {
    try (Writer w =
        processingEnv
            .getFiler()
            .createResource(StandardLocation.CLASS_OUTPUT, "", SERVICES)
            .openWriter()) {
      for (String d : descriptors) w.write(d + "\n");
    } catch (IOException e) {
      error(null, "could not write " + SERVICES + ": " + e.getMessage());
    }
  }

  private void error(Element e, String message) {
    processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, message, e);
  }
}
