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
{{#messaging}}
import {{package}}.notes.NoteEvents;
{{/messaging}}
{{#oidc}}
import {{package}}.auth.OidcLogin;
{{/oidc}}
import dev.keel.openapi.OpenApi;
import dev.keel.ops.Ops;
{{#web}}
import dev.keel.admin.Admin;
{{/web}}
{{#sessions}}
import dev.keel.security.MemorySessionStore;
import dev.keel.security.Security;
import dev.keel.security.Sessions;
{{/sessions}}
{{#web}}
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
    Keel app = Keel.create(args);
{{#sessions}}
    // browser sessions (cookie keel_session); each form sends back the session's CSRF token
    var sessions = Sessions.from(app.config(), new MemorySessionStore());
{{/sessions}}
{{#web}}
    var views = Views.create(); // reloads src/main/jte in dev, else the templates in the jar
    var pages = new NotePages(db, views, sessions);
    var login = new AdminLogin(app.config(), views, sessions);
{{/web}}
{{#messaging}}
    // NoteCreated messages: the outbox, the broker at keel.app.broker-url, the group note-log
    var events = new NoteEvents(db, app.config());
{{/messaging}}
    return app
        .install(Ops.create()) // health at /health/live and /health/ready, metrics, request ids
        .install(db)
{{#messaging}}
        .install(events.messaging()) // after the Database: its outbox and inbox tables
{{/messaging}}
        .install(OpenApi.create()) // /openapi.json and the docs at /docs
{{#graphql}}
        // /graphql (and GraphiQL at /graphiql in dev): the notes, schema written at build time
        .install(GraphQl.create(new NoteGraph(db)))
{{/graphql}}
{{#web}}
        .install(views)
{{/web}}
{{#sessions}}
        .install(Security.builder().sessions(sessions).build()) // checks the forms' CSRF token
{{/sessions}}
{{#oidc}}
        // /login/oidc, /logout/oidc and /me, when keel.security.oidc.issuer names a provider
        .install(new OidcLogin(sessions))
{{/oidc}}
{{#web}}
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
{{^messaging}}
            new NoteController(db));
{{/messaging}}
{{#messaging}}
            new NoteController(db, events));
{{/messaging}}
  }
}
