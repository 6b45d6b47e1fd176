package dev.keel.db.internal;

import dev.keel.db.Dialect;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A database address as configured ({@code keel.db.url}), turned into a JDBC URL and credentials.
 *
 * <p>Accepted forms: {@code jdbc:postgresql://...}, {@code jdbc:sqlite:...}, {@code
 * postgres://user:pass@host:port/db?params} (also {@code postgresql://}), {@code sqlite:path}.
 *
 * @param jdbcUrl the URL given to the driver, without credentials taken from a {@code postgres://}
 *     form
 * @param user the user from the URL, if it had one
 * @param password the password from the URL, if it had one
 * @param display the URL as configured with its password replaced by {@code ****}
 */
public record DbUrl(
    String jdbcUrl,
    Dialect dialect,
    Optional<String> user,
    Optional<String> password,
    String display) {

  private static final Pattern PASSWORD_PARAM =
      Pattern.compile("(?i)(password=)[^&;]*", Pattern.CASE_INSENSITIVE);

  /** The default embedded database: {@code ./data/NAME.db} in {@code directory}. */
  public static DbUrl sqliteFile(Path file) {
    String url = "jdbc:sqlite:" + file;
    return new DbUrl(url, Dialect.SQLITE, Optional.empty(), Optional.empty(), url);
  }

  public static DbUrl parse(String raw) {
    String s = raw.strip();
    if (s.startsWith("jdbc:sqlite:")) {
      return new DbUrl(s, Dialect.SQLITE, Optional.empty(), Optional.empty(), mask(s));
    }
    if (s.startsWith("sqlite:")) {
      String url = "jdbc:" + s;
      return new DbUrl(url, Dialect.SQLITE, Optional.empty(), Optional.empty(), url);
    }
    if (s.startsWith("jdbc:postgresql:")) {
      return new DbUrl(s, Dialect.POSTGRESQL, Optional.empty(), Optional.empty(), mask(s));
    }
    if (s.startsWith("postgres://") || s.startsWith("postgresql://")) {
      return fromUri(s);
    }
    throw new IllegalArgumentException(
        "'"
            + mask(s)
            + "' is not a database URL Keel understands; use postgres://user:password@host:5432/db,"
            + " jdbc:postgresql://host:5432/db, jdbc:sqlite:path/to/file.db, or leave keel.db.url"
            + " unset for the embedded SQLite file");
  }

  private static DbUrl fromUri(String s) {
    URI uri;
    try {
      uri = new URI(s);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "'" + maskUserInfo(s) + "' is not a valid URL (" + e.getReason() + ")", e);
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException(
          "'" + maskUserInfo(s) + "' has no host; expected postgres://user:password@host/db");
    }
    Optional<String> user = Optional.empty();
    Optional<String> password = Optional.empty();
    String info = uri.getRawUserInfo();
    if (info != null && !info.isEmpty()) {
      int colon = info.indexOf(':');
      user = Optional.of(decode(colon < 0 ? info : info.substring(0, colon)));
      if (colon >= 0) password = Optional.of(decode(info.substring(colon + 1)));
    }
    StringBuilder url = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
    if (uri.getPort() > 0) url.append(':').append(uri.getPort());
    String path = uri.getRawPath();
    url.append(path == null || path.isEmpty() ? "/" : path);
    if (uri.getRawQuery() != null) url.append('?').append(uri.getRawQuery());
    return new DbUrl(url.toString(), Dialect.POSTGRESQL, user, password, maskUserInfo(s));
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  /** {@code postgres://u:secret@h/db} → {@code postgres://u:****@h/db}. */
  static String maskUserInfo(String s) {
    int scheme = s.indexOf("://");
    int at = s.lastIndexOf('@');
    if (scheme < 0 || at < scheme) return mask(s);
    String info = s.substring(scheme + 3, at);
    int colon = info.indexOf(':');
    if (colon < 0) return mask(s);
    return s.substring(0, scheme + 3) + info.substring(0, colon) + ":****" + s.substring(at);
  }

  /** Masks {@code password=...} parameters of a JDBC URL. */
  public static String mask(String s) {
    return PASSWORD_PARAM.matcher(s).replaceAll("$1****");
  }
}
