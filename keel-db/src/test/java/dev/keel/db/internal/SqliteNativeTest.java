package dev.keel.db.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

class SqliteNativeTest {
  @TempDir Path cache;

  private static byte[] bundled() throws Exception {
    String resource =
        LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName();
    try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
      return in.readAllBytes();
    }
  }

  @Test
  void theLibraryIsCopiedOnceUnderTheDriversVersionAndReusedAfter() throws Exception {
    Path lib = SqliteNative.cachedCopy(cache).orElseThrow();
    assertThat(lib.getParent().getParent()).isEqualTo(cache.resolve("sqlite-jdbc"));
    assertThat(lib.getParent().getFileName().toString())
        .startsWith(SQLiteJDBCLoader.getVersion() + "-");
    assertThat(lib.getFileName().toString())
        .isEqualTo(bundled().length + "-" + LibraryLoaderUtil.getNativeLibName());
    assertThat(Files.readAllBytes(lib)).isEqualTo(bundled());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(lib.getParent())))
        .isEqualTo("rwx------");

    FileTime old = FileTime.fromMillis(1_000_000);
    Files.setLastModifiedTime(lib, old);
    assertThat(SqliteNative.cachedCopy(cache)).contains(lib);
    assertThat(Files.getLastModifiedTime(lib)).isEqualTo(old); // not written again
    try (var files = Files.list(lib.getParent())) {
      assertThat(files).containsExactly(lib); // no .part left behind
    }
  }

  @Test
  void aCopyOfAnotherLengthIsReplacedNotLoaded() throws Exception {
    Path lib = SqliteNative.cachedCopy(cache).orElseThrow();
    Files.write(lib, "garbage".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(SqliteNative.cachedCopy(cache)).contains(lib);
    assertThat(Files.readAllBytes(lib)).isEqualTo(bundled());
  }

  @Test
  void anotherDriverVersionsCopyIsNotUsed() throws Exception {
    Path lib = SqliteNative.cachedCopy(cache).orElseThrow();
    Path stale = cache.resolve("sqlite-jdbc/3.0.0.0-Linux-amd64").resolve(lib.getFileName());
    Files.createDirectories(stale.getParent());
    Files.write(stale, new byte[] {1, 2, 3});
    assertThat(SqliteNative.cachedCopy(cache)).contains(lib);
  }

  @Test
  void theDriverLoadsTheCopyThePropertiesNameAndAnswers() throws Exception {
    String userPath = System.getProperty("org.sqlite.lib.path");
    SqliteNative.prepare();
    if (userPath == null) {
      Path lib =
          Path.of(
              System.getProperty("org.sqlite.lib.path"), System.getProperty("org.sqlite.lib.name"));
      assertThat(Files.readAllBytes(lib)).isEqualTo(bundled());
    } else {
      assertThat(System.getProperty("org.sqlite.lib.path")).isEqualTo(userPath); // left alone
    }
    try (var c = DriverManager.getConnection("jdbc:sqlite::memory:");
        var rs = c.createStatement().executeQuery("select sqlite_version()")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isNotBlank();
    }
  }
}
