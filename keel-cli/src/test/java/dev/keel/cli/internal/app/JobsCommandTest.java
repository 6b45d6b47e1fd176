package dev.keel.cli.internal.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.db.Database;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keel jobs} on an SQLite database with keel-jobs' tables and one failed job. */
class JobsCommandTest {
  @TempDir Path dir;

  @Test
  void listsRetriesAndDiscardsFailedJobs() {
    String url = "jdbc:sqlite:" + dir.resolve("app.db");
    try (Database db = Database.connect(url)) { // applies keel-jobs' module migrations
      for (int i = 0; i < 2; i++) {
        db.sql(
                "insert into keel_job (queue, type, payload, status, run_at, enqueued_at, attempts,"
                    + " max_attempts, timeout_ms, last_error, failed_at) values ('mail',"
                    + " 'app.SendMail', '{}', 'failed', 1, 1, 3, 3, 1000, :e, 1)")
            .bind("e", "java.lang.IllegalStateException: smtp down\n\tat app.Mailer.send")
            .update();
      }
    }
    String list = run("list", "failed", "--keel.db.url=" + url);
    assertThat(list)
        .contains("app.SendMail")
        .contains("3/3")
        .contains("    java.lang.IllegalStateException: smtp down")
        .contains("keel jobs: 2 failed job(s) on " + url);
    assertThat(run("retry", "1", "--keel.db.url=" + url))
        .isEqualTo("keel jobs: job 1 will run again\n");
    assertThat(run("discard", "2", "--keel.db.url=" + url))
        .isEqualTo("keel jobs: job 2 was discarded\n");
    assertThat(run("queues", "failed", "--keel.db.url=" + url)).contains("mail").contains("1");
    assertThatThrownBy(() -> run("retry", "2", "--keel.db.url=" + url))
        .isInstanceOf(AppMain.AppCommandException.class)
        .hasMessage(
            "jobs retry: there is no failed job 2 on "
                + url
                + "; keel jobs list shows the failed ones");
  }

  private static String run(String command, String... args) {
    var bytes = new ByteArrayOutputStream();
    var out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    assertThat(JobsCommand.run(command, args, out)).isZero();
    return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }
}
