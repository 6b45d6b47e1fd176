package dev.keel.core;

import dev.keel.core.internal.http.Conditional;
import dev.keel.core.internal.http.FileBody;
import dev.keel.core.internal.http.HttpDates;
import dev.keel.core.internal.http.MediaTypes;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Serves files from a directory or from the classpath under a wildcard route:
 *
 * <pre>{@code
 * app.get("/assets/{*path}", StaticFiles.directory(Path.of("public")));
 * app.get("/docs/{*path}", StaticFiles.classpath("static/docs"));
 * }</pre>
 *
 * <p>Responses carry {@code Content-Type} by extension, {@code ETag} and {@code Last-Modified}
 * (answering {@code If-None-Match} and {@code If-Modified-Since} with 304), {@code Accept-Ranges}
 * and single byte ranges (206, or 416 when unsatisfiable), and {@code Cache-Control} (default
 * {@code no-cache}: browsers revalidate with the validators). Directory files are sent zero-copy on
 * cleartext HTTP/1.1.
 *
 * <p>Nothing outside the root is ever served: the wildcard value is percent-decoded exactly once by
 * the router (so double encoding stays literal), segments {@code .} and {@code ..}, backslashes,
 * NUL and names starting with a dot are refused, invalid or overlong UTF-8 is a 400, and the real
 * path (after following symlinks) must still lie inside the real root. Refusals are plain 404s so
 * they reveal nothing.
 */
public final class StaticFiles implements Handler {
  private final Path root;
  private final String classpathPrefix;
  private final ClassLoader loader;
  private final String parameter;
  private final String cacheControl;

  private StaticFiles(
      Path root,
      String classpathPrefix,
      ClassLoader loader,
      String parameter,
      String cacheControl) {
    this.root = root;
    this.classpathPrefix = classpathPrefix;
    this.loader = loader;
    this.parameter = parameter;
    this.cacheControl = cacheControl;
  }

