package dev.keel.cli.internal.generate;

import java.util.List;
import java.util.TreeSet;

/**
 * {@code --html}: the server-rendered pages of a resource at {@code /NAMEs} (list, show, new,
 * edit), forms with keel-security's CSRF token and a flash message after each change.
 */
final class PagesSource {
  private PagesSource() {}

  static String source(String pkg, Names names, List<Field> fields) {
    String type = names.type();
    String repo = names.pluralVariable();
    String var = names.variable();
    String path = "/" + names.path();
    String dir = names.packageName();
    var imports = ControllerSource.webImports(names);
    imports.addAll(
        List.of(
            "dev.keel.core.Context",
            "dev.keel.core.Cookie",
            "dev.keel.core.Form",
            "dev.keel.core.NotFound",
            "dev.keel.db.Database",
            "dev.keel.db.Repository",
            "dev.keel.security.Sessions",
            "dev.keel.views.View",
            "dev.keel.views.Views",
            "jakarta.validation.ConstraintViolation",
            "jakarta.validation.Validation",
            "jakarta.validation.Validator",
            "java.net.URLDecoder",
            "org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator",
            "java.net.URLEncoder",
            "java.nio.charset.StandardCharsets",
            "java.time.Instant",
            "java.util.LinkedHashMap",
            "java.util.Map",
            "java.util.Optional",
            "java.util.function.Function"));
    fields.forEach(f -> f.type().javaImport().ifPresent(imports::add));
    if (fields.stream().anyMatch(f -> f.type() == FieldType.JSON)) {
      imports.add("tools.jackson.databind.json.JsonMapper");
    }
    if (fields.stream().anyMatch(f -> f.type() == FieldType.DATETIME)) {
      imports.add("java.time.LocalDateTime");
      imports.add("java.time.ZoneOffset");
    }
    String notFound = "new NotFound(\"There is no " + names.words() + " \" + id + \".\")";
    var read = new StringBuilder();
    var values = new StringBuilder();
    for (Field f : fields) {
      read.append("        ").append(parse(f)).append(",\n");
      values
          .append("    values.put(\"")
          .append(f.component())
          .append("\", text(")
          .append(var)
          .append('.')
          .append(f.component())
          .append("()));\n");
    }
    String args = read.toString().strip();
    args = args.substring(0, args.length() - 1);
    return RecordSources.header(pkg, new TreeSet<>(imports))
        + "/**\n * Pages for "
        + names.pluralWords()
        + " at {@code "
        + path
        + "}: the list, one "
        + names.words()
        + ", and forms to add, change and delete them. Forms carry the session's CSRF token"
        + " (keel-security checks it); after a change the browser is redirected with a flash"
        + " message, kept in a cookie until the next page shows it.\n */\n"
        + ControllerSource.web(names, "Controller")
        + "(\""
        + path
        + "\")\n"
        + "public final class "
        + type
        + "Pages {\n"
        + "  /** Bean Validation as keel-web runs it for JSON bodies (messages without EL). */\n"
        + "  private static final Validator VALIDATOR =\n"
        + "      Validation.byDefaultProvider()\n"
        + "          .configure()\n"
        + "          .messageInterpolator(new ParameterMessageInterpolator())\n"
        + "          .buildValidatorFactory()\n"
        + "          .getValidator();\n"
        + (imports.contains("tools.jackson.databind.json.JsonMapper")
            ? "  private static final JsonMapper JSON = JsonMapper.builder().build();\n"
            : "")
        + "  private static final String FLASH = \"flash\";\n\n"
        + "  private final Repository<"
        + type
        + "> "
        + repo
        + ";\n  private final Views views;\n  private final Sessions sessions;\n\n"
        + "  public "
        + type
        + "Pages(Database db, Views views, Sessions sessions) {\n"
        + "    this."
        + repo
        + " = db.repository("
        + type
        + ".class);\n    this.views = views;\n    this.sessions = sessions;\n  }\n\n"
        + "  "
        + ControllerSource.web(names, "Get")
        + "\n  View index(Context ctx) {\n"
        + "    var newest = "
        + repo
        + ".findAll(dev.keel.db.Query.all().sort(\"-id\").limit(100));\n"
        + "    return views.render(\n        \""
        + dir
        + "/index.jte\", Map.of(\""
        + repo
        + "\", newest, \"flash\", flash(ctx)));\n  }\n\n"
        + "  "
        + ControllerSource.web(names, "Get")
        + "(\"/new\")\n  View newForm(Context ctx) {\n"
        + "    return form(ctx, \"New "
        + names.words()
        + "\", \""
        + path
        + "\", Map.of(), Map.of());\n  }\n\n"
        + "  "
        + ControllerSource.web(names, "Get")
        + "(\"/{id}\")\n  View show(long id, Context ctx) {\n"
        + "    return views.render(\n        \""
        + dir
        + "/show.jte\", Map.of(\""
        + var
        + "\",\n            find(id),\n            \"flash\",\n            flash(ctx),\n            \"csrf\",\n"
        + "            sessions.start(ctx).csrfToken()));\n  }\n\n"
        + "  "
        + ControllerSource.web(names, "Get")
        + "(\"/{id}/edit\")\n  View edit(long id, Context ctx) {\n"
        + "    return form(ctx, \"Edit "
        + names.words()
        + "\", \""
        + path
        + "/\" + id, values(find(id)), Map.of());\n  }\n\n"
        + "  /** Adds a "
        + names.words()
        + " from the form; shows the form again with the errors when it is invalid. */\n"
        + "  "
        + ControllerSource.web(names, "Post")
        + "\n  View create(Context ctx) {\n"
        + "    var errors = new LinkedHashMap<String, String>();\n"
        + "    Optional<"
        + type
        + "Input> input = input(ctx.form(), errors);\n"
        + "    if (input.isEmpty()) {\n"
        + "      ctx.status(422);\n"
        + "      return form(ctx, \"New "
        + names.words()
        + "\", \""
        + path
        + "\", fields(ctx.form()), errors);\n    }\n"
        + "    Instant now = Instant.now();\n"
        + "    "
        + type
        + " "
        + var
        + " = "
        + repo
        + ".insert(input.get().to"
        + type
        + "(0, now, now));\n"
        + "    return redirect(ctx, \""
        + path
        + "/\" + "
        + var
        + ".id(), \""
        + ControllerSource.capitalized(names.words())
        + " created.\");\n  }\n\n"
        + "  /** Changes a "
        + names.words()
        + " from the edit form (HTML forms cannot send PUT). */\n"
        + "  "
        + ControllerSource.web(names, "Post")
        + "(\"/{id}\")\n  View update(long id, Context ctx) {\n"
        + "    "
        + type
        + " existing = find(id);\n"
        + "    var errors = new LinkedHashMap<String, String>();\n"
        + "    Optional<"
        + type
        + "Input> input = input(ctx.form(), errors);\n"
        + "    if (input.isEmpty()) {\n"
        + "      ctx.status(422);\n"
        + "      return form(ctx, \"Edit "
        + names.words()
        + "\", \""
        + path
        + "/\" + id, fields(ctx.form()), errors);\n    }\n"
        + "    "
        + repo
        + ".update(input.get().to"
        + type
        + "(id, existing.createdAt(), Instant.now()));\n"
        + "    return redirect(ctx, \""
        + path
        + "/\" + id, \""
        + ControllerSource.capitalized(names.words())
        + " updated.\");\n  }\n\n"
        + "  "
        + ControllerSource.web(names, "Post")
        + "(\"/{id}/delete\")\n  View delete(long id, Context ctx) {\n"
        + "    if (!"
        + repo
        + ".deleteById(id)) throw "
        + notFound
        + ";\n"
        + "    return redirect(ctx, \""
        + path
        + "\", \""
        + ControllerSource.capitalized(names.words())
        + " deleted.\");\n  }\n\n"
        + "  private "
        + type
        + " find(long id) {\n    return "
        + repo
        + ".find(id).orElseThrow(() -> "
        + notFound
        + ");\n  }\n\n"
        + "  private View form(\n"
        + "      Context ctx, String title, String action, Map<String, String> values,"
        + " Map<String, String> errors) {\n"
        + "    return views.render(\n"
        + "        \""
        + dir
        + "/form.jte\",\n"
        + "        Map.of(\n"
        + "            \"title\", title,\n"
        + "            \"action\", action,\n"
        + "            \"values\", values,\n"
        + "            \"errors\", errors,\n"
        + "            \"csrf\", sessions.start(ctx).csrfToken()));\n  }\n\n"
        + "  /** The form's fields as typed values; empty, with a message per field, if invalid. */\n"
        + "  private static Optional<"
        + type
        + "Input> input(Form form, Map<String, String> errors) {\n"
        + "    "
        + type
        + "Input input =\n        new "
        + type
        + "Input(\n"
        + args
        + ");\n"
        + "    for (ConstraintViolation<"
        + type
        + "Input> v : VALIDATOR.validate(input)) {\n"
        + "      errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage());\n    }\n"
        + "    return errors.isEmpty() ? Optional.of(input) : Optional.empty();\n  }\n\n"
        + "  /** A field's value converted by {@code parse}; blank is null, a bad value an error. */\n"
        + "  private static <T> T field(\n"
        + "      Form form, Map<String, String> errors, String name, Function<String, T> parse) {\n"
        + "    String value = form.field(name).map(String::strip).orElse(\"\");\n"
        + "    if (value.isEmpty()) return null;\n"
        + "    try {\n      return parse.apply(value);\n"
        + "    } catch (RuntimeException e) {\n"
        + "      errors.put(name, \"is not a valid value\");\n      return null;\n    }\n  }\n\n"
        + "  private static Map<String, String> values("
        + type
        + " "
        + var
        + ") {\n    var values = new LinkedHashMap<String, String>();\n"
        + values
        + "    return values;\n  }\n\n"
        + "  private static Map<String, String> fields(Form form) {\n"
        + "    var values = new LinkedHashMap<String, String>();\n"
        + fieldNames(fields)
        + "    return values;\n  }\n\n"
        + "  private static String text(Object value) {\n"
        + "    return value == null ? \"\" : value.toString();\n  }\n\n"
        + "  private static View redirect(Context ctx, String location, String message) {\n"
        + "    ctx.cookie(\n        Cookie.of(FLASH, URLEncoder.encode(message,"
        + " StandardCharsets.UTF_8))\n"
        + "            .withPath(\"/\")\n            .withHttpOnly(true)\n"
        + "            .withSameSite(Cookie.SameSite.LAX));\n"
        + "    ctx.status(303).header(\"Location\", location);\n    return null;\n  }\n\n"
        + "  /** The flash message the last redirect left, shown once. */\n"
        + "  private static String flash(Context ctx) {\n"
        + "    Optional<String> flash = ctx.cookie(FLASH);\n"
        + "    flash.ifPresent(f -> ctx.cookie(Cookie.expired(FLASH).withPath(\"/\")));\n"
        + "    return flash.map(f -> URLDecoder.decode(f, StandardCharsets.UTF_8)).orElse(\"\");\n"
        + "  }\n}\n";
  }

