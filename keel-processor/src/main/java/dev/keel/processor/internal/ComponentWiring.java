package dev.keel.processor.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.ElementFilter;

/**
 * The wiring of a component: among the classes compiled with its interface, the one implementation
 * whose constructor takes only other components becomes {@code new Impl(components.get(A.class),
 * ...)}. Anything else (no implementation here, two of them, a constructor that needs a database)
 * leaves the wiring to the application's {@code Components.builder().implementation(...)}.
 */
final class ComponentWiring {
  private final ProcessingEnvironment env;

  ComponentWiring(ProcessingEnvironment env) {
    this.env = env;
  }

  /** The expression that makes the implementation of {@code component}, or null. */
  String find(TypeElement component, RoundEnvironment round) {
    var implementations = new ArrayList<TypeElement>();
    for (Element e : round.getRootElements()) collect(e, component, implementations);
    if (implementations.size() != 1) return null;
    TypeElement impl = implementations.get(0);
    String pkg = env.getElementUtils().getPackageOf(component).getQualifiedName().toString();
    String implPkg = env.getElementUtils().getPackageOf(impl).getQualifiedName().toString();
    boolean samePackage = pkg.equals(implPkg);
    if (!samePackage && !impl.getModifiers().contains(Modifier.PUBLIC)) return null;
    List<ExecutableElement> constructors =
        ElementFilter.constructorsIn(impl.getEnclosedElements()).stream()
            .filter(c -> !c.getModifiers().contains(Modifier.PRIVATE))
            .filter(c -> samePackage || c.getModifiers().contains(Modifier.PUBLIC))
            .filter(c -> c.getParameters().stream().allMatch(p -> isComponent(p.asType())))
            .toList();
    if (constructors.size() != 1) return null;
    return "new "
        + impl.getQualifiedName()
        + constructors.get(0).getParameters().stream()
            .map(p -> "components.get(" + env.getTypeUtils().erasure(p.asType()) + ".class)")
            .collect(Collectors.joining(", ", "(", ")"));
  }

  private void collect(Element e, TypeElement component, List<TypeElement> found) {
    if (e.getKind() != ElementKind.CLASS) return;
    var type = (TypeElement) e;
    if (!type.getModifiers().contains(Modifier.ABSTRACT)
        && (type.getNestingKind().isNested() ? type.getModifiers().contains(Modifier.STATIC) : true)
        && env.getTypeUtils()
            .isAssignable(
                env.getTypeUtils().erasure(type.asType()),
                env.getTypeUtils().erasure(component.asType()))) {
      found.add(type);
    }
    for (TypeElement member : ElementFilter.typesIn(type.getEnclosedElements())) {
      collect(member, component, found);
    }
  }

  private boolean isComponent(javax.lang.model.type.TypeMirror t) {
    if (t.getKind() != TypeKind.DECLARED) return false;
    Element e = env.getTypeUtils().asElement(t);
    return e.getKind() == ElementKind.INTERFACE
        && ComponentProcessor.hasAnnotation(e, ComponentProcessor.COMPONENT);
  }
}
