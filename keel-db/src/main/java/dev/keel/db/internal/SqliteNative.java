package dev.keel.db.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Points sqlite-jdbc at a copy of its native library that outlives the process.
 *
 * <p>Left alone, the driver copies its {@code .so} out of its jar into the temp folder under a new
 * name at every start, reads it back to compare, loads it and deletes it at exit: about 130 ms of
 * Conduit's start-up on 2 cores (docs/adr/0030). Here the library is copied once into the user's
 * cache folder (folders made private to the user: a library loaded from a path others can write to
 * would run their code), under a folder named by the driver's version and the platform (so another
 * driver version never loads a stale copy), and the driver's documented {@code org.sqlite.lib.path}
 * / {@code org.sqlite.lib.name} properties point at it. A user who set {@code org.sqlite.lib.path}
 * keeps it; anything unusual (no jar, a read-only home) leaves the driver to its own extraction, as
 * before.
 */
final class SqliteNative {
  private static final Logger log = LoggerFactory.getLogger(SqliteNative.class);
  private static final String PATH = "org.sqlite.lib.path";
  private static final String NAME = "org.sqlite.lib.name";
  private static boolean done;

  private SqliteNative() {}

  /** Once per JVM, before the driver's first connection. */
  static synchronized void prepare() {
    if (done) return;
    done = true;
    if (System.getProperty(PATH) != null) return;
    try {
      cachedCopy(cacheFolder())
          .ifPresent(
              lib -> {
                System.setProperty(PATH, lib.getParent().toString());
                System.setProperty(NAME, lib.getFileName().toString());
              });
    } catch (IOException | RuntimeException e) {
      log.debug("sqlite-jdbc extracts its native library itself: {}", e.toString());
    }
  }

  /**
   * The cached copy of the library in {@code cacheFolder} (made now if missing or damaged), or
   * empty when the driver should extract it itself. The copy's folder is named by the driver's
   * version, the OS and the architecture, so the next start finds it without asking the driver
   * which of its libraries fits (which runs {@code uname}). The copy's name starts with its length
   * in bytes: a copy of another length (changed since) is replaced instead of failing to load at
   * every start. A copy only ever appears whole (written beside, then moved).
   */
  static Optional<Path> cachedCopy(Path cacheFolder) throws IOException {
    String name = LibraryLoaderUtil.getNativeLibName();
    String platform =
        SQLiteJDBCLoader.getVersion()
            + "-"
            + System.getProperty("os.name")
            + "-"
            + System.getProperty("os.arch");
    Path dir =
        cacheFolder.resolve("sqlite-jdbc").resolve(platform.replaceAll("[^A-Za-z0-9._-]", "_"));
    Optional<Path> cached = intactCopy(dir, name);
    if (cached.isPresent()) return cached;
    URL url =
        SQLiteJDBCLoader.class.getResource(
            LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name);
    if (url == null || !(url.openConnection() instanceof JarURLConnection jar)) {
      return Optional.empty(); // no bundled library for this platform, or not in a jar
    }
    long size = jar.getJarEntry().getSize();
    if (size < 0) return Optional.empty();
    createPrivate(dir);
    Path lib = dir.resolve(size + "-" + name);
    Path part = Files.createTempFile(dir, name, ".part");
    try (InputStream in = jar.getInputStream()) {
      Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
      if (Files.size(part) != size) return Optional.empty();
      Files.move(part, lib, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(part);
    }
    return Optional.of(lib);
  }

  /** The copy in {@code dir} whose length is the one its name records; others are deleted. */
  private static Optional<Path> intactCopy(Path dir, String name) throws IOException {
    if (!Files.isDirectory(dir)) return Optional.empty();
    Path intact = null;
    try (DirectoryStream<Path> copies = Files.newDirectoryStream(dir, "*-" + name)) {
      for (Path copy : copies) {
        String length = copy.getFileName().toString();
        length = length.substring(0, length.length() - name.length() - 1);
        if (intact == null
            && length.matches("[0-9]{1,18}")
            && Files.size(copy) == Long.parseLong(length)) {
          intact = copy;
        } else {
          Files.deleteIfExists(copy);
        }
      }
    }
    return Optional.ofNullable(intact);
  }

  /** Makes {@code dir} and its missing parents, readable and writable by this user only (POSIX). */
  private static void createPrivate(Path dir) throws IOException {
    if (Files.isDirectory(dir)) return;
    if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createDirectories(dir);
      return;
    }
    Files.createDirectories(
        dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
  }

  /** {@code $XDG_CACHE_HOME/keel}, else {@code ~/.cache/keel}. */
  private static Path cacheFolder() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg, "keel");
    }
    return Path.of(System.getProperty("user.home"), ".cache", "keel");
  }
}
