package dev.keel.openapi;

import dev.keel.openapi.internal.ReflectSchemas;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Assembles the document from the controllers' build-time fragments and the described routes. */
final class Document {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern PATH_PARAM = Pattern.compile("\\{\\*?([^}]+)}");

  record Described(String method, String pattern, Operation operation) {}

  private Document() {}

  static ObjectNode build(
      String title,
      String version,
      List<Class<?>> controllers,
      List<Described> described,
      Map<String, ObjectNode> securitySchemes,
      java.lang.reflect.Type errorBody,
      JsonMapper json) {
    ObjectNode doc = NODES.objectNode();
    doc.put("openapi", "3.1.1");
    doc.putObject("info").put("title", title).put("version", version);
    ArrayNode tags = doc.putArray("tags");
    Set<String> tagNames = new LinkedHashSet<>();
    ObjectNode paths = doc.putObject("paths");
    Set<String> operationIds = new java.util.HashSet<>();
    ObjectNode schemas = doc.putObject("components").putObject("schemas");
    for (Class<?> controller : controllers) {
      JsonNode fragment = fragment(controller, json);
      for (JsonNode tag : fragment.get("tags")) {
        if (tagNames.add(tag.get("name").asString())) tags.add(tag);
      }
      for (Map.Entry<String, JsonNode> path : fragment.get("paths").properties()) {
        for (JsonNode op : path.getValue()) {
          String id = op.get("operationId").asString();
          if (!operationIds.add(id)) { // two controllers with a list(): qualify the later one
            String tag = op.get("tags").get(0).asString();
            ((ObjectNode) op)
                .put(
                    "operationId",
                    tag.substring(0, 1).toLowerCase(Locale.ROOT) + tag.substring(1) + "_" + id);
          }
        }
        ObjectNode item =
            paths.has(path.getKey())
                ? (ObjectNode) paths.get(path.getKey())
                : paths.putObject(path.getKey());
        item.setAll((ObjectNode) path.getValue());
      }
      schemas.setAll((ObjectNode) fragment.get("components").get("schemas"));
      JsonNode schemes = fragment.get("components").get("securitySchemes");
      if (schemes != null) {
        ObjectNode components = (ObjectNode) doc.get("components");
        if (!components.has("securitySchemes")) components.putObject("securitySchemes");
        ((ObjectNode) components.get("securitySchemes")).setAll((ObjectNode) schemes);
      }
    }
    if (doc.get("components").has("securitySchemes") && !securitySchemes.isEmpty()) {
      useSchemes(doc, securitySchemes);
    }
    var reflect = new ReflectSchemas(schemas);
    for (Described d : described) {
      String tag = d.operation().tag();
      if (tag.isEmpty()) {
        String[] segments = d.pattern().split("/");
        tag = segments.length > 1 && !segments[1].startsWith("{") ? segments[1] : "default";
      }
      if (tagNames.add(tag)) tags.addObject().put("name", tag);
      ObjectNode item =
          paths.has(d.pattern())
              ? (ObjectNode) paths.get(d.pattern())
              : paths.putObject(d.pattern());
      item.set(d.method().toLowerCase(Locale.ROOT), operation(d, tag, reflect));
    }
    if (errorBody == null) {
      schemas.setAll(problems());
    } else {
      schemas.remove(List.of("Problem", "ValidationProblem")); // from the processor's fragments
      useErrorBody(doc, reflect.of(errorBody));
    }
    return doc;
  }

  /** Describes every problem+json response as the app's own JSON error shape instead. */
  private static void useErrorBody(ObjectNode doc, JsonNode schema) {
    for (JsonNode item : doc.get("paths")) {
      for (JsonNode op : item) {
        for (JsonNode response : op.path("responses")) {
          if (response.path("content").get("application/problem+json") instanceof ObjectNode) {
            ObjectNode content = ((ObjectNode) response).putObject("content");
            content.putObject("application/json").set("schema", schema.deepCopy());
          }
        }
      }
    }
  }

  /**
   * Replaces the processor's default bearer scheme by the app's: each operation's requirement
   * becomes one alternative per scheme, with the same permissions; an empty one (anonymous allowed)
   * stays.
   */
  private static void useSchemes(ObjectNode doc, Map<String, ObjectNode> schemes) {
    ObjectNode components = (ObjectNode) doc.get("components");
    ObjectNode replaced = components.putObject("securitySchemes");
    schemes.forEach(replaced::set);
    for (JsonNode item : doc.get("paths")) {
      for (JsonNode op : item) {
        JsonNode security = op.get("security");
        if (security == null) continue;
        ArrayNode alternatives = NODES.arrayNode();
        for (JsonNode requirement : security) {
          if (requirement.isEmpty()) {
            alternatives.add(requirement);
            continue;
          }
          ArrayNode permissions = NODES.arrayNode();
          for (JsonNode scopes : requirement) permissions.addAll((ArrayNode) scopes);
          for (String name : schemes.keySet()) {
            alternatives.addObject().set(name, permissions.deepCopy());
          }
        }
        ((ObjectNode) op).set("security", alternatives);
      }
    }
  }

