package dev.keel.cli.internal.generate;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The test of {@code --html} pages: forms with CSRF tokens, redirects, flash messages, errors. */
final class PagesTestSource {
  private PagesTestSource() {}

  static String source(
      String pkg,
      String appClass,
      Names names,
      List<Field> fields,
      Map<Field, List<ParentRows.Column>> parents) {
    String path = "/" + names.path();
    String shared = TestSource.source(pkg, appClass, names, fields, parents);
    // the set-up (app, client, parent rows) is the JSON test's; the tests are the pages'
    String setUp = shared.substring(0, shared.indexOf("  @Test"));
    setUp =
        setUp
            .replace(
                "class " + names.type() + "ControllerTest", "class " + names.type() + "PagesTest")
            .replace(
                "/** The "
                    + names.pluralWords()
                    + " API end to end, through the in-process client. */",
                "/** The "
                    + names.words()
                    + " pages: forms with the CSRF token, redirects with flash messages. */")
            .replace(
                "package " + pkg + ";\n",
                "package "
                    + pkg
                    + ";\n\n"
                    + (shared.contains("import java.util.HashMap;")
                        ? ""
                        : "import java.util.HashMap;\n")
                    + "import java.util.List;\nimport java.util.regex.Matcher;\n"
                    + "import java.util.regex.Pattern;\n");
    Field first = fields.getFirst();
    Optional<Field> invalid =
        fields.stream().filter(f -> !Samples.invalid(f).isEmpty()).findFirst();
    return setUp
        + "  @Test\n"
        + "  void addShowEditAndDeleteThroughTheForms() {\n"
        + "    TestResponse blank = client.get(\""
        + path
        + "/new\").send();\n"
        + "    assertThat(blank.status()).isEqualTo(200);\n"
        + "    String session = cookie(blank, \"keel_session\");\n"
        + "    String csrf = csrf(blank.text());\n\n"
        + "    TestResponse created =\n        client.post(\""
        + path
        + "\").cookie(\"keel_session\", session).form(form(1, csrf)).send();\n"
        + "    assertThat(created.status()).as(created.text()).isEqualTo(303);\n"
        + "    String location = created.header(\"Location\").orElseThrow();\n"
        + "    TestResponse shown = client.get(location).cookie(\"flash\", cookie(created,"
        + " \"flash\")).send();\n"
        + "    assertThat(shown.text()).contains(\""
        + ControllerSource.capitalized(names.words())
        + " created.\");\n"
        + (first.type() == FieldType.STRING || first.type() == FieldType.TEXT
            ? "    assertThat(shown.text()).contains(\"" + Samples.text(first, 1) + "\");\n"
            : "")
        + "    assertThat(client.get(\""
        + path
        + "\").send().text()).contains(\"href=\\\"\" + location + \"\\\"\");\n\n"
        + (invalid.isPresent()
            ? "    Map<String, String> wrong = form(3, csrf);\n"
                + "    wrong.put(\""
                + invalid.get().component()
                + "\", "
                + formInvalid(invalid.get())
                + ");\n"
                + "    TestResponse rejected =\n        client.post(\""
                + path
                + "\").cookie(\"keel_session\", session).form(wrong).send();\n"
                + "    assertThat(rejected.status()).isEqualTo(422);\n"
                + "    assertThat(rejected.text()).contains(\"class=\\\"error\\\"\");\n\n"
            : "")
        + "    TestResponse edited =\n"
        + "        client.post(location).cookie(\"keel_session\", session).form(form(2, csrf)).send();\n"
        + "    assertThat(edited.status()).as(edited.text()).isEqualTo(303);\n"
        + "    assertThat(client.get(location + \"/edit\").send().status()).isEqualTo(200);\n\n"
        + "    TestResponse deleted =\n        client\n            .post(location + \"/delete\")\n"
        + "            .cookie(\"keel_session\", session)\n"
        + "            .form(Map.of(\"_csrf\", csrf))\n            .send();\n"
        + "    assertThat(deleted.status()).isEqualTo(303);\n"
        + "    assertThat(client.get(location).send().status()).isEqualTo(404);\n  }\n\n"
        + "  @Test\n"
        + "  void aFormWithoutTheSessionsCsrfTokenIsRefused() {\n"
        + "    String session = cookie(client.get(\""
        + path
        + "/new\").send(), \"keel_session\");\n"
        + "    TestResponse refused =\n        client.post(\""
        + path
        + "\").cookie(\"keel_session\", session).form(form(4, \"forged\")).send();\n"
        + "    assertThat(refused.status()).isEqualTo(403);\n  }\n\n"
        + "  private static Map<String, String> form(int n, String csrf) {\n"
        + "    var form = new HashMap<String, String>();\n"
        + "    form.put(\"_csrf\", csrf);\n"
        + puts(fields)
        + "    return form;\n  }\n\n"
        + "  private static String cookie(TestResponse response, String name) {\n"
        + "    return response.headers().getOrDefault(\"set-cookie\", List.of()).stream()\n"
        + "        .filter(c -> c.startsWith(name + \"=\"))\n"
        + "        .map(c -> c.substring(name.length() + 1, c.contains(\";\") ? c.indexOf(';') :"
        + " c.length()))\n"
        + "        .findFirst()\n"
        + "        .orElseThrow(() -> new AssertionError(\"no cookie \" + name + \" in \" +"
        + " response));\n  }\n\n"
        + "  private static String csrf(String html) {\n"
        + "    Matcher m = Pattern.compile(\"name=\\\"_csrf\\\" value=\\\"([^\\\"]+)\\\"\").matcher(html);\n"
        + "    assertThat(m.find()).as(html).isTrue();\n"
        + "    return m.group(1);\n  }\n}\n";
  }

  /** The form's fields for sample {@code n}; a boolean is sent only when true, like a checkbox. */
  private static String puts(List<Field> fields) {
    var b = new StringBuilder();
    for (Field f : fields) {
      String value =
          switch (f.type()) {
            case BOOLEAN -> null;
            case REFERENCES -> "String.valueOf(" + f.component() + ")";
            case JSON -> "\"{\\\"n\\\": \" + n + \"}\"";
            case DATETIME -> "\"2026-01-01T10:0\" + (n % 10)";
            default -> "String.valueOf(" + sample(f) + ")";
          };
      if (value == null) {
        b.append("    if (n % 2 == 1) form.put(\"")
            .append(f.component())
            .append("\", \"true\");\n");
      } else {
        b.append("    form.put(\"")
            .append(f.component())
            .append("\", ")
            .append(value)
            .append(");\n");
      }
    }
    return b.toString();
  }

  /** Sample {@code n} of a field as a Java expression of {@code n} (1 to 4). */
  private static String sample(Field f) {
    var cases = new StringBuilder("switch (n) {");
    for (int n = 1; n <= 4; n++) {
      String v = Samples.java(f, n);
      if (f.type() == FieldType.DECIMAL) v = "\"" + v.replaceAll(".*\"(.*)\".*", "$1") + "\"";
      cases.append(" case ").append(n).append(" -> ").append(v).append(";");
    }
    return cases.append(" default -> throw new IllegalArgumentException(); }").toString();
  }

  private static String formInvalid(Field f) {
    String v = Samples.invalid(f);
    return v.startsWith("\"") ? v : "String.valueOf(" + v + ")";
  }
}
