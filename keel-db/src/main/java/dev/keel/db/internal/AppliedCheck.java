package dev.keel.db.internal;

import dev.keel.db.Dialect;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Whether a history table already records exactly the versioned SQL migrations of a classpath
 * location, each with the checksum of the file as it is now: then Flyway has nothing to migrate and
 * nothing to report, and {@link Migrator} skips it (its configuration, scan and validation were the
 * largest share of a start with nothing to migrate, ADR 0030). Any doubt answers false and Flyway
 * runs as before, validating: a file that is not {@code V<version>__<name>.sql} (repeatable
 * migrations, callbacks), a location outside {@code classpath:} or in neither a folder nor a jar, a
 * missing history table, a failed, undone or other non-SQL row (except the baseline at version 0),
 * a version applied but without its file or a file not applied, and a checksum that differs (an
 * edited migration, which Flyway then reports). The checksum is Flyway's: CRC-32 over the UTF-8
 * bytes of each line without its line break, a leading byte-order mark dropped.
 */
final class AppliedCheck {
  private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9._]*)__.+\\.sql");

  private AppliedCheck() {}

  static boolean upToDate(
      DataSource dataSource, Dialect dialect, String location, String table, ClassLoader loader) {
    try {
      Map<String, Integer> files = files(location, loader);
      if (files == null || files.isEmpty()) return false;
      Map<String, Integer> applied = applied(dataSource, dialect, table);
      return files.equals(applied);
    } catch (IOException | SQLException | RuntimeException e) {
      return false; // Flyway looks again and reports what is wrong
    }
  }

  /** Version ("1.2") to checksum of each migration file; null when unsure. */
  private static Map<String, Integer> files(String location, ClassLoader loader)
      throws IOException {
    if (!location.startsWith("classpath:") || location.contains(",")) return null;
    String folder = location.substring("classpath:".length()).replaceAll("^/+|/+$", "");
    var out = new HashMap<String, Integer>();
    for (URL url : Collections.list(loader.getResources(folder))) {
      switch (url.getProtocol()) {
        case "file" -> {
          Path dir;
          try {
            dir = Path.of(url.toURI());
          } catch (URISyntaxException e) {
            return null;
          }
          try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
              try (InputStream in = Files.newInputStream(p)) {
                if (!add(out, p.getFileName().toString(), in)) return null;
              }
            }
          }
        }
        case "jar" -> {
          var connection = (JarURLConnection) url.openConnection();
          connection.setUseCaches(false);
          try (JarFile jar = connection.getJarFile()) {
            String prefix = folder + "/";
            for (JarEntry entry : Collections.list(jar.entries())) {
              if (entry.isDirectory() || !entry.getName().startsWith(prefix)) continue;
              String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
              try (InputStream in = jar.getInputStream(entry)) {
                if (!add(out, name, in)) return null;
              }
            }
          }
        }
        default -> {
          return null;
        }
      }
    }
    return out;
  }

  private static boolean add(Map<String, Integer> out, String name, InputStream in)
      throws IOException {
    var m = VERSIONED.matcher(name);
    if (!m.matches()) return false;
    return out.put(m.group(1).replace('_', '.'), checksum(in)) == null;
  }

  /** Flyway's checksum of a migration file. */
  static int checksum(InputStream in) throws IOException {
    var crc = new java.util.zip.CRC32();
    try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 4096)) {
      String line = reader.readLine();
      if (line != null && line.startsWith("\uFEFF")) line = line.substring(1);
      for (; line != null; line = reader.readLine()) {
        crc.update(line.getBytes(StandardCharsets.UTF_8));
      }
    }
    return (int) crc.getValue();
  }

  /** Version to checksum of each applied SQL migration; null when unsure. */
  private static Map<String, Integer> applied(DataSource dataSource, Dialect dialect, String table)
      throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      String qualified = '"' + table + '"';
      if (dialect == Dialect.POSTGRESQL) {
        // Flyway's default schema is the connection's current one
        try (var s = c.createStatement();
            ResultSet rs = s.executeQuery("select current_schema()")) {
          if (!rs.next() || rs.getString(1) == null) return null;
          qualified = '"' + rs.getString(1).replace("\"", "\"\"") + "\"." + qualified;
        }
      } else if (dialect != Dialect.SQLITE) {
        return null;
      }
      var out = new HashMap<String, Integer>();
      try (var s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "select version, type, checksum, success from "
                      + qualified
                      + " order by installed_rank")) {
        while (rs.next()) {
          String version = rs.getString(1);
          String type = rs.getString(2);
          int checksum = rs.getInt(3);
          boolean noChecksum = rs.wasNull();
          if (!rs.getBoolean(4) || version == null) return null;
          if ("BASELINE".equals(type) && "0".equals(version)) continue;
          if (!"SQL".equals(type) || noChecksum) return null;
          if (out.put(version, checksum) != null) return null;
        }
      }
      return out;
    }
  }
}
