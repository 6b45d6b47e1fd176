package dev.keel.processor.internal;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.tools.Diagnostic;
import javax.tools.StandardLocation;

/**
 * Generates, for each {@code @dev.keel.graphql.GraphQlApi} class, a {@code <Class>GraphQl} class (a
 * {@code dev.keel.graphql.spi.GraphQlBinder}) holding the schema's text and a resolver per field
 * that calls the class's methods and the records' accessors directly, and lists it in {@code
 * META-INF/services/dev.keel.graphql.spi.GraphQlBinder}.
 */
public final class GraphQlProcessor extends AbstractProcessor {
  private static final String API = "dev.keel.graphql.GraphQlApi";
  private static final String PKG = "dev.keel.graphql.";
  private static final String REQUIRES = "dev.keel.security.Requires";
  private static final String PRINCIPAL = "dev.keel.security.Principal";
  private static final String SERVICES = "META-INF/services/dev.keel.graphql.spi.GraphQlBinder";

  private final List<String> binders = new ArrayList<>();

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(API);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    TypeElement annotation = processingEnv.getElementUtils().getTypeElement(API);
    if (annotation != null) {
      for (Element e : round.getElementsAnnotatedWith(annotation)) generate((TypeElement) e);
    }
    if (round.processingOver() && !binders.isEmpty()) writeServices();
    return false;
  }

  private void generate(TypeElement api) {
    var types = new GraphQlTypes();
    var roots = new LinkedHashMap<String, List<GraphQlWriter.Field>>();
    var batched = new ArrayList<GraphQlWriter.Field>();
    boolean ok = true;
    for (Element e : api.getEnclosedElements()) {
      if (e.getKind() != ElementKind.METHOD) continue;
      var m = (ExecutableElement) e;
      for (String root : List.of("Query", "Mutation", "Subscription")) {
        AnnotationMirror a = Analyzer.annotation(m, PKG + root);
        if (a == null) continue;
        GraphQlWriter.Field f = rootField(root, fieldName(a, m), m, types);
        if (f == null) ok = false;
        else roots.computeIfAbsent(root, k -> new ArrayList<>()).add(f);
      }
      AnnotationMirror b = Analyzer.annotation(m, PKG + "Batched");
      if (b != null) {
        GraphQlWriter.Field f = batchedField(fieldName(b, m), m, types);
        if (f == null) ok = false;
        else batched.add(f);
      }
    }
    if (!ok) return;
    if (roots.isEmpty() && batched.isEmpty()) {
      error(
          api,
          "@GraphQlApi class "
              + api.getSimpleName()
              + " has no @Query, @Mutation,"
              + " @Subscription or @Batched method; annotate at least one");
      return;
    }
    for (GraphQlWriter.Field f : batched)
      types.outputs.get(f.type()).fields().put(f.name(), f.sdl());
    var sdl = new StringBuilder();
    roots.forEach(
        (root, fields) -> {
          sdl.append("type ").append(root).append(" {\n");
          for (GraphQlWriter.Field f : fields)
            sdl.append("  ").append(f.name()).append(f.sdl()).append('\n');
          sdl.append("}\n");
        });
    sdl.append(types.sdl());
    String pkg = processingEnv.getElementUtils().getPackageOf(api).getQualifiedName().toString();
    String binary = processingEnv.getElementUtils().getBinaryName(api).toString();
    String simple = binary.substring(pkg.isEmpty() ? 0 : pkg.length() + 1).replace('$', '_');
    String name = simple + "GraphQl";
    String qualified = pkg.isEmpty() ? name : pkg + "." + name;
    var writer = new GraphQlWriter(api, requires(api));
    String source = writer.write(pkg, name, sdl.toString(), roots, batched, types.outputs);
    try (Writer w = processingEnv.getFiler().createSourceFile(qualified, api).openWriter()) {
      w.write(source);
    } catch (IOException e) {
      error(api, "could not write " + qualified + ": " + e.getMessage());
      return;
    }
    binders.add(qualified);
  }

  private GraphQlWriter.Field rootField(
      String root, String name, ExecutableElement m, GraphQlTypes types) {
    TypeMirror returns = m.getReturnType();
    if (root.equals("Subscription")) {
      TypeMirror event = Types.argumentOf(returns, "java.util.concurrent.Flow.Publisher");
      if (event == null) {
        error(
            m,
            "@Subscription method "
                + m.getSimpleName()
                + " must return"
                + " java.util.concurrent.Flow.Publisher<T> of its events, not "
                + Types.source(returns));
        return null;
      }
      returns = event;
    }
    var args = new StringBuilder();
    for (VariableElement p : m.getParameters()) {
      if (principal(p.asType())) continue;
      String t = types.input(p.asType(), true);
      if (t == null) {
        error(
            p,
            "GraphQL argument '"
                + p.getSimpleName()
                + "' of "
                + m.getSimpleName()
                + ": "
                + types.error);
        return null;
      }
      args.append(args.isEmpty() ? "(" : ", ").append(p.getSimpleName()).append(": ").append(t);
    }
    if (!args.isEmpty()) args.append(')');
    if (returns.getKind() == javax.lang.model.type.TypeKind.VOID) {
      error(m, "GraphQL field " + name + " returns void; return the changed record (or a Boolean)");
      return null;
    }
    String out = types.output(returns, GraphQlTypes.listElement(returns) != null);
    if (out == null) {
      error(m, "GraphQL field " + root + "." + name + ": " + types.error);
      return null;
    }
    return new GraphQlWriter.Field(root, name, args + ": " + out, m);
  }

  private GraphQlWriter.Field batchedField(String name, ExecutableElement m, GraphQlTypes types) {
    var params = m.getParameters().stream().filter(p -> !principal(p.asType())).toList();
    TypeMirror parent =
        params.size() == 1 ? GraphQlTypes.listElement(params.get(0).asType()) : null;
    TypeMirror value = GraphQlTypes.listElement(m.getReturnType());
    if (parent == null || value == null) {
      error(
          m,
          "@Batched method "
              + m.getSimpleName()
              + " must take the parents as List<P>"
              + " (P a record) and return a List<V> with one value per parent, e.g."
              + " List<Profile> author(List<Article> articles)");
      return null;
    }
    String parentType = types.output(parent, true);
    String out = types.output(value, false);
    if (parentType == null
        || out == null
        || !types.outputs.containsKey(parentType.replace("!", ""))) {
      error(
          m,
          "@Batched "
              + m.getSimpleName()
              + ": "
              + (parentType == null || out == null
                  ? types.error
                  : "the parents must be records, not " + Types.source(parent)));
      return null;
    }
    return new GraphQlWriter.Field(parentType.replace("!", ""), name, out, m);
  }

  static boolean principal(TypeMirror t) {
    TypeMirror inner = Types.argumentOf(t, "java.util.Optional");
    return Types.qualifiedName(inner != null ? inner : t).equals(PRINCIPAL);
  }

  private static String fieldName(AnnotationMirror a, ExecutableElement m) {
    AnnotationValue v = Analyzer.value(a, "value");
    String name = v == null ? "" : (String) v.getValue();
    return name.isEmpty() ? m.getSimpleName().toString() : name;
  }

  /** The permissions of {@code @Requires} on {@code e}. */
  static List<String> requires(Element e) {
    AnnotationMirror a = Analyzer.annotation(e, REQUIRES);
    if (a == null) return List.of();
    AnnotationValue v = Analyzer.value(a, "value");
    if (v == null) return List.of();
    var out = new ArrayList<String>();
    if (v.getValue() instanceof List<?> list) {
      for (Object o : list) out.add((String) ((AnnotationValue) o).getValue());
    } else {
      out.add((String) v.getValue());
    }
    return out;
  }

  private void writeServices() {
    try (Writer w =
        processingEnv
            .getFiler()
            .createResource(StandardLocation.CLASS_OUTPUT, "", SERVICES)
            .openWriter()) {
      for (String b : binders) w.write(b + "\n");
    } catch (IOException e) {
      error(null, "could not write " + SERVICES + ": " + e.getMessage());
    }
  }

  private void error(Element e, String message) {
    processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, message, e);
  }
}
