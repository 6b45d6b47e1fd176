package dev.keel.processor.internal;

import static dev.keel.processor.internal.Schemas.map;

import dev.keel.processor.internal.Model.Controller;
import dev.keel.processor.internal.Model.Endpoint;
import dev.keel.processor.internal.Model.Param;
import dev.keel.processor.internal.Model.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * The machine-readable client model ({@code META-INF/keel/client/model.json}, ADR 0038): every
 * route with its parameters, body, result and error shapes, and every record and enum it uses as a
 * JSON Schema with its Bean Validation constraints. {@code keel client} generates the Java and
 * TypeScript clients from it; the schemas are the ones the OpenAPI fragments carry, so both agree.
 */
final class ClientModelWriter {
  /** Bumped when the shape of the model changes; {@code keel client} refuses other versions. */
  static final int VERSION = 1;

  private final javax.lang.model.util.Types types;
  private final Elements elements;
  private final List<Object> controllers = new ArrayList<>();
  private final Map<String, Object> schemas = new TreeMap<>();

  ClientModelWriter(javax.lang.model.util.Types types, Elements elements) {
    this.types = types;
    this.elements = elements;
  }

  boolean isEmpty() {
    return controllers.isEmpty();
  }

  /** Adds a controller's routes and the schemas of the types they use. */
  void add(Controller c) {
    var local = new Schemas(types, elements);
    var operations = new ArrayList<Object>();
    for (Endpoint e : c.endpoints()) operations.add(operation(e, local));
    schemas.putAll(local.components);
    String name = c.type().getSimpleName().toString().replaceFirst("Controller$", "");
    controllers.add(
        map(
            "name",
            name,
            "java",
            elements.getBinaryName(c.type()).toString(),
            "operations",
            operations));
  }

  String write() {
    return Json.write(map("version", VERSION, "controllers", controllers, "schemas", schemas));
  }

  private Map<String, Object> operation(Endpoint e, Schemas schemas) {
    var params = new ArrayList<Object>();
    Object body = null;
    boolean badRequest = false;
    boolean notFound = false;
    boolean unauthorized = false;
    for (Param p : e.params()) {
      switch (p.kind()) {
        case PATH, QUERY, HEADER, COOKIE -> {
          badRequest = true;
          notFound |= p.kind() == Model.Kind.PATH;
          TypeMirror schemaType = p.shape() == Shape.LIST ? p.type() : p.value();
          var constraints =
              new ArrayList<javax.lang.model.element.AnnotationMirror>(
                  p.element().getAnnotationMirrors());
          if (p.shape() == Shape.OPTIONAL) constraints.addAll(p.value().getAnnotationMirrors());
          var schema =
              schemas.constrain(
                  new LinkedHashMap<>(schemas.of(schemaType)), schemaType, constraints);
          if (p.defaultValue() != null) schema.put("default", p.defaultValue().json());
          params.add(
              map(
                  "name",
                  p.name(),
                  "in",
                  p.kind().name().toLowerCase(Locale.ROOT),
                  "required",
                  p.shape() == Shape.PLAIN && p.defaultValue() == null,
                  "java",
                  Types.source(boxed(schemaType)),
                  "schema",
                  schema));
        }
        case BODY -> {
          badRequest = true;
          body = map("java", Types.source(p.type()), "schema", schemas.of(p.type()));
        }
        case PROVIDED -> unauthorized |= p.providedStatus() == 401 && p.shape() == Shape.PLAIN;
        case PRINCIPAL, CONTEXT -> {}
      }
    }
    var op =
        map(
            "name",
            e.method().getSimpleName().toString(),
            "method",
            e.http(),
            "path",
            e.path(),
            "params",
            params);
    if (!e.doc().isEmpty()) op.put("summary", Docs.summary(e.doc()));
    if (body != null) op.put("body", body);
    op.put("result", result(e, schemas));
    String auth =
        e.authenticated()
            ? "required"
            : e.params().stream().anyMatch(p -> p.kind() == Model.Kind.PRINCIPAL)
                ? "optional"
                : "none";
    op.put("auth", auth);
    if (!e.requires().isEmpty()) op.put("requires", List.copyOf(e.requires()));
    // the error shapes the route can answer with, by status: what the OpenAPI fragment documents
    var errors = new LinkedHashMap<String, Object>();
    if (badRequest) errors.put("400", "Problem");
    if (unauthorized || e.authenticated()) errors.put("401", "Problem");
    if (!e.requires().isEmpty()) errors.put("403", "Problem");
    if (notFound) errors.put("404", "Problem");
    if (e.validate()) errors.put("422", "ValidationProblem");
    op.put("errors", errors);
    return op;
  }

  private Map<String, Object> result(Endpoint e, Schemas schemas) {
    TypeMirror t = e.returns();
    if (t.getKind() == TypeKind.VOID) {
      return map("status", e.status() == 0 ? 204 : e.status(), "media", "none");
    }
    int status = e.status() == 0 ? 200 : e.status();
    String name = Types.qualifiedName(t);
    if (name.equals("java.lang.String") || name.equals("java.lang.CharSequence")) {
      return map("status", status, "media", "text/plain", "java", "java.lang.String");
    }
    if (name.equals("byte[]") || name.equals("java.io.InputStream")) {
      return map("status", status, "media", "application/octet-stream", "java", "byte[]");
    }
    return map(
        "status",
        status,
        "media",
        "application/json",
        "java",
        Types.source(boxed(t)),
        "schema",
        schemas.of(t));
  }

  private TypeMirror boxed(TypeMirror t) {
    return t.getKind().isPrimitive()
        ? types.boxedClass((javax.lang.model.type.PrimitiveType) t).asType()
        : t;
  }
}
