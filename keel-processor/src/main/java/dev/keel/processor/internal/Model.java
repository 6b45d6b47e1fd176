package dev.keel.processor.internal;

import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/** What the processor learned about controllers: the input of both code and document writers. */
final class Model {
  private Model() {}

  enum Kind {
    PATH,
    QUERY,
    HEADER,
    COOKIE,
    BODY,
    CONTEXT,
    PROVIDED,
    /** keel-security's {@code Principal}, read by generated calls to its {@code Security}. */
    PRINCIPAL
  }

  /**
   * {@code PLAIN} is a required value, {@code OPTIONAL} an {@code Optional<T>}, a {@code List<T>}.
   */
  enum Shape {
    PLAIN,
    OPTIONAL,
    LIST
  }

  /**
   * One handler parameter: {@code value} is the type inside {@code Optional}/{@code List}, else the
   * parameter's own type; {@code defaultValue} is its converted {@code defaultValue}, or {@code
   * null} when it has none.
   */
  record Param(
      Kind kind,
      String name,
      VariableElement element,
      TypeMirror type,
      TypeMirror value,
      Shape shape,
      int providedStatus,
      boolean validated,
      Defaults.Default defaultValue) {
    Param(
        Kind kind,
        String name,
        VariableElement element,
        TypeMirror type,
        TypeMirror value,
        Shape shape,
        int providedStatus,
        boolean validated) {
      this(kind, name, element, type, value, shape, providedStatus, validated, null);
    }

    /** {@code query parameter 'limit'}, {@code header 'X-Tenant'}: as messages name it. */
    String describe() {
      String kind =
          switch (kind()) {
            case QUERY -> "query parameter";
            case PATH -> "path parameter";
            default -> kind().name().toLowerCase(java.util.Locale.ROOT);
          };
      return kind + " '" + name + "'";
    }
  }

  record Endpoint(
      ExecutableElement method,
      String http,
      String path,
      List<Param> params,
      TypeMirror returns,
      int status,
      boolean validate,
      String doc,
      List<String> requires) {
    /** Whether a request must be authenticated: {@code @Requires} or a required principal. */
    boolean authenticated() {
      return !requires.isEmpty()
          || params.stream().anyMatch(p -> p.kind() == Kind.PRINCIPAL && p.shape() == Shape.PLAIN);
    }
  }

  record Controller(TypeElement type, String prefix, String routesName, List<Endpoint> endpoints) {}
}
