package dev.keel.processor.internal;

import dev.keel.processor.internal.Model.Controller;
import dev.keel.processor.internal.Model.Endpoint;
import dev.keel.processor.internal.Model.Kind;
import dev.keel.processor.internal.Model.Param;
import dev.keel.processor.internal.Model.Shape;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.tools.Diagnostic;

/**
 * Reads one {@code @Controller} class into a {@link Controller}, reporting every mistake as a
 * compile error on the element at fault, with what is allowed instead.
 */
final class Analyzer {
  static final String WEB = "dev.keel.web.";

  /** keel-security's names; the processor knows them as strings, like everything else. */
  static final String REQUIRES = "dev.keel.security.Requires";

  static final String PRINCIPAL = "dev.keel.security.Principal";
  static final Map<String, String> METHODS =
      Map.of(
          WEB + "Get", "GET",
          WEB + "Post", "POST",
          WEB + "Put", "PUT",
          WEB + "Patch", "PATCH",
          WEB + "Delete", "DELETE");
  private static final Pattern PATH_PARAM = Pattern.compile("\\{\\*?([^}]+)}");

  private final ProcessingEnvironment env;
  private final Messager messager;
  private boolean failed;

  Analyzer(ProcessingEnvironment env) {
    this.env = env;
    this.messager = env.getMessager();
  }

  /** The controller, or {@code null} after reporting errors. */
  Controller analyze(TypeElement type) {
    failed = false;
    if (type.getKind() != ElementKind.CLASS
        || type.getModifiers().contains(Modifier.ABSTRACT)
        || type.getModifiers().contains(Modifier.PRIVATE)
        || (type.getNestingKind() == NestingKind.MEMBER
            && !type.getModifiers().contains(Modifier.STATIC))) {
      error(
          type,
          "@Controller must annotate a concrete, non-private class (top level or static nested),"
              + " so that the generated routes class can call it");
      return null;
    }
    String prefix = stringValue(annotation(type, WEB + "Controller"), "value");
    if (!prefix.isEmpty() && (!prefix.startsWith("/") || prefix.endsWith("/"))) {
      error(
          type,
          "@Controller(\""
              + prefix
              + "\"): the prefix must start with / and not end with /,"
              + " e.g. @Controller(\"/api/articles\")");
    }
    List<String> classRequires = requires(type);
    var endpoints = new ArrayList<Endpoint>();
    for (Element e : type.getEnclosedElements()) {
      if (e.getKind() != ElementKind.METHOD) continue;
      var method = (ExecutableElement) e;
      if (annotation(method, REQUIRES) != null
          && method.getAnnotationMirrors().stream().noneMatch(a -> METHODS.containsKey(name(a)))) {
        error(
            method,
            "@Requires on "
                + method.getSimpleName()
                + "() guards nothing: it is not a route; add @Get, @Post, @Put, @Patch or @Delete,"
                + " or check in code with Security.authorize(ctx, ...)");
      }
      for (AnnotationMirror a : method.getAnnotationMirrors()) {
        String http = METHODS.get(name(a));
        if (http != null) {
          String sub = stringValue(a, "value");
          String path = sub.equals("/") && !prefix.isEmpty() ? prefix : prefix + sub;
          var requires = new ArrayList<>(classRequires);
          for (String r : requires(method)) if (!requires.contains(r)) requires.add(r);
          Endpoint ep = endpoint(method, http, path, List.copyOf(requires));
          if (ep != null) endpoints.add(ep);
        }
      }
    }
    String routesName = env.getElementUtils().getBinaryName(type).toString();
    routesName = routesName.substring(routesName.lastIndexOf('.') + 1).replace('$', '_') + "Routes";
    return failed ? null : new Controller(type, prefix, routesName, endpoints);
  }

  /** The permissions of {@code @Requires} on {@code e}; an empty or blank one is an error. */
  private List<String> requires(Element e) {
    AnnotationMirror a = annotation(e, REQUIRES);
    if (a == null) return List.of();
    AnnotationValue v = value(a, "value");
    var permissions = new ArrayList<String>();
    if (v != null && v.getValue() instanceof List<?> values) {
      for (Object o : values) permissions.add((String) ((AnnotationValue) o).getValue());
    } else if (v != null && v.getValue() instanceof String one) {
      permissions.add(one);
    }
    for (String permission : permissions) {
      if (!permission.isBlank() && permission.chars().anyMatch(Character::isWhitespace)) {
        messager.printMessage(
            Diagnostic.Kind.ERROR,
            "@Requires on "
                + e.getSimpleName()
                + ": the permission \""
                + permission.replace("\n", "\\n")
                + "\" contains whitespace; permissions are single words such as articles:write",
            e,
            a);
        failed = true;
      }
    }
    if (permissions.isEmpty() || permissions.stream().anyMatch(String::isBlank)) {
      messager.printMessage(
          Diagnostic.Kind.ERROR,
          "@Requires on "
              + e.getSimpleName()
              + " lists "
              + (permissions.isEmpty() ? "no permission" : "a blank permission")
              + "; name what the caller must hold, e.g. @Requires(\"articles:write\"), or remove"
              + " it (a Principal parameter alone requires authentication)",
          e,
          a);
      failed = true;
    }
    return permissions;
  }

