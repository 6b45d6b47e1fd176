package dev.keel.ai.mcp;

import dev.keel.ai.tool.Tool;
import dev.keel.ai.tool.Tools;
import dev.keel.core.Config;
import dev.keel.core.Keel;
import dev.keel.core.NotFound;
import dev.keel.security.Principal;
import dev.keel.security.Security;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The app of the MCP tests (and of the README's example): a notebook with tools, a resource and a
 * prompt, behind keel-security's JWTs. Its {@code main} serves stdio, as {@code keel mcp} does.
 */
public final class NotesMcp {
  static final String SECRET = "a-test-secret-that-is-at-least-32-bytes-long!";

  // README example: begin
  record AddNote(@NotBlank String title, @Size(max = 200) String body) {}

  record Note(int id, String title, String body, String author) {}

  record Words(@NotBlank String text) {}

  record NoteId(int id) {}

  record Summarize(@NotBlank String topic, Optional<String> tone) {}

  record NoArguments() {}

  static Mcp server(List<Note> notes) {
    return Mcp.builder("notes", "1.0.0")
        .instructions("A notebook: add notes, count words, read the readme.")
        .tool(
            McpTool.of(
                    "add_note",
                    "Adds a note to the notebook",
                    AddNote.class,
                    (caller, args) -> {
                      var note =
                          new Note(
                              notes.size() + 1, args.title(), args.body(), caller.principal().id());
                      notes.add(note);
                      return note; // JSON: structuredContent and text
                    })
                .requires("notes:write"))
        .tool(
            McpTool.of(
                "count_words",
                "Counts the words of a text",
                Words.class,
                (caller, args) -> {
                  caller.progress(1, 2, "splitting");
                  // The work a progress report is for. Without it the result can reach the
                  // TypeScript SDK in the same read as the progress line; the SDK then drops the
                  // progress (it runs notification handlers a microtask later, after the
                  // response has already removed the request's progress handler).
                  Thread.sleep(100);
                  return String.valueOf(args.text().strip().split("\\s+").length);
                }))
        .tool(
            McpTool.of(
                "delete_note",
                "Deletes a note",
                NoteId.class,
                (caller, args) -> {
                  if (!notes.removeIf(n -> n.id() == args.id())) {
                    throw new NotFound("no note " + args.id());
                  }
                  return "deleted";
                }))
        // a chat-model tool (dev.keel.ai.tool), offered over MCP as it is, permission included
        .tools(
            Tools.of(
                Tool.of(
                        "note_count",
                        "How many notes there are",
                        NoArguments.class,
                        args -> notes.size())
                    .requires("notes:write")))
        .resource(
            McpResource.of(
                "notes://readme", "readme", "text/markdown", caller -> "# Notes\nWrite them down."))
        .prompt(
            McpPrompt.of(
                "summarize",
                "Summarizes the notes on a topic",
                Summarize.class,
                (caller, args) ->
                    "Summarize my notes about "
                        + args.topic()
                        + args.tone().map(t -> ", in a " + t + " tone").orElse("")))
        .build();
  }

  public static Keel app(String... args) {
    var all = new ArrayList<>(List.of("--keel.server.port=0", "--keel.profile=test"));
    all.add("--keel.security.jwt.secret=" + SECRET);
    all.addAll(List.of(args));
    Keel app = Keel.create(Config.builder().args(all.toArray(String[]::new)).build());
    return app.install(Security.create()).install(server(new CopyOnWriteArrayList<>()));
  }

  // README example: end

  /** A token of {@code app} for {@code principal}. */
  static String token(Keel app, Principal principal) {
    return app.plugin(Security.class).orElseThrow().jwt().issue(principal);
  }

  /** Serves stdio as {@code keel mcp} does; the token comes from {@code KEEL_MCP_TOKEN}. */
  public static void main(String[] args) throws Exception {
    Mcp.serveStdio(() -> app(args), System.getenv("KEEL_MCP_TOKEN"));
  }
}
