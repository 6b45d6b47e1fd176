package dev.keel.jobs;

import static dev.keel.jobs.JobsTest.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.Config;
import dev.keel.core.Keel;
import dev.keel.db.Database;
import dev.keel.db.Dialect;
import dev.keel.test.TestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The example of keel-jobs' README.md, run on both databases; the README shows this code. */
class ReadmeExampleTest {
  // --- README example start
  record SendWelcomeMail(long userId) {}

  record Cleanup() {}

  record NewUser(String email) {}

  static Keel app(Keel app) {
    Database db = Database.create();
    Jobs jobs =
        Jobs.create()
            .handle(
                SendWelcomeMail.class,
                (job, ctx) -> // a virtual thread; throw to retry with backoff
                db.sql("insert into sent_mail (user_id, kind) values (:u, 'welcome')")
                        .bind("u", job.userId())
                        .update())
            .handle(Cleanup.class, (job, ctx) -> db.sql("delete from sent_mail").update())
            .recurring("cleanup", "0 3 * * *", new Cleanup()); // 03:00 UTC, once per cluster
    app.install(db).install(jobs); // the job tables come with keel-jobs' own migrations

    app.post(
        "/users",
        ctx -> {
          NewUser in = ctx.body(NewUser.class);
          return db.transaction(
              () -> {
                long id =
                    db.sql("insert into users (email) values (:e)").bind("e", in.email()).insert();
                jobs.enqueue(new SendWelcomeMail(id)); // runs only if this transaction commits
                return Map.of("id", id);
              });
        });
    return app;
  }

  // --- README example end

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void theReadmeExampleRuns(Dialect dialect) throws Exception {
    try (var db = TestDatabase.create(dialect)) {
      Keel app =
          app(
              Keel.create(
                  Config.builder()
                      .defaults(
                          Map.of(
                              "keel.db.url", db.url,
                              "keel.db.migrations", "classpath:readme/db/migration",
                              "keel.jobs.poll-interval", "100ms"))
                      .build()));
      try (var client = TestClient.inProcess(app)) {
        assertThat(client.post("/users").json(new NewUser("ada@example.com")).send().status())
            .isEqualTo(200);
        // a duplicate e-mail fails the transaction: no user and no welcome mail
        assertThat(client.post("/users").json(new NewUser("ada@example.com")).send().status())
            .isEqualTo(409);
        Database database = app.plugin(Database.class).orElseThrow();
        waitFor(() -> database.sql("select count(*) from sent_mail").one(Long.class) == 1);
        Thread.sleep(300);
        assertThat(database.sql("select count(*) from sent_mail").one(Long.class)).isEqualTo(1);
      } finally {
        app.stop();
      }
    }
  }

  @Test
  void theReadmeShowsThisExample() throws Exception {
    String test = Files.readString(Path.of("src/test/java/dev/keel/jobs/ReadmeExampleTest.java"));
    String example =
        test.substring(
            test.indexOf("// --- README example start") + 28,
            test.indexOf("  // --- README example end"));
    String readme = Files.readString(Path.of("README.md"));
    assertThat(squash(readme)).contains(squash(example));
  }

  private static String squash(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }
}