  private static String fieldNames(List<Field> fields) {
    var b = new StringBuilder();
    for (Field f : fields) {
      b.append("    values.put(\"")
          .append(f.component())
          .append("\", form.field(\"")
          .append(f.component())
          .append("\").orElse(\"\"));\n");
    }
    return b.toString();
  }

  /** The expression that reads a field from the form. */
  private static String parse(Field f) {
    String c = f.component();
    if (f.type() == FieldType.BOOLEAN) {
      return "form.field(\"" + c + "\").isPresent()"; // an unchecked box is not sent
    }
    String parser =
        switch (f.type()) {
          case STRING, TEXT -> "Function.identity()";
          case INTEGER -> "Integer::valueOf";
          case LONG, REFERENCES -> "Long::valueOf";
          case DECIMAL -> "BigDecimal::new";
          case DATE -> "LocalDate::parse";
          case DATETIME ->
              "s -> s.endsWith(\"Z\") ? Instant.parse(s) :"
                  + " LocalDateTime.parse(s).toInstant(ZoneOffset.UTC)";
          case UUID -> "UUID::fromString";
          case JSON -> "JSON::readTree";
          case BOOLEAN -> throw new AssertionError();
        };
    return "field(form, errors, \"" + c + "\", " + parser + ")";
  }
}
