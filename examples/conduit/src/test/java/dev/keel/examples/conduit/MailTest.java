package dev.keel.examples.conduit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.Keel;
import dev.keel.db.Database;
import dev.keel.test.TestClient;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Registration enqueues the welcome mail in its transaction; the job records it. */
class MailTest {
  @TempDir Path dir;

  @Test
  void registeringSendsOneWelcomeMailAndAFailedRegistrationNone() throws Exception {
    Keel app =
        ConduitApp.app(
            "--keel.db.url=jdbc:sqlite:" + dir.resolve("conduit.db"),
            "--keel.jobs.poll-interval=50ms");
    try (var client = TestClient.inProcess(app)) {
      var user = Map.of("username", "ann", "email", "ann@example.com", "password", "secret-123");
      assertThat(client.post("/api/users").json(Map.of("user", user)).send().status())
          .isEqualTo(201);
      // the same e-mail again: 422, and no second mail
      var again = Map.of("username", "ann2", "email", "ann@example.com", "password", "secret-123");
      assertThat(client.post("/api/users").json(Map.of("user", again)).send().status())
          .isEqualTo(422);
      Database db = app.plugin(Database.class).orElseThrow();
      long until = System.currentTimeMillis() + 10_000;
      while (count(db) == 0 && System.currentTimeMillis() < until) Thread.sleep(20);
      Thread.sleep(300);
      assertThat(
              db.sql(
                      "select u.username from sent_mail m join users u on u.id = m.user_id where"
                          + " m.kind = 'welcome'")
                  .list(String.class))
          .containsExactly("ann");
    } finally {
      app.stop();
    }
  }

  private static long count(Database db) {
    return db.sql("select count(*) from sent_mail").one(Long.class);
  }
}
