package dev.keel.cli.internal.generate;

import dev.keel.cli.internal.UsageException;
import java.util.Locale;
import java.util.Set;

/**
 * The names a resource goes by: {@code BlogPost} is the record, {@code blog_posts} the table,
 * {@code /api/blog-posts} the path and {@code blogposts} the package.
 */
public record Names(String type) {
  /** Java's keywords and literals: neither a class nor a field may be called so. */
  static final Set<String> KEYWORDS =
      Set.of(
          "abstract",
          "assert",
          "boolean",
          "break",
          "byte",
          "case",
          "catch",
          "char",
          "class",
          "const",
          "continue",
          "default",
          "do",
          "double",
          "else",
          "enum",
          "extends",
          "final",
          "finally",
          "float",
          "for",
          "goto",
          "if",
          "implements",
          "import",
          "instanceof",
          "int",
          "interface",
          "long",
          "native",
          "new",
          "package",
          "private",
          "protected",
          "public",
          "return",
          "short",
          "static",
          "strictfp",
          "super",
          "switch",
          "synchronized",
          "this",
          "throw",
          "throws",
          "transient",
          "try",
          "void",
          "volatile",
          "while",
          "true",
          "false",
          "null",
          "var",
          "record",
          "yield",
          "sealed",
          "permits",
          "when",
          "module",
          "open",
          "to",
          "exports",
          "requires",
          "uses",
          "provides",
          "with",
          "opens",
          "transitive",
          "_");

  /**
   * Types the generated code imports or declares; a resource of that name would clash. (keel-web's
   * annotations are written qualified when the resource shares their name, so {@code Post} is
   * fine.)
   */
  static final Set<String> TAKEN =
      Set.of(
          "App",
          "Keel",
          "Database",
          "Repository",
          "Query",
          "Page",
          "Context",
          "Instant",
          "List",
          "Optional",
          "Object",
          "String",
          "Integer",
          "Long",
          "Boolean",
          "Record",
          "Class",
          "System",
          "Map",
          "Test",
          "View",
          "Views",
          "Form",
          "Security",
          "Valid",
          "NotFound",
          "Size",
          "Min",
          "Max",
          "Path",
          "TestClient",
          "TestResponse",
          "JsonNode");

  /**
   * Checks a resource or controller name from the command line and returns it in PascalCase ({@code
   * post} and {@code Post} both give {@code Post}; {@code blog_post} gives {@code BlogPost}).
   */
  public static Names of(String raw) {
    if (!raw.matches("[A-Za-z][A-Za-z0-9_]*")) {
      throw new UsageException(
          "'"
              + raw
              + "' is not a name: use letters and digits, starting with a letter, e.g. Post or"
              + " BlogPost");
    }
    StringBuilder b = new StringBuilder();
    for (String part : raw.split("_")) {
      if (part.isEmpty()) continue;
      b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    String type = b.toString();
    if (KEYWORDS.contains(raw.toLowerCase(Locale.ROOT)) || TAKEN.contains(type)) {
      throw new UsageException(
          "'"
              + raw
              + "' is a reserved word in Java or Keel's generated code; choose another name, e.g."
              + " Article");
    }
    return new Names(type);
  }

  /** {@code blogPost}, for variables. */
  public String variable() {
    return Character.toLowerCase(type.charAt(0)) + type.substring(1);
  }

  /** {@code blog_posts}, the table. */
  public String table() {
    return plural(snake(type));
  }

  /** {@code blogPosts}, for a list variable. */
  public String pluralVariable() {
    return plural(variable());
  }

  /** {@code blog-posts}, the path segment. */
  public String path() {
    return table().replace('_', '-');
  }

  /** {@code blogposts}, the package segment. */
  public String packageName() {
    return table().replace("_", "");
  }

  /** {@code blog posts}, for sentences. */
  public String pluralWords() {
    return plural(words());
  }

  /** {@code blog post}, for sentences. */
  public String words() {
    return snake(type).replace('_', ' ');
  }

  /** {@code publishedAt} → {@code published_at}; {@code BlogPost} → {@code blog_post}. */
  public static String snake(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }

  /** English plurals for the usual cases: post → posts, category → categories, box → boxes. */
  public static String plural(String word) {
    if (word.matches(".*[^aeiou]y")) return word.substring(0, word.length() - 1) + "ies";
    if (word.matches(".*(s|x|z|ch|sh)")) return word + "es";
    return word + "s";
  }
}
