package dev.keel.cli.internal.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** The test of a resource's JSON API: every endpoint through keel-test's in-process client. */
final class TestSource {
  private TestSource() {}

  /**
   * @param parents for each reference field, the required columns of the row its test inserts
   */
  static String source(
      String pkg,
      String appClass,
      Names names,
      List<Field> fields,
      Map<Field, List<ParentRows.Column>> parents) {
    String type = names.type();
    String path = "/api/" + names.path();
    String app = appClass.substring(appClass.lastIndexOf('.') + 1);
    var imports =
        new TreeSet<>(
            List.of(
                "static org.assertj.core.api.Assertions.assertThat",
                appClass,
                "dev.keel.test.TestClient",
                "dev.keel.test.TestResponse",
                "java.nio.file.Path",
                "java.util.Map",
                "org.junit.jupiter.api.AfterAll",
                "org.junit.jupiter.api.BeforeAll",
                "org.junit.jupiter.api.Test",
                "org.junit.jupiter.api.io.TempDir",
                "tools.jackson.databind.JsonNode"));
    if (fields.stream().anyMatch(f -> f.type() == FieldType.DECIMAL)) {
      imports.add("java.math.BigDecimal");
    }
    var statics = new StringBuilder();
    var setup = new StringBuilder();
    if (!parents.isEmpty()) {
      imports.addAll(List.of("dev.keel.core.Keel", "dev.keel.db.Database"));
      setup.append("    Keel app = ").append(app).append(".app(\"--keel.db.url=\" + url);\n");
      setup.append("    client = TestClient.inProcess(app);\n");
      setup.append("    client.get(\"").append(path).append("\").send(); // starts the app\n");
      setup.append("    Database db = app.plugin(Database.class).orElseThrow();\n");
      parents.forEach(
          (f, columns) -> {
            statics.append("  private static long ").append(f.component()).append(";\n");
            var names2 = columns.stream().map(ParentRows.Column::name).toList();
            setup
                .append("    ")
                .append(f.component())
                .append(" =\n        db.sql(\"insert into ")
                .append(f.referencedTable())
                .append(" (")
                .append(String.join(", ", names2))
                .append(") values (:")
                .append(String.join(", :", names2))
                .append(")\")\n");
            for (ParentRows.Column c : columns) {
              setup.append(".bind(\"").append(c.name()).append("\", ").append(c.value());
              setup.append(")\n");
              if (c.value().contains("Instant")) imports.add("java.time.Instant");
              if (c.value().contains("LocalDate")) imports.add("java.time.LocalDate");
              if (c.value().contains("UUID")) imports.add("java.util.UUID");
              if (c.value().contains("BigDecimal")) imports.add("java.math.BigDecimal");
            }
            setup.append(".insert();\n");
          });
    } else {
      setup
          .append("    client = TestClient.inProcess(")
          .append(app)
          .append(".app(\"--keel.db.url=\" + url));\n");
    }
    var tests = new ArrayList<String>();
    tests.add(crud(names, fields, path));
    tests.add(list(names, fields, path));
    invalid(fields)
        .ifPresent(
            f -> {
              imports.add("java.util.HashMap");
              tests.add(unprocessable(names, fields, path, f));
            });
    fields.stream()
        .filter(Field::unique)
        .findFirst()
        .ifPresent(f -> tests.add(conflict(names, fields, path)));
    return RecordSources.header(pkg, imports)
        + "/** The "
        + names.pluralWords()
        + " API end to end, through the in-process client. */\n"
        + "class "
        + type
        + "ControllerTest {\n"
        + "  private static TestClient client;\n"
        + statics
        + "\n"
        + "  /** A fresh SQLite database for each run; {@code -Dkeel.db.url=...} picks another. */\n"
        + "  @BeforeAll\n"
        + "  static void start(@TempDir Path dir) {\n"
        + "    String url = System.getProperty(\"keel.db.url\", \"jdbc:sqlite:\" +"
        + " dir.resolve(\"test.db\"));\n"
        + setup
        + "  }\n\n"
        + "  @AfterAll\n"
        + "  static void stop() {\n"
        + "    client.close();\n"
        + "  }\n\n"
        + String.join("\n", tests)
        + "\n"
        + "  private static Map<String, Object> input(int n) {\n"
        + "    return switch (n) {\n"
        + cases(fields)
        + "      default -> throw new IllegalArgumentException(\"no sample \" + n);\n"
        + "    };\n  }\n}\n";
  }

  private static String cases(List<Field> fields) {
    var b = new StringBuilder();
    for (int n = 1; n <= 5; n++)
      b.append("      case ")
          .append(n)
          .append(" -> ")
          .append(map(fields, n, Optional.empty(), ""))
          .append(";\n");
    return b.toString();
  }

  /** {@code Map.of("title", "title 1", ...)}, one field's value replaced if asked. */
  static String map(List<Field> fields, int n, Optional<Field> replaced, String value) {
    var entries = new ArrayList<String>();
    for (Field f : fields) {
      String v = replaced.isPresent() && replaced.get().equals(f) ? value : Samples.java(f, n);
      entries.add(
          fields.size() > 10
              ? "Map.entry(\"" + f.component() + "\", " + v + ")"
              : "\"" + f.component() + "\", " + v);
    }
    return (fields.size() > 10 ? "Map.ofEntries(" : "Map.of(") + String.join(", ", entries) + ")";
  }

