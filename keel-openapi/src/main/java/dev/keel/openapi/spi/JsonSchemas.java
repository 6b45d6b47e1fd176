package dev.keel.openapi.spi;

import dev.keel.openapi.internal.ReflectSchemas;
import java.lang.reflect.Type;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A standalone JSON Schema (2020-12) of a Java type, made by the generator the OpenAPI document
 * uses, so a record has one schema everywhere: Bean Validation constraints become keywords
 * ({@code @NotBlank} is {@code minLength: 1}, {@code @Max(100)} is {@code maximum: 100}), and
 * {@code Optional} components are not required. Named types (records, enums) go under {@code $defs}
 * and are referred to as {@code #/$defs/Name}; the type itself is inlined at the root. For modules
 * that hand schemas to other programs (keel-ai: model tools, MCP); stable across minor versions.
 *
 * <p>Reads the type by reflection once per call; callers keep the result. Thread-safe.
 */
public final class JsonSchemas {
  private static final String COMPONENTS = "#/components/schemas/";
  private static final String DEFS = "#/$defs/";

  private JsonSchemas() {}

  /** The schema of {@code type}: a record's is {@code {"type": "object", "properties": …}}. */
  public static ObjectNode of(Type type) {
    ObjectNode components = JsonNodeFactory.instance.objectNode();
    ObjectNode schema = new ReflectSchemas(components).of(type).deepCopy();
    if (schema.has("$ref") && schema.size() == 1) {
      String name = schema.get("$ref").asString().substring(COMPONENTS.length());
      ObjectNode named = (ObjectNode) components.get(name);
      schema = named.deepCopy();
      // a recursive record keeps its definition for the references inside it
      if (!mentions(components, COMPONENTS + name)) components.remove(name);
    }
    rewrite(schema);
    if (!components.isEmpty()) {
      ObjectNode defs = schema.putObject("$defs");
      for (Map.Entry<String, JsonNode> e : components.properties()) {
        JsonNode def = e.getValue().deepCopy();
        rewrite(def);
        defs.set(e.getKey(), def);
      }
    }
    return schema;
  }

  private static boolean mentions(JsonNode node, String ref) {
    return node.toString().contains("\"" + ref + "\"");
  }

  /** Points every {@code $ref} at {@code $defs} instead of the OpenAPI components. */
  private static void rewrite(JsonNode node) {
    if (node instanceof ObjectNode o) {
      JsonNode ref = o.get("$ref");
      if (ref != null && ref.isString() && ref.asString().startsWith(COMPONENTS)) {
        o.put("$ref", DEFS + ref.asString().substring(COMPONENTS.length()));
      }
      for (Map.Entry<String, JsonNode> e : o.properties()) rewrite(e.getValue());
    } else if (node instanceof ArrayNode a) {
      for (JsonNode item : a) rewrite(item);
    }
  }
}
