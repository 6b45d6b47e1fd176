package com.example.blog;

import com.example.blog.hello.HelloController;
import dev.keel.core.Keel;
import dev.keel.db.Database;
import dev.keel.openapi.OpenApi;

/** The blog: its database, API docs at /docs and its controllers. */
public final class App {
  private App() {}

  public static void main(String[] args) {
    app(args).start();
  }

  public static Keel app(String... args) {
    var db = Database.create();
    return Keel.create(args)
        .install(db)
        .install(OpenApi.create())
        .controllers(
            new HelloController());
  }
}
