package dev.keel.ai.mcp;

import dev.keel.ai.mcp.internal.Dispatcher;
import dev.keel.ai.mcp.internal.HttpTransport;
import dev.keel.ai.mcp.internal.StdioTransport;
import dev.keel.core.Config;
import dev.keel.core.Keel;
import dev.keel.core.Plugin;
import dev.keel.security.Principal;
import dev.keel.security.Security;
import dev.keel.security.TokenRejected;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Model Context Protocol server: the app's chosen tools, resources and prompts, offered to AI
 * agents over MCP's streamable HTTP transport ({@code POST}/{@code GET}/{@code DELETE /mcp}) and,
 * through {@code keel mcp}, over stdio. It speaks the protocol versions 2025-11-25 (the current
 * one), 2025-06-18, 2025-03-26 and 2024-11-05, agreeing on the client's when it is one of them.
 *
 * <p>Every HTTP request must carry the credentials keel-security accepts (a bearer token, an API
 * key or a session cookie): without them the answer is 401 problem+json with {@code
 * WWW-Authenticate}. A principal sees and calls only the tools, resources and prompts whose
 * permissions it holds. Sessions are kept in memory, per principal, until idle for {@code
 * keel.ai.mcp.session-idle-timeout}.
 *
 * <pre>{@code
 * app.install(Security.create())
 *    .install(Mcp.builder("notes", "1.0.0")
 *        .tool(McpTool.of("add_note", "Adds a note", AddNote.class,
 *                (caller, args) -> notes.add(caller.principal().id(), args)).requires("notes:write"))
 *        .resource(McpResource.of("notes://readme", "readme", "text/markdown", c -> README))
 *        .prompt(McpPrompt.of("summarize", "Summarizes notes", Topic.class,
 *                (caller, args) -> "Summarize my notes about " + args.topic()))
 *        .build());
 * }</pre>
 *
 * <p>Config: {@code keel.ai.mcp.path} (default {@code /mcp}), {@code keel.ai.mcp.allowed-origins}
 * (browser origins allowed beside the server's own and localhost; others get 403), {@code
 * keel.ai.mcp.session-idle-timeout} (default 30 minutes), {@code keel.ai.mcp.max-sessions} (default
 * 10000; more get 503), {@code keel.ai.mcp.tool-timeout} (default 60 seconds: a tool still running
 * then is interrupted and answered as a tool error). A tool runs on a virtual thread of its own, so
 * request-scoped thread-locals of the HTTP request are not visible to it.
 */
public final class Mcp implements Plugin {
  private final Dispatcher dispatcher;
  private final JsonMapper mapper = JsonMapper.builder().build();
  private Security security;

  private Mcp(Builder b) {
    this.dispatcher =
        new Dispatcher(b.name, b.version, b.instructions, b.tools, b.resources, b.prompts, mapper);
  }

  /** A server that tells clients it is {@code name} at {@code version}. */
  public static Builder builder(String name, String version) {
    return new Builder(name, version);
  }

  /** What the server offers; each {@code name} and URI once. */
  public static final class Builder {
    private final String name;
    private final String version;
    private String instructions = "";
    private final List<McpTool<?>> tools = new ArrayList<>();
    private final List<McpResource> resources = new ArrayList<>();
    private final List<McpPrompt<?>> prompts = new ArrayList<>();

    private Builder(String name, String version) {
      this.name = Objects.requireNonNull(name, "name");
      this.version = Objects.requireNonNull(version, "version");
    }

    /** How to use the server, for the model ({@code instructions} of the initialize result). */
    public Builder instructions(String instructions) {
      this.instructions = Objects.requireNonNull(instructions, "instructions");
      return this;
    }

    public Builder tool(McpTool<?> tool) {
      tools.add(Objects.requireNonNull(tool, "tool"));
      return this;
    }

    /**
     * Every tool of {@code tools} (the chat model's), with its permission: {@link McpTool#from}.
     */
    public Builder tools(dev.keel.ai.tool.Tools tools) {
      for (var tool : tools.list()) tool(McpTool.from(tool));
      return this;
    }

    public Builder resource(McpResource resource) {
      resources.add(Objects.requireNonNull(resource, "resource"));
      return this;
    }

    public Builder prompt(McpPrompt<?> prompt) {
      prompts.add(Objects.requireNonNull(prompt, "prompt"));
      return this;
    }

    /**
     * The server; reads each tool's and prompt's argument record once.
     *
     * @throws IllegalArgumentException for two tools, prompts or resources of one name, or a prompt
     *     argument that is not a string
     */
    public Mcp build() {
      return new Mcp(this);
    }
  }

  @Override
  public List<Class<? extends Plugin>> requires() {
    return List.of(Security.class);
  }

  @Override
  public void install(Keel app) {
    security = app.plugin(Security.class).orElseThrow();
    Config c = app.config();
    String path = c.string("keel.ai.mcp.path", "/mcp");
    if (!path.startsWith("/")) c.reject("keel.ai.mcp.path", "must start with /, e.g. /mcp");
    var settings =
        new HttpTransport.Settings(
            path,
            c.list("keel.ai.mcp.allowed-origins", List.of()),
            c.duration("keel.ai.mcp.session-idle-timeout", Duration.ofMinutes(30)),
            c.integer("keel.ai.mcp.max-sessions", 10_000, 1, 10_000_000));
    dispatcher.toolTimeout(c.duration("keel.ai.mcp.tool-timeout", Duration.ofSeconds(60)));
    new HttpTransport(dispatcher, mapper, settings).install(app);
  }

  /**
   * What {@code keel mcp} runs: the MCP server of the app {@code application} builds, on this
   * process's standard input and output, as the principal of {@code token}, until the input ends.
   * Runs the app's start hooks (database, jobs…) without opening its port, sends everything else
   * written to {@code System.out} (logs included) to standard error so that it cannot corrupt the
   * protocol, and stops the app at the end.
   *
   * @throws IllegalStateException when the app does not install this plugin
   * @throws TokenRejected when the token is not one of the app's
   */
  public static void serveStdio(Supplier<Keel> application, String token) throws IOException {
    PrintStream protocol = System.out;
    System.setOut(System.err); // before the app is built: its first log lines go to stderr too
    Keel app = application.get();
    Mcp mcp =
        app.plugin(Mcp.class)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "the app does not install keel-ai's MCP server: add"
                            + " .install(Mcp.builder(name, version)...build()) to its app(args)"));
    app.connectLocally().close(); // validates the config and runs the start hooks; no port
    try {
      mcp.serveStdio(System.in, protocol, token);
    } finally {
      app.stop();
    }
  }

  /**
   * Serves MCP over stdio until {@code in} ends, as the principal of {@code token} (a JWT the app's
   * keel-security accepts): one JSON-RPC message per line each way. {@code keel mcp} calls it with
   * the process's standard input and output; nothing else may write to {@code out}.
   *
   * @throws IllegalStateException when the plugin is not installed in an app
   * @throws TokenRejected when the token is not one of the app's
   */
  public void serveStdio(InputStream in, OutputStream out, String token) throws IOException {
    if (security == null) {
      throw new IllegalStateException("install the Mcp plugin into the app before serving stdio");
    }
    Principal principal = security.jwt().verify(token);
    new StdioTransport(dispatcher, mapper).serve(in, out, principal);
  }
}
