package dev.keel.cli.internal.app.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The writers on a small model of every parameter kind; Conduit's ConduitClientsTest runs real
 * generated clients (tsc, node, javac) against the server.
 */
class ClientWritersTest {
  static final String MODEL =
      """
      {"version": 1,
       "controllers": [{"name": "Notes", "java": "com.example.Notes", "operations": [
         {"name": "find", "method": "GET", "path": "/notes/{id}/{*rest}",
          "params": [
            {"name": "id", "in": "path", "required": true, "java": "java.lang.Long",
             "schema": {"type": "integer", "format": "int64"}},
            {"name": "rest", "in": "path", "required": true, "java": "java.lang.String",
             "schema": {"type": "string"}},
            {"name": "tag", "in": "query", "required": false, "java": "java.util.List<java.lang.String>",
             "schema": {"type": "array", "items": {"type": "string", "maxLength": 9}}},
            {"name": "X-Tenant", "in": "header", "required": true, "java": "java.lang.String",
             "schema": {"type": "string", "minLength": 1}},
            {"name": "session", "in": "cookie", "required": false, "java": "java.lang.String",
             "schema": {"type": "string"}}],
          "result": {"status": 200, "media": "application/json",
                     "java": "java.util.Map<java.lang.String, java.lang.Object>",
                     "schema": {"$ref": "#/components/schemas/Note"}},
          "auth": "none", "errors": {"400": "Problem", "404": "Problem"}},
         {"name": "remove", "method": "DELETE", "path": "/notes/{id}",
          "params": [{"name": "id", "in": "path", "required": true, "java": "java.lang.Long",
                      "schema": {"type": "integer"}}],
          "result": {"status": 204, "media": "none"}, "auth": "required",
          "errors": {"401": "Problem", "422": "ValidationProblem"}}]}],
       "schemas": {
         "Note": {"type": "object", "description": "A note.",
                  "properties": {"text": {"type": "string", "minLength": 1, "maxLength": 200},
                                 "color": {"$ref": "#/components/schemas/Color"},
                                 "due": {"type": ["string", "null"], "format": "date"}},
                  "required": ["text"]},
         "Color": {"type": "string", "enum": ["RED", "GREEN"]}}}
      """;

  static ObjectNode model() {
    return (ObjectNode) JsonMapper.builder().build().readTree(MODEL);
  }

  @Test
  void typeScriptHasEveryShapeAndParameterKind() {
    String ts = new TypeScriptClient(model(), "NotesClient").write();
    assertThat(ts)
        .contains("/** A note. */\nexport interface Note {")
        .contains("  /** @minLength 1 @maxLength 200 */\n  text: string;")
        .contains("  color?: Color | null;")
        .contains("  due?: string | null;")
        .contains("export type Color = \"RED\" | \"GREEN\";")
        .contains("export interface NotesFindErrors {\n  400: Problem;\n  404: Problem;\n}")
        .contains(
            "export interface NotesRemoveErrors {\n  401: Problem;\n  422: ValidationProblem;\n}")
        .contains(
            "  find(id: number, rest: string, params: { /** (each: @maxLength 9) */ tag?: string[];"
                + " /** @minLength 1 */ \"X-Tenant\": string; session?: string }): Promise<Note> {")
        .contains(
            "`/notes/${encodeURIComponent(String(id))}/${encodeURI(String(rest))}`, { \"tag\":"
                + " params.tag }, { \"X-Tenant\": params[\"X-Tenant\"], cookie:"
                + " Http.cookies([[\"session\", params.session]]) }")
        .contains("  remove(id: number): Promise<void> {")
        .contains("export class NotesClient {\n  readonly notes: NotesApi;");
  }

  @Test
  void javaCompilesWithEveryParameterKind(@TempDir Path dir) throws Exception {
    String java = new JavaClient(model(), "com.example.client", "NotesClient").write();
    assertThat(JavaClient.path("com.example.client", "NotesClient"))
        .isEqualTo("com/example/client/NotesClient.java");
    assertThat(java)
        .contains(
            "public java.util.Map<java.lang.String, java.lang.Object> find(java.lang.Long id,"
                + " java.lang.String rest, Optional<java.util.List<java.lang.String>> tag,"
                + " java.lang.String X_Tenant, Optional<java.lang.String> session) {")
        .contains("new Call(\"GET\", \"/notes/\" + Call.segment(id) + \"/\" + Call.segments(rest))")
        .contains(".header(\"X-Tenant\", X_Tenant)")
        .contains(".cookie(\"session\", session)")
        .contains("public void remove(java.lang.Long id) {");
    Path source = dir.resolve("NotesClient.java");
    Files.writeString(source, java);
    var compiler = ToolProvider.getSystemJavaCompiler();
    var errors = new StringWriter();
    boolean ok =
        compiler
            .getTask(
                errors,
                null,
                null,
                List.of(
                    "-Xlint:all",
                    "-Werror",
                    "-classpath",
                    System.getProperty("java.class.path"),
                    "-d",
                    dir.toString()),
                null,
                compiler
                    .getStandardFileManager(null, null, StandardCharsets.UTF_8)
                    .getJavaFileObjects(source))
            .call();
    assertThat(ok).as("javac:%n%s", errors).isTrue();
  }

  @Test
  void theDiffNamesTheChangedLines() {
    String summary = LineDiff.summary("a\nb\nc\nd\n", "a\nB\nc\nd\ne\n", 40);
    assertThat(summary)
        .isEqualTo(
            "  1 line(s) removed, 2 added\n" + "      2 + B\n" + "      2 - b\n" + "      5 + e\n");
  }
}
