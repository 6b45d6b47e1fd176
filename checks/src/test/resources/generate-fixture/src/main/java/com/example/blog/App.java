package com.example.blog;

import com.example.blog.hello.HelloController;
import dev.keel.core.Keel;
import dev.keel.db.Database;
import dev.keel.openapi.OpenApi;
import dev.keel.security.MemorySessionStore;
import dev.keel.security.Security;
import dev.keel.security.Sessions;
import dev.keel.views.Views;

/** The blog: its database, pages, sessions, API docs at /docs and its controllers. */
public final class App {
  private App() {}

  public static void main(String[] args) {
    app(args).start();
  }

  public static Keel app(String... args) {
    var db = Database.create();
    var views = Views.create();
    Keel app = Keel.create(args);
    var sessions = Sessions.from(app.config(), new MemorySessionStore());
    return app.install(db)
        .install(views)
        .install(Security.builder().sessions(sessions).build())
        .install(OpenApi.create())
        .controllers(
            new HelloController());
  }
}