  private Endpoint endpoint(
      ExecutableElement method, String http, String path, List<String> requires) {
    if (method.getModifiers().contains(Modifier.PRIVATE)
        || method.getModifiers().contains(Modifier.STATIC)) {
      error(method, "a route method must be a non-private instance method; remove private/static");
      return null;
    }
    if (path.isEmpty()) path = "/";
    if (!path.startsWith("/")) {
      error(method, "route path \"" + path + "\" must start with /, e.g. \"/{id}\"");
      return null;
    }
    Set<String> pathParams = new LinkedHashSet<>();
    Matcher m = PATH_PARAM.matcher(path);
    while (m.find()) pathParams.add(m.group(1));

    var params = new ArrayList<Param>();
    boolean validate = false;
    boolean body = false;
    for (VariableElement p : method.getParameters()) {
      Param param = param(p, pathParams);
      if (param == null) continue;
      if (param.kind() == Kind.BODY) {
        if (body) {
          error(p, "only one parameter can be the @Body; combine the values into one record");
        }
        body = true;
      }
      validate |= param.validated();
      params.add(param);
    }
    for (String name : pathParams) {
      if (params.stream().noneMatch(p -> p.kind() == Kind.PATH && p.name().equals(name))) {
        error(
            method,
            "the path "
                + path
                + " has {"
                + name
                + "} but "
                + method.getSimpleName()
                + "() has no parameter named "
                + name
                + "; add one, e.g. String "
                + name
                + ", or remove {"
                + name
                + "} from the path");
      }
    }
    int status = 0;
    AnnotationMirror s = annotation(method, WEB + "Status");
    if (s != null) {
      status = (Integer) value(s, "value").getValue();
      if (status < 200 || status > 399) {
        error(
            method,
            "@Status("
                + status
                + "): a success status is 200-399; throw an"
                + " HttpException for errors");
      }
    }
    String doc = env.getElementUtils().getDocComment(method);
    return new Endpoint(
        method,
        http,
        path,
        List.copyOf(params),
        method.getReturnType(),
        status,
        validate,
        doc == null ? "" : doc.strip(),
        requires);
  }

  private Param param(VariableElement p, Set<String> pathParams) {
    String javaName = p.getSimpleName().toString();
    TypeMirror t = p.asType();
    boolean validated = validated(p);
    if (annotation(p, WEB + "Body") != null) {
      if (Types.scalar(t) || t.getKind() != TypeKind.DECLARED) {
        error(
            p,
            "@Body "
                + javaName
                + " has type "
                + t
                + "; a body is a record, a class or a List"
                + " of them, read as JSON; bind single values with @Query instead");
        return null;
      }
      return new Param(Kind.BODY, javaName, p, t, t, Shape.PLAIN, 0, validated);
    }
    for (String kind : List.of("Query", "Header", "Cookie")) {
      AnnotationMirror a = annotation(p, WEB + kind);
      if (a == null) continue;
      String name = stringValue(a, "value");
      if (name.isEmpty()) name = javaName;
      Kind k = Kind.valueOf(kind.toUpperCase(java.util.Locale.ROOT));
      return scalarParam(k, name, p, validated, a, "@" + kind);
    }
    if (Types.qualifiedName(t).equals("dev.keel.core.Context")) {
      return new Param(Kind.CONTEXT, javaName, p, t, t, Shape.PLAIN, 0, false);
    }
    TypeMirror optional = Types.argumentOf(t, "java.util.Optional");
    TypeMirror inner = optional != null ? optional : t;
    if (Types.qualifiedName(inner).equals(PRINCIPAL)) {
      return new Param(
          Kind.PRINCIPAL,
          javaName,
          p,
          t,
          inner,
          optional != null ? Shape.OPTIONAL : Shape.PLAIN,
          401,
          false);
    }
    AnnotationMirror provided =
        inner.getKind() == TypeKind.DECLARED
            ? annotation(((DeclaredType) inner).asElement(), WEB + "Provided")
            : null;
    if (provided != null) {
      AnnotationValue st = value(provided, "status");
      return new Param(
          Kind.PROVIDED,
          javaName,
          p,
          t,
          inner,
          optional != null ? Shape.OPTIONAL : Shape.PLAIN,
          st == null ? 500 : (Integer) st.getValue(),
          validated);
    }
    if (pathParams.contains(javaName)) {
      return scalarParam(Kind.PATH, javaName, p, validated, null, "a path parameter");
    }
    error(
        p,
        "parameter "
            + javaName
            + " is not bound to the request: name a {"
            + javaName
            + "} of the path after it, or annotate it with @Query, @Header, @Cookie or @Body;"
            + " framework-provided parameters are Context, keel-security's Principal and types"
            + " annotated @Provided");
    return null;
  }

