package dev.keel.db.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.db.DatabaseException;
import dev.keel.db.Dialect;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** The fast path of a start with nothing to migrate must never hide an edited or missing file. */
class AppliedCheckTest {
  @TempDir Path dir;

  private Migrator migrator(Path classes) throws Exception {
    var ds = new SQLiteDataSource();
    ds.setUrl("jdbc:sqlite:" + dir.resolve("app.db"));
    var loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null);
    Thread t = Thread.currentThread();
    ClassLoader before = t.getContextClassLoader();
    t.setContextClassLoader(loader);
    try {
      return new Migrator(ds, Dialect.SQLITE, "classpath:db/migration");
    } finally {
      t.setContextClassLoader(before);
    }
  }

  private Path classes() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("classes/db/migration"));
    Files.writeString(folder.resolve("V1__a.sql"), "create table a (id ${id});\n");
    Files.writeString(folder.resolve("V2__b.sql"), "\uFEFFcreate table b (id integer);\r\n");
    return dir.resolve("classes");
  }

  private boolean upToDate(Path classes) throws Exception {
    var ds = new SQLiteDataSource();
    ds.setUrl("jdbc:sqlite:" + dir.resolve("app.db"));
    var loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null);
    return AppliedCheck.upToDate(
        ds, Dialect.SQLITE, "classpath:db/migration", "flyway_schema_history", loader);
  }

  @Test
  void nothingToMigrateIsRecognisedWithFlywaysOwnChecksums() throws Exception {
    Path classes = classes();
    assertThat(upToDate(classes)).isFalse(); // no history yet
    assertThat(migrator(classes).migrate()).isEqualTo(2);
    assertThat(upToDate(classes)).isTrue();
    assertThat(migrator(classes).migrate()).isZero();
  }

  @Test
  void anEditedAppliedMigrationStillStopsStartUp() throws Exception {
    Path classes = classes();
    migrator(classes).migrate();
    Files.writeString(
        classes.resolve("db/migration/V1__a.sql"), "create table a (id ${id}, x text);\n");
    assertThat(upToDate(classes)).isFalse();
    assertThatThrownBy(() -> migrator(classes).migrate())
        .isInstanceOf(DatabaseException.class)
        .hasMessageContaining("checksum mismatch")
        .hasMessageContaining("version 1");
  }

  @Test
  void aMissingOrAddedMigrationIsNotUpToDate() throws Exception {
    Path classes = classes();
    migrator(classes).migrate();
    Files.writeString(classes.resolve("db/migration/V3__c.sql"), "create table c (id integer);");
    assertThat(upToDate(classes)).isFalse();
    assertThat(migrator(classes).migrate()).isEqualTo(1);
    Files.delete(classes.resolve("db/migration/V2__b.sql"));
    assertThat(upToDate(classes)).isFalse();
    assertThatThrownBy(() -> migrator(classes).migrate())
        .isInstanceOf(DatabaseException.class)
        .hasMessageContaining("2");
  }

  @Test
  void anyOtherFileLeavesTheDecisionToFlyway() throws Exception {
    Path classes = classes();
    migrator(classes).migrate();
    Files.writeString(classes.resolve("db/migration/afterMigrate.sql"), "select 1;");
    assertThat(upToDate(classes)).isFalse();
  }

  @Test
  void theChecksumIsFlyways() throws Exception {
    // CRC-32 of the lines without breaks; a byte-order mark and the line-break style do not count
    int plain = AppliedCheck.checksum(bytes("a\nb\n"));
    assertThat(AppliedCheck.checksum(bytes("\uFEFFa\r\nb"))).isEqualTo(plain);
    assertThat(AppliedCheck.checksum(bytes("a\nb c\n"))).isNotEqualTo(plain);
  }

  private static ByteArrayInputStream bytes(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }
}
