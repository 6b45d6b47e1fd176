package dev.keel.core.internal.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * The last steps for complete bodies: a weak {@code ETag} with {@code If-None-Match} → 304, then
 * gzip when the client accepts it. Runs on the handler's thread, so compression costs no event loop
 * time for blocking routes.
 */
public final class Conditional {
  private Conditional() {}

  static Response apply(Exchange ex, Response r, ResultEncoder.Options options) {
    if (r.status() != 200) return r;
    String method = ex.method();
    boolean cacheable = method.equals("GET") || method.equals("HEAD");
    HttpHeaders h = r.headers();
    if (cacheable && options.etag()) {
      String etag = h.get(HttpHeaderNames.ETAG);
      if (etag == null) {
        etag = etag(r.body());
        h.set(HttpHeaderNames.ETAG, etag);
      }
      String ifNoneMatch = ex.request().headers().get(HttpHeaderNames.IF_NONE_MATCH);
      if (ifNoneMatch != null && matches(ifNoneMatch, etag)) {
        r.body().release();
        h.remove(HttpHeaderNames.CONTENT_TYPE);
        return Response.full(304, h, Unpooled.EMPTY_BUFFER);
      }
    }
    if (options.compression()
        && r.body().readableBytes() >= options.compressionThreshold()
        && !h.contains(HttpHeaderNames.CONTENT_ENCODING)
        && MediaTypes.isCompressible(h.get(HttpHeaderNames.CONTENT_TYPE))) {
      h.add(HttpHeaderNames.VARY, HttpHeaderNames.ACCEPT_ENCODING);
      if (acceptsGzip(ex.request().headers().get(HttpHeaderNames.ACCEPT_ENCODING))) {
        ByteBuf zipped = gzip(r.body());
        h.set(HttpHeaderNames.CONTENT_ENCODING, "gzip");
        return Response.full(200, h, zipped);
      }
    }
    return r;
  }

  /** A weak validator from the body's SHA-1 (as Express does): equal bodies, equal tags. */
  static String etag(ByteBuf body) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      sha1.update(body.nioBuffer());
      byte[] digest = sha1.digest();
      return "W/\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required by every JDK", e);
    }
  }

  /** RFC 9110 13.1.2: weak comparison against a list of tags, or {@code *}. */
  public static boolean matches(String ifNoneMatch, String etag) {
    String opaque = etag.startsWith("W/") ? etag.substring(2) : etag;
    for (String candidate : ifNoneMatch.split(",")) {
      String c = candidate.trim();
      if (c.equals("*")) return true;
      if (c.startsWith("W/")) c = c.substring(2);
      if (c.equals(opaque)) return true;
    }
    return false;
  }

  /** True when {@code gzip} (or {@code *}) is listed without {@code q=0}. */
  static boolean acceptsGzip(String acceptEncoding) {
    if (acceptEncoding == null) return false;
    for (String part : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
      String[] fields = part.trim().split(";");
      String coding = fields[0].trim();
      if (!coding.equals("gzip") && !coding.equals("*")) continue;
      boolean refused = false;
      for (int i = 1; i < fields.length; i++) {
        String p = fields[i].trim().replace(" ", "");
        if (p.startsWith("q=")) {
          try {
            refused = Double.parseDouble(p.substring(2)) <= 0;
          } catch (NumberFormatException e) {
            refused = true;
          }
        }
      }
      if (!refused) return true;
    }
    return false;
  }

  private static ByteBuf gzip(ByteBuf body) {
    ByteBuf out = Unpooled.buffer(Math.max(64, body.readableBytes() / 3));
    try (var gzip = new GZIPOutputStream(new ByteBufOutputStream(out), 8192)) {
      body.readBytes(gzip, body.readableBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("gzip into memory cannot fail", e);
    } finally {
      body.release();
    }
    return out;
  }
}