  private static String crud(Names names, List<Field> fields, String path) {
    Field first = fields.getFirst();
    return "  @Test\n"
        + "  void createGetReplaceAndDelete() {\n"
        + "    TestResponse created = client.post(\""
        + path
        + "\").json(input(1)).send();\n"
        + "    assertThat(created.status()).as(created.text()).isEqualTo(201);\n"
        + "    long id = created.json().get(\"id\").asLong();\n"
        + "    String location = \""
        + path
        + "/\" + id;\n"
        + "    assertThat(created.header(\"Location\")).contains(location);\n\n"
        + "    JsonNode found = client.get(location).send().json();\n"
        + "    assertThat(found.get(\""
        + first.component()
        + "\").toString()).isEqualTo(created.json().get(\""
        + first.component()
        + "\").toString());\n\n"
        + "    TestResponse replaced = client.put(location).json(input(2)).send();\n"
        + "    assertThat(replaced.status()).as(replaced.text()).isEqualTo(200);\n"
        + "    assertThat(client.get(location).send().text()).isEqualTo(replaced.text());\n\n"
        + "    assertThat(client.delete(location).send().status()).isEqualTo(204);\n"
        + "    TestResponse gone = client.get(location).send();\n"
        + "    assertThat(gone.status()).isEqualTo(404);\n"
        + "    assertThat(gone.header(\"Content-Type\")).hasValueSatisfying(t ->"
        + " assertThat(t).startsWith(\"application/problem+json\"));\n"
        + "    assertThat(client.delete(location).send().status()).isEqualTo(404);\n"
        + "    assertThat(client.put(location).json(input(2)).send().status()).isEqualTo(404);\n"
        + "  }\n";
  }

  private static String list(Names names, List<Field> fields, String path) {
    var b = new StringBuilder();
    b.append("  @Test\n  void listSortsPagesAndFilters() {\n");
    b.append("    long first = client.post(\"")
        .append(path)
        .append("\").json(input(3)).send().json().get(\"id\").asLong();\n");
    b.append("    long second = client.post(\"")
        .append(path)
        .append("\").json(input(4)).send().json().get(\"id\").asLong();\n\n");
    b.append("    JsonNode newest = client.get(\"")
        .append(path)
        .append("\").query(\"sort\", \"-id\").query(\"limit\", 1).send().json();\n");
    b.append("    assertThat(newest.get(\"items\").size()).isEqualTo(1);\n");
    b.append(
        "    assertThat(newest.get(\"items\").get(0).get(\"id\").asLong()).isEqualTo(second);\n");
    b.append("    assertThat(newest.get(\"total\").asLong()).isGreaterThanOrEqualTo(2);\n");
    b.append("    JsonNode next = client.get(\"")
        .append(path)
        .append(
            "\").query(\"sort\", \"-id\").query(\"limit\", 1).query(\"offset\", 1).send().json();\n");
    b.append(
        "    assertThat(next.get(\"items\").get(0).get(\"id\").asLong()).isEqualTo(first);\n\n");
    fields.stream()
        .filter(f -> f.type().filterable() && f.type() != FieldType.REFERENCES)
        .findFirst()
        .ifPresent(
            f ->
                b.append("    JsonNode filtered = client.get(\"")
                    .append(path)
                    .append("\").query(\"")
                    .append(f.component())
                    .append("\", \"")
                    .append(Samples.query(f, 3))
                    .append("\").query(\"sort\", \"-id\").send().json();\n")
                    .append(
                        "    assertThat(filtered.get(\"items\").get(0).get(\"id\").asLong()).isEqualTo(first);\n\n"));
    b.append("    TestResponse unknown = client.get(\"")
        .append(path)
        .append("\").query(\"sort\", \"nope\").send();\n");
    b.append("    assertThat(unknown.status()).isEqualTo(400);\n");
    b.append("    assertThat(unknown.json().get(\"detail\").asString()).contains(\"'nope'\");\n");
    b.append("  }\n");
    return b.toString();
  }

  private static Optional<Field> invalid(List<Field> fields) {
    return fields.stream().filter(f -> !Samples.invalid(f).isEmpty()).findFirst();
  }

  private static String unprocessable(Names names, List<Field> fields, String path, Field f) {
    return "  @Test\n"
        + "  void invalidInputIsRejectedNamingTheField() {\n"
        + "    var input = new HashMap<>(input(1));\n"
        + "    input.put(\""
        + f.component()
        + "\", "
        + Samples.invalid(f)
        + ");\n"
        + "    TestResponse invalid = client.post(\""
        + path
        + "\").json(input).send();\n"
        + "    assertThat(invalid.status()).isEqualTo(422);\n"
        + "    assertThat(invalid.json().get(\"errors\").get(0).get(\"field\").asString())"
        + ".isEqualTo(\""
        + f.component()
        + "\");\n"
        + "  }\n";
  }

  private static String conflict(Names names, List<Field> fields, String path) {
    return "  @Test\n"
        + "  void aDuplicateIsAConflict() {\n"
        + "    assertThat(client.post(\""
        + path
        + "\").json(input(5)).send().status()).isEqualTo(201);\n"
        + "    TestResponse duplicate = client.post(\""
        + path
        + "\").json(input(5)).send();\n"
        + "    assertThat(duplicate.status()).isEqualTo(409);\n"
        + "  }\n";
  }
}
