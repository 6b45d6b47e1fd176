package dev.keel.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.Keel;
import dev.keel.db.Database;
import dev.keel.realtime.Realtime;
import dev.keel.security.Security;
import dev.keel.test.TestClient;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's example (with {@link BlogGraph}), kept compiling and working. */
class ReadmeExampleTest {
  @Test
  void theReadmeAppAnswersAQuery() throws Exception {
    var dir = Files.createTempDirectory("keel-graphql-readme");
    String[] args = {
      "--keel.db.url=jdbc:sqlite:" + dir.resolve("blog.db"),
      "--keel.server.port=0",
      "--keel.security.jwt.secret=0123456789abcdef0123456789abcdef0123456789abcdef",
      "--keel.profile=test"
    };
    // ---- README begins
    Database db = Database.create();
    Keel app =
        Keel.create(args)
            .install(db)
            .install(Security.create()) // the caller of @Requires fields
            .install(Realtime.create()) // subscriptions at /graphql/ws
            .install(GraphQl.create(new BlogGraph(db)));
    app.start();
    // ---- README ends
    try (var client = TestClient.overSocket(app)) {
      db.sql("create table author (id integer primary key, name text)").update();
      db.sql("create table article (id integer primary key, slug text, title text, author_id int)")
          .update();
      db.sql("create table article_tag (article_id integer, name text)").update();
      db.sql("insert into author values (1, 'Ann')").update();
      db.sql("insert into article values (1, 'hello', 'Hello', 1)").update();
      var r =
          client
              .post("/graphql")
              .json(
                  Map.of(
                      "query", "{ articles(limit: 10) { title author { name } tags { name } } }"))
              .send();
      assertThat(r.text())
          .isEqualTo(
              "{\"data\":{\"articles\":[{\"title\":\"Hello\",\"author\":{\"name\":\"Ann\"},"
                  + "\"tags\":[]}]}}");
    } finally {
      app.stop();
    }
  }
}
