package dev.keel.benchmarks.javalin;

import io.javalin.Javalin;

/**
 * Javalin 7 peer (Jetty 12, Javalin's default thread pool). JSON through Javalin's default
 * JsonMapper (JavalinJackson, Jackson 2 databind on the class path).
 */
public final class JavalinPeer {
  record Message(String message) {}

  public static void main(String[] args) {
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
    Javalin.create(
            config -> {
              config.routes.before(ctx -> ctx.header("Server", "Javalin"));
              config.routes.get(
                  "/plaintext", ctx -> ctx.contentType("text/plain").result("Hello, World!"));
              config.routes.get("/json", ctx -> ctx.json(new Message("Hello, World!")));
            })
        .start(port);
  }
}
