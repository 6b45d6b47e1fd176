package dev.keel.processor.internal;

import dev.keel.processor.internal.Model.Controller;
import dev.keel.processor.internal.Model.Endpoint;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.StandardLocation;

/**
 * Generates, for each {@code @dev.keel.web.Controller} class, a {@code <Controller>Routes} class
 * that registers its routes, lists it in {@code META-INF/services/dev.keel.core.spi.RouteBinder},
 * writes the controller's OpenAPI fragment to {@code META-INF/keel/openapi/<class>.json}, and
 * writes the client model of all of them to {@code META-INF/keel/client/model.json} (ADR 0038).
 */
public final class ControllerProcessor extends AbstractProcessor {
  private static final String CONTROLLER = "dev.keel.web.Controller";
  private static final String SERVICES = "META-INF/services/dev.keel.core.spi.RouteBinder";
  private static final String CLIENT_MODEL = "META-INF/keel/client/model.json";

  private final List<String> binders = new ArrayList<>();
  private final Map<String, Element> routes = new HashMap<>();
  private ClientModelWriter clientModel;

  /**
   * Only {@code @Controller}; it claims nothing, so other processors still see every annotation.
   * javac's {@code -Xlint:processing} then notes that no processor claimed {@code @Get} or
   * {@code @NotBlank}: compile with {@code -Xlint:all,-processing} when warnings are errors.
   */
  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(CONTROLLER);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    TypeElement annotation = processingEnv.getElementUtils().getTypeElement(CONTROLLER);
    if (annotation != null) {
      var analyzer = new Analyzer(processingEnv);
      for (Element e : round.getElementsAnnotatedWith(annotation)) {
        Controller c = analyzer.analyze((TypeElement) e);
        if (c != null && unique(c, analyzer)) generate(c);
      }
    }
    if (round.processingOver() && !binders.isEmpty()) writeServices();
    if (round.processingOver() && clientModel != null && !clientModel.isEmpty()) {
      writeClientModel();
    }
    return false;
  }

  /** Reports a route declared twice (by method and path shape) across all controllers. */
  private boolean unique(Controller c, Analyzer analyzer) {
    boolean ok = true;
    for (Endpoint e : c.endpoints()) {
      String key = e.http() + " " + e.path().replaceAll("\\{[^}]*}", "{}");
      Element previous = routes.putIfAbsent(key, e.method());
      if (previous != null) {
        analyzer.error(
            e.method(),
            "duplicate route "
                + e.http()
                + " "
                + e.path()
                + ": "
                + previous.getEnclosingElement().getSimpleName()
                + "."
                + previous.getSimpleName()
                + "() already handles it; change the path or the HTTP method of one of them");
        ok = false;
      }
    }
    return ok;
  }

  private void generate(Controller c) {
    String pkg =
        processingEnv.getElementUtils().getPackageOf(c.type()).getQualifiedName().toString();
    String name = pkg.isEmpty() ? c.routesName() : pkg + "." + c.routesName();
    try (Writer w = processingEnv.getFiler().createSourceFile(name, c.type()).openWriter()) {
      w.write(new RoutesWriter(processingEnv.getTypeUtils()).write(pkg, c));
    } catch (IOException e) {
      fail(c.type(), "could not write " + name + ": " + e.getMessage());
      return;
    }
    binders.add(name);
    if (clientModel == null) {
      clientModel =
          new ClientModelWriter(processingEnv.getTypeUtils(), processingEnv.getElementUtils());
    }
    clientModel.add(c);
    String fragment =
        "META-INF/keel/openapi/"
            + processingEnv.getElementUtils().getBinaryName(c.type())
            + ".json";
    try (Writer w =
        processingEnv
            .getFiler()
            .createResource(StandardLocation.CLASS_OUTPUT, "", fragment, c.type())
            .openWriter()) {
      w.write(
          new OpenApiWriter(processingEnv.getTypeUtils(), processingEnv.getElementUtils())
              .write(c));
    } catch (IOException e) {
      fail(c.type(), "could not write " + fragment + ": " + e.getMessage());
    }
  }

  private void writeServices() {
    try (Writer w =
        processingEnv
            .getFiler()
            .createResource(StandardLocation.CLASS_OUTPUT, "", SERVICES)
            .openWriter()) {
      for (String b : binders) w.write(b + "\n");
    } catch (IOException e) {
      fail(null, "could not write " + SERVICES + ": " + e.getMessage());
    }
  }

  private void writeClientModel() {
    try (Writer w =
        processingEnv
            .getFiler()
            .createResource(StandardLocation.CLASS_OUTPUT, "", CLIENT_MODEL)
            .openWriter()) {
      w.write(clientModel.write());
    } catch (IOException e) {
      fail(null, "could not write " + CLIENT_MODEL + ": " + e.getMessage());
    }
  }

  private void fail(Element e, String message) {
    processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, message, e);
  }
}