  /** Files under {@code root}, taken from the route's wildcard parameter named {@code path}. */
  public static StaticFiles directory(Path root) {
    Path real;
    try {
      real = root.toRealPath();
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "static files directory "
              + root.toAbsolutePath()
              + " does not exist; create it or fix"
              + " the path",
          e);
    }
    if (!Files.isDirectory(real)) {
      throw new IllegalArgumentException(
          "static files root " + real + " is not a directory; pass the folder holding the files");
    }
    return new StaticFiles(real, null, null, "path", "no-cache");
  }

  /**
   * Resources under {@code prefix} on the classpath (e.g. {@code static} for
   * src/main/resources/static).
   */
  public static StaticFiles classpath(String prefix) {
    String clean = prefix.replaceAll("^/+|/+$", "");
    return new StaticFiles(
        null, clean, Thread.currentThread().getContextClassLoader(), "path", "no-cache");
  }

  /** Takes the file path from the wildcard parameter {@code name} instead of {@code path}. */
  public StaticFiles parameter(String name) {
    return new StaticFiles(
        root, classpathPrefix, loader, Objects.requireNonNull(name), cacheControl);
  }

  /**
   * Sets {@code Cache-Control}, e.g. {@code public, max-age=31536000, immutable} for hashed names.
   */
  public StaticFiles cacheControl(String value) {
    return new StaticFiles(root, classpathPrefix, loader, parameter, Objects.requireNonNull(value));
  }

  @Override
  public Object handle(Context ctx) throws IOException {
    String relative = ctx.pathParam(parameter);
    if (!isSafe(relative)) {
      throw notFound(ctx);
    }
    return root != null ? fromDirectory(ctx, relative) : fromClasspath(ctx, relative);
  }

  /** Rejects anything that could name a file outside the root, or a hidden one. */
  static boolean isSafe(String relative) {
    if (relative.isEmpty() || relative.indexOf('\\') >= 0 || relative.indexOf('\0') >= 0) {
      return false;
    }
    for (String segment : relative.split("/", -1)) {
      if (segment.isEmpty() || segment.startsWith(".") || segment.contains(":")) return false;
    }
    return true;
  }

  private Object fromDirectory(Context ctx, String relative) throws IOException {
    Path file = root.resolve(relative).normalize();
    if (!file.startsWith(root)) throw notFound(ctx);
    Path real;
    try {
      real = file.toRealPath(); // follows symlinks: the target must still be inside the root
    } catch (IOException missing) {
      throw notFound(ctx);
    }
    if (!real.startsWith(root)) throw notFound(ctx);
    BasicFileAttributes attributes =
        Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (!attributes.isRegularFile()) throw notFound(ctx);
    long size = attributes.size();
    Instant modified = attributes.lastModifiedTime().toInstant().truncatedTo(ChronoUnit.SECONDS);
    String etag =
        "W/\"" + Long.toHexString(size) + "-" + Long.toHexString(modified.getEpochSecond()) + "\"";
    ctx.header("Content-Type", MediaTypes.forFileName(real.getFileName().toString()));
    Object notModified = validators(ctx, etag, modified);
    if (notModified != null) return notModified;
    long[] range = range(ctx, etag, size);
    if (range == null) return new FileBody(real, 0, size);
    return new FileBody(real, range[0], range[1] - range[0] + 1);
  }

  private Object fromClasspath(Context ctx, String relative) throws IOException {
    URL url =
        loader.getResource(classpathPrefix.isEmpty() ? relative : classpathPrefix + "/" + relative);
    if (url == null) throw notFound(ctx);
    if (url.getProtocol().equals("file")) {
      try {
        Path path = Path.of(URI.create(url.toString()));
        if (Files.isDirectory(path)) throw notFound(ctx);
      } catch (IllegalArgumentException e) {
        throw notFound(ctx);
      }
    }
    byte[] bytes;
    try (InputStream in = url.openStream()) {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw notFound(ctx); // a directory inside a jar, or a vanished resource
    }
    ctx.header("Content-Type", MediaTypes.forFileName(relative));
    ctx.header("Cache-Control", cacheControl);
    ctx.header("Accept-Ranges", "bytes");
    long[] range = range(ctx, null, bytes.length);
    if (range == null) return bytes; // the ETag comes from the content, like any full body
    return java.util.Arrays.copyOfRange(bytes, (int) range[0], (int) range[1] + 1);
  }

  /** Sets validators; returns a 304 result when the client's copy is current. */
  private Object validators(Context ctx, String etag, Instant modified) {
    ctx.header("ETag", etag);
    ctx.header("Last-Modified", HttpDates.format(modified));
    ctx.header("Cache-Control", cacheControl);
    ctx.header("Accept-Ranges", "bytes");
    var ifNoneMatch = ctx.header("If-None-Match");
    boolean fresh;
    if (ifNoneMatch.isPresent()) {
      fresh = Conditional.matches(ifNoneMatch.get(), etag);
    } else {
      fresh =
          ctx.header("If-Modified-Since")
              .flatMap(HttpDates::parse)
              .map(since -> !modified.isAfter(since))
              .orElse(false);
    }
    if (!fresh) return null;
    ctx.status(304);
    return new byte[0];
  }

  /**
   * The single byte range asked for, as {@code [first, last]}, or null for the whole file.
   * Unsatisfiable ranges answer 416; several ranges are served as the whole file (allowed by RFC
   * 9110 14.2).
   */
  private static long[] range(Context ctx, String etag, long size) {
    var header = ctx.header("Range");
    if (header.isEmpty() || !ctx.method().equals("GET")) return null;
    var ifRange = ctx.header("If-Range");
    if (ifRange.isPresent()
        && (etag == null || !ifRange.get().equals(etag) || etag.startsWith("W/"))) {
      return null; // weak or changed validator: send the whole, current file
    }
    String spec = header.get().trim();
    if (!spec.startsWith("bytes=") || spec.indexOf(',') >= 0) return null;
    String r = spec.substring(6).trim();
    int dash = r.indexOf('-');
    if (dash < 0) return null;
    long first;
    long last;
    try {
      if (dash == 0) { // suffix: the last N bytes
        long n = Long.parseLong(r.substring(1));
        if (n <= 0) throw unsatisfiable(ctx, size);
        first = Math.max(0, size - n);
        last = size - 1;
      } else {
        first = Long.parseLong(r.substring(0, dash));
        last =
            dash == r.length() - 1
                ? size - 1
                : Math.min(size - 1, Long.parseLong(r.substring(dash + 1)));
      }
    } catch (NumberFormatException e) {
      return null; // a malformed Range header is ignored (RFC 9110 14.2)
    }
    if (first >= size || first > last || size == 0) throw unsatisfiable(ctx, size);
    ctx.status(206);
    ctx.header("Content-Range", "bytes " + first + "-" + last + "/" + size);
    return new long[] {first, last};
  }

  private static HttpException unsatisfiable(Context ctx, long size) {
    ctx.header("Content-Range", "bytes */" + size);
    return new HttpException(
        ProblemTypes.RANGE_NOT_SATISFIABLE,
        "The requested range is outside the file's " + size + " bytes.");
  }

  private static NotFound notFound(Context ctx) {
    return new NotFound(ProblemTypes.FILE_NOT_FOUND, "There is no file at " + ctx.path() + ".");
  }
}
