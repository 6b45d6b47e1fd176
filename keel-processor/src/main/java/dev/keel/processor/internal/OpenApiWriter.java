package dev.keel.processor.internal;

import static dev.keel.processor.internal.Schemas.map;
import static dev.keel.processor.internal.Schemas.ref;

import dev.keel.processor.internal.Model.Controller;
import dev.keel.processor.internal.Model.Endpoint;
import dev.keel.processor.internal.Model.Kind;
import dev.keel.processor.internal.Model.Param;
import dev.keel.processor.internal.Model.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Writes a controller's part of the OpenAPI 3.1 document: its tag, path items and schemas. The
 * {@code keel-openapi} plugin merges the parts of the registered controllers into the document.
 */
final class OpenApiWriter {
  private final javax.lang.model.util.Types types;
  private final Elements elements;

  OpenApiWriter(javax.lang.model.util.Types types, Elements elements) {
    this.types = types;
    this.elements = elements;
  }

  String write(Controller c) {
    var schemas = new Schemas(types, elements);
    String tag = c.type().getSimpleName().toString().replaceFirst("Controller$", "");
    var tagObject = map("name", tag);
    String classDoc = elements.getDocComment(c.type());
    if (classDoc != null && !Docs.text(classDoc).isEmpty()) {
      tagObject.put("description", Docs.text(classDoc));
    }
    var paths = new LinkedHashMap<String, Object>();
    for (Endpoint e : c.endpoints()) {
      @SuppressWarnings("unchecked")
      var item = (Map<String, Object>) paths.computeIfAbsent(e.path(), p -> new LinkedHashMap<>());
      item.put(e.http().toLowerCase(Locale.ROOT), operation(e, tag, schemas));
    }
    schemas.components.put("Problem", problem(false));
    schemas.components.put("ValidationProblem", problem(true));
    var components = map("schemas", schemas.components);
    if (c.endpoints().stream()
        .anyMatch(
            e ->
                e.authenticated()
                    || e.params().stream().anyMatch(p -> p.kind() == Kind.PRINCIPAL))) {
      // keel-openapi replaces this default when the app names its schemes (Token, cookie, key)
      components.put(
          "securitySchemes",
          map(BEARER, map("type", "http", "scheme", "bearer", "bearerFormat", "JWT")));
    }
    return Json.write(map("tags", List.of(tagObject), "paths", paths, "components", components));
  }

  /** The name of keel-security's JWT scheme in {@code components.securitySchemes}. */
  static final String BEARER = "bearerAuth";

