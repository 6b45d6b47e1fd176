package dev.keel.examples.typed;

import dev.keel.core.Keel;
import dev.keel.openapi.OpenApi;

/** The typed example: a controller, its OpenAPI document at /openapi.json and docs at /docs. */
public final class TypedApp {
  private TypedApp() {}

  /** Builds the application; {@link #main} starts it, tests start it on a random port. */
  public static Keel app(String... args) {
    var openApi = OpenApi.create();
    Keel app = Keel.create(args).install(openApi).controllers(new TodosController());
    // A functional route, described for the document:
    openApi.route(
        app,
        "GET",
        "/health",
        op -> op.summary("Says the service is up").response(200, String.class),
        ctx -> "ok");
    return app;
  }

  public static void main(String[] args) {
    Keel app = app(args).start();
    System.out.println();
    System.out.println("  Keel typed is running on " + app.url() + "  (Ctrl-C stops it)");
    System.out.println("    docs:    " + app.url() + "/docs");
    System.out.println(
        "    curl -X POST -H 'Content-Type: application/json' -d '{\"title\":\"buy milk\"}' "
            + app.url()
            + "/todos");
    System.out.println();
  }
}
