package dev.keel.examples.techempower;

import dev.keel.core.Handler;
import dev.keel.core.Keel;
import dev.keel.db.Database;
import dev.keel.ops.Ops;
import dev.keel.views.Views;

/**
 * TechEmpower Framework Benchmarks on Keel. {@code /plaintext} and {@code /json} never block, so
 * they run on the event loop ({@link Handler#nonBlocking}); set {@code
 * KEEL_TECHEMPOWER_VIRTUAL_THREADS=true} to run them on virtual threads instead and measure what
 * the hop costs, and {@code KEEL_TECHEMPOWER_OPS=true} to install {@code keel-ops} (metrics,
 * tracing, access log as configured by {@code KEEL_OPS_*}) and measure what that costs. With {@code
 * KEEL_DB_URL} set, the database tests ({@link DatabaseTests}) run on virtual threads against it.
 */
public final class TechEmpowerApp {

  /** The {@code /json} response, serialized per request as the rules require. */
  public record Message(String message) {}

  private TechEmpowerApp() {}

  public static Keel app(String... args) {
    Keel app = Keel.create(args);
    boolean virtualThreads = app.config().bool("keel.techempower.virtual-threads", false);
    if (app.config().bool("keel.techempower.ops", false)) app.install(Ops.create());
    Handler plaintext = ctx -> "Hello, World!";
    Handler json = ctx -> new Message("Hello, World!");
    app.get("/plaintext", virtualThreads ? plaintext : Handler.nonBlocking(plaintext))
        .get("/json", virtualThreads ? json : Handler.nonBlocking(json));
    // Only with a database configured: without one keel-db would open an SQLite file here.
    if (app.config().string("keel.db.url").filter(url -> !url.isBlank()).isPresent()) {
      Database db = Database.create();
      // fortunes.jte is precompiled into the jar (pom.xml): a benchmark never checks template files
      // for changes, whatever the profile or working directory.
      Views views = Views.precompiled();
      app.install(db).install(views);
      new DatabaseTests(db, views).install(app);
    }
    return app;
  }

  public static void main(String[] args) {
    app(args).start();
  }
}