  private Map<String, Object> operation(Endpoint e, String tag, Schemas schemas) {
    var op = map("tags", List.of(tag), "operationId", e.method().getSimpleName().toString());
    if (!e.doc().isEmpty()) {
      String summary = Docs.summary(e.doc());
      String text = Docs.text(e.doc());
      op.put("summary", summary);
      if (!text.equals(summary)) op.put("description", text);
    }
    var parameters = new ArrayList<Object>();
    boolean badRequest = false;
    boolean unauthorized = false;
    boolean notFound = false;
    for (Param p : e.params()) {
      switch (p.kind()) {
        case PATH, QUERY, HEADER, COOKIE -> {
          badRequest = true;
          notFound |= p.kind() == Kind.PATH;
          TypeMirror schemaType = p.shape() == Shape.LIST ? p.type() : p.value();
          var schema =
              schemas.constrain(
                  new LinkedHashMap<>(schemas.of(schemaType)), schemaType, constraints(p));
          var param =
              map(
                  "name",
                  p.name(),
                  "in",
                  p.kind().name().toLowerCase(Locale.ROOT),
                  "required",
                  p.shape() == Shape.PLAIN && p.defaultValue() == null,
                  "schema",
                  schema);
          if (p.defaultValue() != null) schema.put("default", p.defaultValue().json());
          parameters.add(param);
        }
        case BODY -> {
          badRequest = true;
          op.put(
              "requestBody",
              map(
                  "required",
                  true,
                  "content",
                  map("application/json", map("schema", schemas.of(p.type())))));
        }
        case PROVIDED -> unauthorized |= p.providedStatus() == 401 && p.shape() == Shape.PLAIN;
        case PRINCIPAL, CONTEXT -> {}
      }
    }
    if (!parameters.isEmpty()) op.put("parameters", parameters);
    if (e.authenticated()) {
      // OpenAPI 3.1 lets non-OAuth requirements list roles: here the required permissions
      op.put("security", List.of(map(BEARER, List.copyOf(e.requires()))));
      unauthorized = true;
    } else if (e.params().stream().anyMatch(p -> p.kind() == Kind.PRINCIPAL)) {
      op.put("security", List.of(map(), map(BEARER, List.of()))); // anonymous or signed in
    }
    var responses = new LinkedHashMap<String, Object>();
    TypeMirror returns = e.returns();
    if (returns.getKind() == TypeKind.VOID) {
      responses.put(
          String.valueOf(e.status() == 0 ? 204 : e.status()), map("description", "No Content"));
    } else {
      int status = e.status() == 0 ? 200 : e.status();
      responses.put(
          String.valueOf(status),
          map(
              "description",
              status == 201 ? "Created" : "OK",
              "content",
              content(returns, schemas)));
    }
    if (badRequest) responses.put("400", problemResponse("The request is malformed.", false));
    if (unauthorized) responses.put("401", problemResponse("Authentication is required.", false));
    if (!e.requires().isEmpty()) {
      responses.put(
          "403",
          problemResponse(
              "The caller is authenticated but lacks a permission: "
                  + String.join(", ", e.requires())
                  + ".",
              false));
    }
    if (notFound) responses.put("404", problemResponse("Nothing matches the path.", false));
    if (e.validate()) {
      responses.put("422", problemResponse("The request fails validation.", true));
    }
    op.put("responses", responses);
    return op;
  }

  /** Constraints on the parameter and, for {@code Optional<@Max(9) Integer>}, on its value. */
  private static List<javax.lang.model.element.AnnotationMirror> constraints(Param p) {
    var all =
        new ArrayList<javax.lang.model.element.AnnotationMirror>(
            p.element().getAnnotationMirrors());
    if (p.shape() == Shape.OPTIONAL) all.addAll(p.value().getAnnotationMirrors());
    return all;
  }

  private Map<String, Object> content(TypeMirror t, Schemas schemas) {
    String name = Types.qualifiedName(t);
    if (name.equals("java.lang.String") || name.equals("java.lang.CharSequence")) {
      return map("text/plain", map("schema", map("type", "string")));
    }
    if (name.equals("byte[]") || name.equals("java.io.InputStream")) {
      return map(
          "application/octet-stream", map("schema", map("type", "string", "format", "binary")));
    }
    return map("application/json", map("schema", schemas.of(t)));
  }

  private static Map<String, Object> problemResponse(String description, boolean validation) {
    return map(
        "description",
        description,
        "content",
        map(
            "application/problem+json",
            map("schema", ref(validation ? "ValidationProblem" : "Problem"))));
  }

  /** RFC 9457 problem details as Keel writes them. */
  private static Map<String, Object> problem(boolean validation) {
    var properties =
        map(
            "type",
            map("type", "string", "format", "uri-reference"),
            "title",
            map("type", "string"),
            "status",
            map("type", "integer", "format", "int32"),
            "detail",
            map("type", "string"),
            "instance",
            map("type", "string", "format", "uri-reference"));
    var errors =
        map(
            "type",
            "array",
            "items",
            map(
                "type",
                "object",
                "properties",
                map(
                    "field",
                    map("type", "string", "description", "dotted path, e.g. user.email"),
                    "message",
                    map("type", "string")),
                "required",
                List.of("field", "message")));
    properties.put("errors", errors);
    var required = new ArrayList<Object>(List.of("type", "title", "status", "detail"));
    if (validation) required.add("errors");
    return map(
        "type",
        "object",
        "description",
        validation
            ? "RFC 9457 problem details listing every invalid field"
            : "RFC 9457 problem details",
        "properties",
        properties,
        "required",
        required);
  }
}
