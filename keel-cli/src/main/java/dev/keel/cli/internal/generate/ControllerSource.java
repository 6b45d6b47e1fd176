package dev.keel.cli.internal.generate;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The typed JSON controller of a resource: list, get, create, replace and delete. */
final class ControllerSource {
  /** keel-web's annotations; one that shares the resource's name is written qualified. */
  private static final Set<String> WEB =
      Set.of("Body", "Controller", "Delete", "Get", "Post", "Put", "Query", "Status");

  private ControllerSource() {}

  /** {@code @Get}, or {@code @dev.keel.web.Get} when the resource is called {@code Get}. */
  static String web(Names names, String annotation) {
    return annotation.equals(names.type()) ? "@dev.keel.web." + annotation : "@" + annotation;
  }

  static Set<String> webImports(Names names) {
    var imports = new TreeSet<String>();
    for (String a : WEB) if (!a.equals(names.type())) imports.add("dev.keel.web." + a);
    return imports;
  }

  static String source(String pkg, Names names, List<Field> fields) {
    String type = names.type();
    String repo = names.pluralVariable();
    String var = names.variable();
    var imports = webImports(names);
    imports.addAll(
        List.of(
            "dev.keel.core.Context",
            "dev.keel.core.NotFound",
            "dev.keel.db.Database",
            "dev.keel.db.Repository",
            "jakarta.validation.Valid",
            "jakarta.validation.constraints.Max",
            "jakarta.validation.constraints.Min",
            "java.time.Instant",
            "java.util.List",
            "java.util.Optional"));
    fields.stream()
        .filter(f -> f.type().filterable())
        .forEach(f -> f.type().javaImport().ifPresent(imports::add));
    List<Field> filters = fields.stream().filter(f -> f.type().filterable()).toList();
    var params = new StringBuilder();
    var where = new StringBuilder();
    for (Field f : filters) {
      params
          .append(web(names, "Query"))
          .append(" Optional<")
          .append(f.type().boxedType())
          .append("> ")
          .append(f.component())
          .append(",\n");
      where
          .append("    if (")
          .append(f.component())
          .append(".isPresent()) query = query.where(\"")
          .append(f.component())
          .append("\", ")
          .append(f.component())
          .append(".get());\n");
    }
    String path = "/api/" + names.path();
    String notFound = "new NotFound(\"There is no " + names.words() + " \" + id + \".\")";
    String filterDoc =
        filters.isEmpty()
            ? ""
            : " Fields given as parameters filter by equality, e.g. {@code ?"
                + filters.getFirst().component()
                + "="
                + Samples.query(filters.getFirst(), 1).replace(" ", "%20")
                + "}.";
    return RecordSources.header(pkg, imports)
        + "/** "
        + capitalized(names.pluralWords())
        + " at {@code "
        + path
        + "}: list, get, create, replace and delete. */\n"
        + web(names, "Controller")
        + "(\""
        + path
        + "\")\n"
        + "public final class "
        + type
        + "Controller {\n"
        + "  /** A page of results and how many there are in all. */\n"
        + "  public record Page<T>(List<T> items, long total) {}\n\n"
        + "  private final Repository<"
        + type
        + "> "
        + repo
        + ";\n\n"
        + "  public "
        + type
        + "Controller(Database db) {\n"
        + "    this."
        + repo
        + " = db.repository("
        + type
        + ".class);\n  }\n\n"
        + "  /**\n   * Lists "
        + names.pluralWords()
        + " a page at a time, sorted by {@code sort}: field names, {@code -} for descending, e.g."
        + " {@code -createdAt,id}; an unknown field answers 400."
        + filterDoc
        + "\n   */\n"
        + "  "
        + web(names, "Get")
        + "\n  Page<"
        + type
        + "> list(\n"
        + params
        + web(names, "Query")
        + "(defaultValue = \"id\") String sort,\n"
        + web(names, "Query")
        + "(defaultValue = \"20\") @Min(1) @Max(100) int limit,\n"
        + web(names, "Query")
        + "(defaultValue = \"0\") @Min(0) long offset) {\n"
        + "    var query = dev.keel.db.Query.all();\n"
        + where
        + "    List<"
        + type
        + "> items = "
        + repo
        + ".findAll(query.sort(sort).limit(limit).offset(offset));\n"
        + "    return new Page<>(items, "
        + repo
        + ".count(query));\n  }\n\n"
        + "  /** Finds one "
        + names.words()
        + "; 404 when there is none with the id. */\n"
        + "  "
        + web(names, "Get")
        + "(\"/{id}\")\n  "
        + type
        + " get(long id) {\n"
        + "    return "
        + repo
        + ".find(id).orElseThrow(() -> "
        + notFound
        + ");\n  }\n\n"
        + "  /** Adds a "
        + names.words()
        + "; answers 201 with its {@code Location}, 422 naming each invalid field. */\n"
        + "  "
        + web(names, "Post")
        + "\n  "
        + web(names, "Status")
        + "(201)\n  "
        + type
        + " create("
        + web(names, "Body")
        + " @Valid "
        + type
        + "Input input, Context ctx) {\n"
        + "    Instant now = Instant.now();\n"
        + "    "
        + type
        + " "
        + var
        + " = "
        + repo
        + ".insert(input.to"
        + type
        + "(0, now, now));\n"
        + "    ctx.header(\"Location\", \""
        + path
        + "/\" + "
        + var
        + ".id());\n"
        + "    return "
        + var
        + ";\n  }\n\n"
        + "  /** Replaces every field of a "
        + names.words()
        + " with the body's. */\n"
        + "  "
        + web(names, "Put")
        + "(\"/{id}\")\n  "
        + type
        + " update(long id, "
        + web(names, "Body")
        + " @Valid "
        + type
        + "Input input) {\n"
        + "    "
        + type
        + " existing = get(id);\n"
        + "    return "
        + repo
        + ".update(input.to"
        + type
        + "(id, existing.createdAt(), Instant.now()));\n  }\n\n"
        + "  /** Deletes a "
        + names.words()
        + "; 404 when there is none with the id. */\n"
        + "  "
        + web(names, "Delete")
        + "(\"/{id}\")\n"
        + "  void delete(long id) {\n"
        + "    if (!"
        + repo
        + ".deleteById(id)) throw "
        + notFound
        + ";\n  }\n}\n";
  }

  static String capitalized(String words) {
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
