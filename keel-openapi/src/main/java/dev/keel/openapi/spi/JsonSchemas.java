package dev.keel.openapi.spi;

import dev.keel.openapi.internal.ReflectSchemas;
import java.lang.reflect.Type;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A self-contained JSON Schema (draft 2020-12) of a Java type, made by the generator the OpenAPI
 * document uses: records become objects with their Bean Validation constraints ({@code @NotBlank}
 * as {@code minLength: 1}, {@code @Max} as {@code maximum}, …), enums become {@code enum}s, and
 * {@code Optional} components are nullable and not required. Named types are put under {@code
 * $defs} and referenced as {@code #/$defs/Name}; the root type itself is inlined. Read by
 * reflection when called: call it once per type at start-up, not per request. For modules that send
 * schemas elsewhere (keel-ai gives them to language models); stable across minor versions.
 */
public final class JsonSchemas {
  private static final String COMPONENTS = "#/components/schemas/";

  private JsonSchemas() {}

  /** The schema of {@code type}, with {@code $defs} for the named types it refers to. */
  public static ObjectNode of(Type type) {
    ObjectNode components = JsonNodeFactory.instance.objectNode();
    ObjectNode root = new ReflectSchemas(components).of(type);
    String rootName = null;
    if (root.has("$ref")) {
      rootName = root.get("$ref").asString().substring(COMPONENTS.length());
      root = ((ObjectNode) components.get(rootName)).deepCopy();
    }
    ObjectNode schema = JsonNodeFactory.instance.objectNode();
    schema.setAll(root);
    ObjectNode defs = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> e : components.properties()) {
      // the root's own name stays a definition only when something inside refers back to it
      if (!e.getKey().equals(rootName) || mentions(components, COMPONENTS + rootName)) {
        defs.set(e.getKey(), e.getValue().deepCopy());
      }
    }
    if (!defs.isEmpty()) schema.set("$defs", defs);
    rewrite(schema);
    return schema;
  }

  private static boolean mentions(JsonNode node, String ref) {
    if (node.isObject()) {
      if (node.has("$ref") && node.get("$ref").asString().equals(ref)) return true;
      for (JsonNode child : node.values()) if (mentions(child, ref)) return true;
    } else if (node.isArray()) {
      for (JsonNode child : node.values()) if (mentions(child, ref)) return true;
    }
    return false;
  }

  private static void rewrite(JsonNode node) {
    if (node instanceof ObjectNode o) {
      if (o.has("$ref") && o.get("$ref").asString().startsWith(COMPONENTS)) {
        o.put("$ref", "#/$defs/" + o.get("$ref").asString().substring(COMPONENTS.length()));
      }
      for (JsonNode child : o.values()) rewrite(child);
    } else if (node.isArray()) {
      for (JsonNode child : node.values()) rewrite(child);
    }
  }
}