  private static JsonNode fragment(Class<?> controller, JsonMapper json) {
    String name = "META-INF/keel/openapi/" + controller.getName() + ".json";
    ClassLoader loader = controller.getClassLoader();
    try (InputStream in = loader == null ? null : loader.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(
            "no OpenAPI description of controller "
                + controller.getName()
                + " ("
                + name
                + "): compile it with dev.keel:keel-processor in annotationProcessorPaths");
      }
      return json.readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + name + ": " + e.getMessage(), e);
    }
  }

  private static ObjectNode operation(Described d, String tag, ReflectSchemas schemas) {
    Operation op = d.operation();
    ObjectNode o = NODES.objectNode();
    o.putArray("tags").add(tag);
    o.put(
        "operationId",
        d.method().toLowerCase(Locale.ROOT) + d.pattern().replaceAll("[^A-Za-z0-9]+", "_"));
    if (!op.summary().isEmpty()) o.put("summary", op.summary());
    if (!op.description().isEmpty()) o.put("description", op.description());
    var parameters = new ArrayList<ObjectNode>();
    Matcher m = PATH_PARAM.matcher(d.pattern());
    while (m.find()) {
      ObjectNode p = NODES.objectNode().put("name", m.group(1)).put("in", "path");
      p.put("required", true).putObject("schema").put("type", "string");
      parameters.add(p);
    }
    for (Operation.Parameter p : op.parameters()) {
      ObjectNode node = NODES.objectNode().put("name", p.name()).put("in", p.in());
      node.put("required", !ReflectSchemas.optional(p.type()));
      node.set("schema", schemas.of(p.type()));
      parameters.add(node);
    }
    if (!parameters.isEmpty()) o.putArray("parameters").addAll(parameters);
    op.body()
        .ifPresent(
            body -> {
              ObjectNode rb = o.putObject("requestBody").put("required", true);
              rb.putObject("content").putObject("application/json").set("schema", schemas.of(body));
            });
    ObjectNode responses = o.putObject("responses");
    if (op.responses().isEmpty()) responses.putObject("200").put("description", "OK");
    for (Map.Entry<Integer, Type> r : op.responses().entrySet()) {
      ObjectNode response = responses.putObject(String.valueOf(r.getKey()));
      response.put("description", dev.keel.core.Problem.reason(r.getKey()));
      Type t = r.getValue();
      if (t == void.class || t == Void.class) continue;
      ObjectNode content = response.putObject("content");
      if (t == String.class) {
        content.putObject("text/plain").putObject("schema").put("type", "string");
      } else if (t == byte[].class) {
        content
            .putObject("application/octet-stream")
            .putObject("schema")
            .put("type", "string")
            .put("format", "binary");
      } else {
        content.putObject("application/json").set("schema", schemas.of(t));
      }
    }
    if (!parameters.isEmpty() || op.body().isPresent()) {
      ObjectNode bad = responses.putObject("400").put("description", "The request is malformed.");
      bad.putObject("content")
          .putObject("application/problem+json")
          .putObject("schema")
          .put("$ref", "#/components/schemas/Problem");
    }
    return o;
  }

  /** RFC 9457 problem details as Keel writes them; the same as keel-processor's fragments. */
  private static ObjectNode problems() {
    ObjectNode result = NODES.objectNode();
    for (boolean validation : new boolean[] {false, true}) {
      ObjectNode s = NODES.objectNode().put("type", "object");
      s.put(
          "description",
          validation
              ? "RFC 9457 problem details listing every invalid field"
              : "RFC 9457 problem details");
      ObjectNode p = s.putObject("properties");
      p.putObject("type").put("type", "string").put("format", "uri-reference");
      p.putObject("title").put("type", "string");
      p.putObject("status").put("type", "integer").put("format", "int32");
      p.putObject("detail").put("type", "string");
      p.putObject("instance").put("type", "string").put("format", "uri-reference");
      ObjectNode items = p.putObject("errors").put("type", "array").putObject("items");
      items.put("type", "object");
      ObjectNode ip = items.putObject("properties");
      ip.putObject("field")
          .put("type", "string")
          .put("description", "dotted path, e.g. user.email");
      ip.putObject("message").put("type", "string");
      items.putArray("required").add("field").add("message");
      ArrayNode required =
          s.putArray("required").add("type").add("title").add("status").add("detail");
      if (validation) required.add("errors");
      result.set(validation ? "ValidationProblem" : "Problem", s);
    }
    return result;
  }
}
