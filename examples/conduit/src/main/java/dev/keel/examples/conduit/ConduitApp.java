package dev.keel.examples.conduit;

import dev.keel.core.Config;
import dev.keel.core.Keel;
import dev.keel.core.Problem;
import dev.keel.db.Database;
import dev.keel.graphql.GraphQl;
import dev.keel.openapi.OpenApi;
import dev.keel.ops.Ops;
import dev.keel.security.DbSessionStore;
import dev.keel.security.Jwt;
import dev.keel.security.Principal;
import dev.keel.security.Security;
import dev.keel.security.Sessions;
import dev.keel.services.Components;
import java.util.List;
import java.util.Optional;

/**
 * The RealWorld "Conduit" API (a Medium clone) on Keel: an SQLite file by default, PostgreSQL with
 * {@code KEEL_DB_URL}; the schema is {@code db/migration}, the settings {@code keel.properties}.
 */
public final class ConduitApp {
  private ConduitApp() {}

  /** RealWorld's error shape: {@code {"errors": {"body": ["title must not be blank"]}}}. */
  public record GenericErrorModel(Errors errors) {}

  public record Errors(List<String> body) {}

  /**
   * Builds the application; {@link #main} starts it, tests start it on a random port. With {@code
   * --seed} an empty database gets a few users and articles ({@code ./keel demo}).
   */
  public static Keel app(String... args) {
    return app(Config.load(args), List.of(args).contains("--seed"));
  }

  public static Keel app(Config config, boolean seed) {
    var db = Database.create(); // with Ops: pool metrics and query spans, no wiring
    var jwt = Jwt.from(config); // keel.security.jwt.*
    Keel app =
        Keel.create(config)
            .install(Ops.create()) // health, Prometheus metrics, traces, request ids, access log
            .install(db);
    var jobs = Mail.jobs(db); // the welcome mail and a nightly clean-up, on the same database
    app.install(jobs);
    // People (users, profiles, follows) here or in another process: keel-deploy.properties and
    // keel.services.layout/process decide, this code is the same in every layout
    Components components =
        Components.builder()
            .config(config)
            .implementation(People.class, c -> new PeopleImpl(db))
            .build();
    app.install(components);
    People people = components.get(People.class);
    var users = new Users(db, jwt, jobs, people);
    // the admin's browser sessions, in the database so that every instance knows them
    var sessions = Sessions.from(config, new DbSessionStore(db));
    var admin = new ConduitAdmin(db, sessions);
    app.install(
            Security.builder()
                .jwt(jwt)
                .sessions(sessions)
                .accounts(p -> users.exists(p) && admin.stillAdmin(p)) // 401: no account
                .build())
        .install(OpenApi.builder().errorBody(GenericErrorModel.class).build())
        .install(ConduitAdmin.admin()) // /admin, for users whose admin column is true
        .errorBody(ConduitApp::errors);
    app.get("/login", admin::form).post("/login", admin::login).post("/logout", admin::logout);
    var articles = new Articles(db, people);
    var comments = new Comments(db, people);
    app.controllers(users, new Profiles(people), articles, comments);
    app.install(GraphQl.create(new ConduitGraph(db))); // /graphql: the same data, batched
    if (seed && config.isProd()) {
      throw new IllegalStateException(
          "--seed makes accounts with a published password (the demo's): not in the prod profile");
    }
    // the database connects when the app starts, after its configuration is validated
    if (seed) app.onStart(() -> Seed.ifEmpty(db, jwt, users, articles, comments));
    return app;
  }

  /** Every error in RealWorld's shape, validation errors one message per field. */
  static GenericErrorModel errors(Problem problem) {
    List<String> messages =
        problem.errors().isEmpty()
            ? List.of(problem.detail())
            : problem.errors().stream().map(e -> e.field() + " " + e.message()).toList();
    return new GenericErrorModel(new Errors(messages));
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
    boolean seeded = List.of(args).contains("--seed");
    System.out.println();
    System.out.println("  Conduit is running  (Ctrl-C stops it)");
    System.out.println("    API:   " + app.url() + "/api/articles");
    System.out.println("    docs:  " + app.url() + "/docs");
    if (seeded) {
      System.out.println(
          "    users: ann@example.com, bob@example.com (password " + Seed.PASSWORD + ")");
      System.out.println(
          "    admin: "
              + app.url()
              + "/admin  (sign in as "
              + Seed.ADMIN_EMAIL
              + ", password "
              + Seed.PASSWORD
              + ")");
    }
    System.out.println();
  }
}