  /** A path, query, header or cookie value; {@code a} is its annotation, null for the path. */
  private Param scalarParam(
      Kind kind,
      String name,
      VariableElement p,
      boolean validated,
      AnnotationMirror a,
      String what) {
    boolean lists = kind == Kind.QUERY;
    TypeMirror t = p.asType();
    TypeMirror optional = Types.argumentOf(t, "java.util.Optional");
    TypeMirror list = Types.argumentOf(t, "java.util.List");
    Shape shape = Shape.PLAIN;
    TypeMirror value = t;
    if (optional != null && kind != Kind.PATH) {
      shape = Shape.OPTIONAL;
      value = optional;
    } else if (list != null && lists) {
      shape = Shape.LIST;
      value = list;
    }
    if (!Types.scalar(value)) {
      error(
          p,
          "parameter "
              + p.getSimpleName()
              + " has type "
              + t
              + ", which "
              + what
              + " cannot bind; allowed: "
              + Types.ALLOWED
              + (kind == Kind.PATH ? "" : ", Optional<T> of these")
              + (lists ? ", List<T> of these for a repeated parameter" : ""));
      return null;
    }
    if (shape != Shape.PLAIN && constrained(p)) {
      error(
          p,
          "a constraint on "
              + p.getSimpleName()
              + " would apply to the "
              + (shape == Shape.LIST ? "List" : "Optional")
              + ", not to its value; put it inside, e.g. "
              + (shape == Shape.LIST ? "List" : "Optional")
              + "<@Max(100) Integer> "
              + p.getSimpleName());
      return null;
    }
    Defaults.Default defaultValue;
    try {
      defaultValue = Defaults.of(a, p, shape, value);
    } catch (IllegalArgumentException e) {
      error(p, e.getMessage());
      return null;
    }
    validated |= constrainedType(value);
    return new Param(kind, name, p, t, value, shape, 0, validated, defaultValue);
  }

  private static boolean constrained(Element e) {
    for (AnnotationMirror a : e.getAnnotationMirrors()) {
      if (isConstraint(a)) return true;
    }
    return false;
  }

  private static boolean constrainedType(TypeMirror t) {
    for (AnnotationMirror a : t.getAnnotationMirrors()) {
      if (isConstraint(a)) return true;
    }
    return false;
  }

  private static boolean isConstraint(AnnotationMirror a) {
    for (AnnotationMirror meta : a.getAnnotationType().asElement().getAnnotationMirrors()) {
      if (name(meta).equals("jakarta.validation.Constraint")) return true;
    }
    return false;
  }

  /** {@code @Valid}, or an annotation that is a Bean Validation constraint. */
  private static boolean validated(Element e) {
    for (AnnotationMirror a : e.getAnnotationMirrors()) {
      if (name(a).equals("jakarta.validation.Valid") || isConstraint(a)) return true;
    }
    return false;
  }

  static String name(AnnotationMirror a) {
    return ((TypeElement) a.getAnnotationType().asElement()).getQualifiedName().toString();
  }

  static AnnotationMirror annotation(Element e, String qualifiedName) {
    for (AnnotationMirror a : e.getAnnotationMirrors()) {
      if (name(a).equals(qualifiedName)) return a;
    }
    return null;
  }

  static AnnotationValue value(AnnotationMirror a, String member) {
    for (var entry : a.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(member)) return entry.getValue();
    }
    return null;
  }

  private static String stringValue(AnnotationMirror a, String member) {
    AnnotationValue v = value(a, member);
    return v == null ? "" : (String) v.getValue();
  }

  void error(Element e, String message) {
    failed = true;
    messager.printMessage(Diagnostic.Kind.ERROR, message, e);
  }
}
