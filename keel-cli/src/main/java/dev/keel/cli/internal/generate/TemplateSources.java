package dev.keel.cli.internal.generate;

import java.util.List;

/** The jte templates of {@code --html}: a shared layout, and list, show and form pages. */
final class TemplateSources {
  private TemplateSources() {}

  /** {@code layout.jte}, shared by every resource's pages; written only when missing. */
  static String layout() {
    return """
        @import gg.jte.Content
        @param String title
        @param String flash = ""
        @param Content content
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>${title}</title>
        </head>
        <body>
        @if(!flash.isEmpty())
          <p class="flash" role="status">${flash}</p>
        @endif
        <h1>${title}</h1>
        ${content}
        </body>
        </html>
        """;
  }

  static String index(String pkg, Names names, List<Field> fields) {
    String var = names.variable();
    String path = "/" + names.path();
    var head = new StringBuilder();
    var cells = new StringBuilder();
    for (Field f : fields) {
      if (f.type() == FieldType.TEXT || f.type() == FieldType.JSON) continue;
      head.append("      <th>").append(label(f)).append("</th>\n");
      cells.append("        <td>").append(display(f, var)).append("</td>\n");
    }
    return "@import "
        + pkg
        + "."
        + names.type()
        + "\n@import java.util.List\n@param List<"
        + names.type()
        + "> "
        + names.pluralVariable()
        + "\n@param String flash\n\n"
        + "@template.layout(title = \""
        + ControllerSource.capitalized(names.pluralWords())
        + "\", flash = flash, content = @`\n"
        + "  <p><a href=\""
        + path
        + "/new\">New "
        + names.words()
        + "</a></p>\n"
        + "  <table>\n    <thead>\n    <tr>\n"
        + head
        + "      <th></th>\n    </tr>\n    </thead>\n    <tbody>\n"
        + "    @for("
        + names.type()
        + " "
        + var
        + " : "
        + names.pluralVariable()
        + ")\n      <tr>\n"
        + cells
        + "        <td><a href=\""
        + path
        + "/${"
        + var
        + ".id()}\">Show</a> <a href=\""
        + path
        + "/${"
        + var
        + ".id()}/edit\">Edit</a></td>\n      </tr>\n    @endfor\n    </tbody>\n  </table>\n`)\n";
  }

  static String show(String pkg, Names names, List<Field> fields) {
    String var = names.variable();
    String path = "/" + names.path();
    var rows = new StringBuilder();
    for (Field f : fields) {
      rows.append("    <dt>").append(label(f)).append("</dt>\n");
      rows.append("    <dd>").append(display(f, var)).append("</dd>\n");
    }
    return "@import "
        + pkg
        + "."
        + names.type()
        + "\n@param "
        + names.type()
        + " "
        + var
        + "\n@param String flash\n@param String csrf\n\n"
        + "@template.layout(title = \""
        + ControllerSource.capitalized(names.words())
        + " \" + "
        + var
        + ".id(), flash = flash, content = @`\n  <dl>\n"
        + rows
        + "  </dl>\n"
        + "  <p><a href=\""
        + path
        + "/${"
        + var
        + ".id()}/edit\">Edit</a> <a href=\""
        + path
        + "\">Back</a></p>\n"
        + "  <form method=\"post\" action=\""
        + path
        + "/${"
        + var
        + ".id()}/delete\">\n"
        + "    <input type=\"hidden\" name=\"_csrf\" value=\"${csrf}\">\n"
        + "    <button type=\"submit\">Delete</button>\n  </form>\n`)\n";
  }

  static String form(Names names, List<Field> fields) {
    var inputs = new StringBuilder();
    for (Field f : fields) {
      String c = f.component();
      String value = "${values.getOrDefault(\"" + c + "\", \"\")}";
      inputs.append("  <p>\n    <label for=\"").append(c).append("\">").append(label(f));
      inputs.append("</label>\n    ");
      switch (f.type()) {
        case TEXT, JSON ->
            inputs
                .append("<textarea id=\"")
                .append(c)
                .append("\" name=\"")
                .append(c)
                .append("\">")
                .append(value)
                .append("</textarea>");
        case BOOLEAN ->
            inputs
                .append("<input id=\"")
                .append(c)
                .append("\" name=\"")
                .append(c)
                .append(
                    "\" type=\"checkbox\" value=\"true\" checked=\"${\"true\".equals(values.get(\"")
                .append(c)
                .append("\"))}\">");
        default ->
            inputs
                .append("<input id=\"")
                .append(c)
                .append("\" name=\"")
                .append(c)
                .append("\" type=\"")
                .append(inputType(f))
                .append("\" value=\"")
                .append(value)
                .append("\"")
                .append(f.required() ? " required" : "")
                .append(">");
      }
      inputs.append("\n    @if(errors.containsKey(\"").append(c).append("\"))\n");
      inputs
          .append("      <span class=\"error\">${errors.get(\"")
          .append(c)
          .append("\")}</span>\n");
      inputs.append("    @endif\n  </p>\n");
    }
    return "@import java.util.Map\n@param String title\n@param String action\n"
        + "@param Map<String, String> values\n@param Map<String, String> errors\n"
        + "@param String csrf\n\n"
        + "@template.layout(title = title, content = @`\n"
        + "<form method=\"post\" action=\"${action}\">\n"
        + "  <input type=\"hidden\" name=\"_csrf\" value=\"${csrf}\">\n"
        + inputs
        + "  <button type=\"submit\">Save</button>\n</form>\n"
        + "<p><a href=\"/"
        + names.path()
        + "\">Back</a></p>\n`)\n";
  }

  private static String inputType(Field f) {
    return switch (f.type()) {
      case INTEGER, LONG, REFERENCES -> "number";
      case DECIMAL -> "text\" inputmode=\"decimal";
      case DATE -> "date";
      case DATETIME -> "datetime-local";
      default -> "text";
    };
  }

  /** {@code publishedAt} → {@code Published at}. */
  static String label(Field f) {
    return ControllerSource.capitalized(Names.snake(f.component()).replace('_', ' '));
  }

  /** A field of {@code var} as page text: jte writes strings and primitives itself. */
  private static String display(Field f, String var) {
    String get = var + "." + f.component() + "()";
    boolean primitive = f.alwaysPresent() && !f.javaType().equals(f.type().boxedType());
    if (f.type() == FieldType.STRING || f.type() == FieldType.TEXT || primitive) {
      return "${" + get + "}";
    }
    return "${" + get + " == null ? \"\" : " + get + ".toString()}";
  }
}
