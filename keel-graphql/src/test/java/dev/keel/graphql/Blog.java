package dev.keel.graphql;

import dev.keel.core.Config;
import dev.keel.core.Keel;
import dev.keel.db.Database;
import dev.keel.realtime.Realtime;
import dev.keel.security.Principal;
import dev.keel.security.Security;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test app: SQLite with 20 articles by 3 authors, strict loading on, statements counted. The
 * header {@code X-Test-User: id perm1 perm2} stands in for a login (keel-security's principal).
 */
final class Blog {
  final AtomicInteger statements = new AtomicInteger();
  final Database db;
  final Keel app;

  Blog(Map<String, String> settings) throws Exception {
    Path dir = Files.createTempDirectory("keel-graphql");
    var defaults = new java.util.HashMap<String, String>();
    defaults.put("keel.db.url", "jdbc:sqlite:" + dir.resolve("blog.db"));
    defaults.put("keel.db.strict-loading", "true");
    defaults.put("keel.server.port", "0");
    defaults.put("keel.profile", "test");
    defaults.putAll(settings);
    Config config = Config.builder().defaults(defaults).build();
    db = Database.builder().wrapDataSource(ds -> Counting.wrap(ds, statements)).build();
    app = Keel.create(config).install(db);
    app.use(
        next ->
            ctx -> {
              ctx.header("X-Test-User")
                  .ifPresent(
                      h -> {
                        String[] parts = h.split(" ");
                        ctx.attribute(
                            Security.PRINCIPAL,
                            Principal.of(parts[0])
                                .withPermissions(Arrays.copyOfRange(parts, 1, parts.length)));
                      });
              return next.handle(ctx);
            });
    app.install(Realtime.create()).install(GraphQl.create(new BlogGraph(db)));
    app.start();
  }

  void seed() {
    db.sql("create table author (id integer primary key, name text not null)").update();
    db.sql(
            "create table article (id integer primary key autoincrement, slug text unique not null,"
                + " title text not null, author_id integer not null)")
        .update();
    db.sql("create table article_tag (article_id integer not null, name text not null)").update();
    for (int a = 1; a <= 3; a++) {
      db.sql("insert into author (id, name) values (:id, :name)")
          .bind("id", a)
          .bind("name", "Author " + a)
          .update();
    }
    for (int i = 1; i <= 20; i++) {
      db.sql("insert into article (slug, title, author_id) values (:slug, :title, :author)")
          .bind("slug", "article-" + i)
          .bind("title", "Article " + i)
          .bind("author", 1 + i % 3)
          .insert();
      db.sql("insert into article_tag (article_id, name) values (:id, 'java')")
          .bind("id", i)
          .update();
      if (i % 2 == 0) {
        db.sql("insert into article_tag (article_id, name) values (:id, 'graphql')")
            .bind("id", i)
            .update();
      }
    }
  }
}
