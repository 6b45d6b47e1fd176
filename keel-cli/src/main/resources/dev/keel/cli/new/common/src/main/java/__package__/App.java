package {{package}};

import {{package}}.notes.NoteController;
{{#web}}
import {{package}}.admin.AdminLogin;
import {{package}}.notes.Note;
import {{package}}.notes.NotePages;
{{/web}}
import dev.keel.core.Keel;
import dev.keel.db.Database;
{{#graphql}}
import dev.keel.graphql.GraphQl;
import {{package}}.notes.NoteGraph;
{{/graphql}}
import dev.keel.openapi.OpenApi;
import dev.keel.ops.Ops;
{{#web}}
import dev.keel.admin.Admin;
import dev.keel.security.MemorySessionStore;
import dev.keel.security.Security;
import dev.keel.security.Sessions;
import dev.keel.views.Views;
{{/web}}
{{#api}}
import java.util.Map;
{{/api}}

/**
 * {{app}}: configured by keel.properties (and keel-PROFILE.properties, KEEL_* variables), its
 * schema in db/migration. {@link #app} builds it, {@link #main} starts it, tests and the keel
 * command (routes, openapi, db) use {@link #app} without starting it.
 */
public final class App {
  private App() {}

  public static void main(String[] args) {
    Keel app = app(args).start();
    System.out.println();
    System.out.println("  {{app}} is running on " + app.url() + "  (Ctrl-C stops it)");
    System.out.println("    docs:   " + app.url() + "/docs");
{{#web}}
    System.out.println("    admin:  " + app.url() + "/admin  (password: keel.app.admin-password)");
{{/web}}
    System.out.println();
  }

  public static Keel app(String... args) {
    var db = Database.create();
{{#api}}
    return Keel.create(args)
{{/api}}
{{#web}}
    Keel app = Keel.create(args);
    var views = Views.create(); // reloads src/main/jte in dev, else the templates in the jar
    // browser sessions (cookie keel_session); each form sends back the session's CSRF token
    var sessions = Sessions.from(app.config(), new MemorySessionStore());
    var pages = new NotePages(db, views, sessions);
    var login = new AdminLogin(app.config(), views, sessions);
    return app
{{/web}}
        .install(Ops.create()) // health at /health/live and /health/ready, metrics, request ids
        .install(db)
        .install(OpenApi.create()) // /openapi.json and the docs at /docs
{{#graphql}}
        // /graphql (and GraphiQL at /graphiql in dev): the notes, schema written at build time
        .install(GraphQl.create(new NoteGraph(db)))
{{/graphql}}
{{#web}}
        .install(views)
        .install(Security.builder().sessions(sessions).build()) // checks the forms' CSRF token
        // /admin: list, search, edit and delete notes; anonymous visitors go to /login
        .install(
            Admin.create()
                .register(
                    Note.class,
                    m -> m.list("title", "createdAt").search("title", "body").readOnly("createdAt")))
        .get("/login", login::form)
        .post("/login", login::login)
        .post("/logout", login::logout)
        .get("/", pages::index)
        .post("/notes", pages::create)
{{/web}}
{{#api}}
        .get("/", ctx -> Map.of("app", "{{app}}", "docs", "/docs", "notes", "/api/notes"))
{{/api}}
        .controllers(
            new NoteController(db));
  }
}
