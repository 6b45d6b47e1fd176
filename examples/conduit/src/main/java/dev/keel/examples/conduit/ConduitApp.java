package dev.keel.examples.conduit;

import dev.keel.core.Keel;
import dev.keel.core.Problem;
import dev.keel.db.Database;
import dev.keel.openapi.OpenApi;
import dev.keel.security.Principal;
import dev.keel.security.Security;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The RealWorld "Conduit" API (a Medium clone) on Keel: an SQLite file by default, PostgreSQL with
 * {@code KEEL_DB_URL}; the schema is {@code db/migration}, the settings {@code keel.properties}.
 */
public final class ConduitApp {
  private ConduitApp() {}

  /** Builds the application; {@link #main} starts it, tests start it on a random port. */
  public static Keel app(String... args) {
    Keel app = Keel.create(args);
    var db = new Database();
    var security = Security.from(app.config());
    return app.install(db)
        .install(security)
        .install(new OpenApi().authorizationScheme(security.scheme()))
        .errorBody(ConduitApp::errors)
        .controllers(
            new Users(db, security.jwt()), new Profiles(db), new Articles(db), new Comments(db));
  }

  /** RealWorld's error shape, {@code {"errors": {"body": [...]}}}, for every error. */
  static Map<String, Object> errors(Problem problem) {
    List<String> messages =
        problem.errors().isEmpty()
            ? List.of(problem.detail())
            : problem.errors().stream().map(e -> e.field() + " " + e.message()).toList();
    return Map.of("errors", Map.of("body", messages));
  }

  static long userId(Principal principal) {
    return Long.parseLong(principal.id());
  }

  /** The signed-in user's id, or 0 (no user) for anonymous requests. */
  static long userId(Optional<Principal> viewer) {
    return viewer.map(ConduitApp::userId).orElse(0L);
  }

  public static void main(String[] args) {
    Keel app = app(args).start();
    System.out.println();
    System.out.println("  Conduit is running  (Ctrl-C stops it)");
    System.out.println("    API:   " + app.url() + "/api/articles");
    System.out.println("    docs:  " + app.url() + "/docs");
    System.out.println();
  }
}
