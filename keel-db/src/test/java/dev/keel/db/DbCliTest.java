package dev.keel.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.db.internal.DbCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** {@code ./keel db ...} runs {@link DbCli} on the app's classpath; here on the test classpath. */
class DbCliTest {
  private static String run(String... args) {
    PrintStream out = System.out;
    var buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      DbCli.main(args);
    } finally {
      System.setOut(out);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }

  @BothDatabases
  void migrateStatusInfoAndValidate(TestDb t) {
    String url = "--keel.db.url=" + t.url;
    String location = "--keel.db.migrations=classpath:migrations/good";
    assertThat(run("status", url, location)).contains("0 applied, 2 pending");
    assertThat(run("migrate", url, location))
        .contains("applied 2 migration(s)")
        .contains("2 applied, 0 pending, current version 2");
    assertThat(run("info", url, location))
        .contains("authors")
        .contains("books")
        .contains("Success");
    assertThat(run("validate", url, location)).contains("migrations match");
    assertThat(run("status", url, "--keel.db.migrations=classpath:migrations/later"))
        .contains("2 applied, 1 pending");
  }
}
