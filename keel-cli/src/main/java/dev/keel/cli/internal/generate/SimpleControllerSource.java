package dev.keel.cli.internal.generate;

import java.util.List;

/** {@code keel generate controller NAME}: a typed controller with one GET action, and its test. */
final class SimpleControllerSource {
  private SimpleControllerSource() {}

  static String main(String pkg, Names names) {
    String type = names.type();
    String path = "/api/" + Names.snake(names.type()).replace('_', '-');
    return RecordSources.header(pkg, ControllerSource.webImports(names))
        + "/** "
        + ControllerSource.capitalized(names.words())
        + " at {@code "
        + path
        + "}. */\n"
        + ControllerSource.web(names, "Controller")
        + "(\""
        + path
        + "\")\n"
        + "public final class "
        + type
        + "Controller {\n"
        + "  /** What {@code GET "
        + path
        + "} answers. */\n"
        + "  public record "
        + type
        + "Response(String message) {}\n\n"
        + "  "
        + ControllerSource.web(names, "Get")
        + "\n  "
        + type
        + "Response index() {\n"
        + "    return new "
        + type
        + "Response(\"Hello from "
        + type
        + "Controller\");\n  }\n}\n";
  }

  static String test(String pkg, String appClass, Names names) {
    String path = "/api/" + Names.snake(names.type()).replace('_', '-');
    return RecordSources.header(
            pkg,
            List.of(
                "static org.assertj.core.api.Assertions.assertThat",
                appClass,
                "dev.keel.test.TestClient",
                "dev.keel.test.TestResponse",
                "java.nio.file.Path",
                "org.junit.jupiter.api.Test",
                "org.junit.jupiter.api.io.TempDir"))
        + "class "
        + names.type()
        + "ControllerTest {\n"
        + "  @Test\n"
        + "  void answers(@TempDir Path dir) {\n"
        + "    String url = System.getProperty(\"keel.db.url\", \"jdbc:sqlite:\" +"
        + " dir.resolve(\"test.db\"));\n"
        + "    try (TestClient client = TestClient.inProcess("
        + appClass.substring(appClass.lastIndexOf('.') + 1)
        + ".app(\"--keel.db.url=\" + url)))"
        + " {\n"
        + "      TestResponse response = client.get(\""
        + path
        + "\").send();\n"
        + "      assertThat(response.status()).isEqualTo(200);\n"
        + "      assertThat(response.json().get(\"message\").asString())"
        + ".isEqualTo(\"Hello from "
        + names.type()
        + "Controller\");\n"
        + "    }\n  }\n}\n";
  }
}
