package dev.keel.cli.internal.app;

import dev.keel.ai.mcp.Mcp;
import dev.keel.ai.mcp.McpTool;
import dev.keel.core.Config;
import dev.keel.core.Keel;
import dev.keel.security.Security;
import java.util.ArrayList;
import java.util.List;

/** The application {@code keel mcp} serves in {@link McpCommandTest}. */
public final class McpTestApp {
  private static final String SECRET = "a-test-secret-that-is-at-least-32-bytes-long!";

  private McpTestApp() {}

  record Greeting(String name) {}

  public static Keel app(String... args) {
    var all =
        new ArrayList<>(List.of("--keel.profile=test", "--keel.security.jwt.secret=" + SECRET));
    all.addAll(List.of(args));
    return Keel.create(Config.builder().args(all.toArray(String[]::new)).build())
        .install(Security.create())
        .install(
            Mcp.builder("greeter", "1.0")
                .tool(
                    McpTool.of(
                        "greet",
                        "Greets someone",
                        Greeting.class,
                        (caller, a) -> "Hello " + a.name() + " from " + caller.principal().id()))
                .build());
  }
}
