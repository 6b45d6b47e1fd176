package dev.keel.core.internal.http;

import dev.keel.core.Cookie;
import dev.keel.core.Problem;
import dev.keel.core.RenderedBody;
import dev.keel.core.StreamingBody;
import dev.keel.core.internal.json.JsonCodec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Turns a handler's return value into a {@link Response}, choosing the encoding by type. */
public final class ResultEncoder {
  // AsciiString: the response encoder copies these bytes instead of encoding them char by char
  static final AsciiString TEXT = AsciiString.cached("text/plain; charset=UTF-8");
  static final AsciiString JSON = AsciiString.cached("application/json");
  static final AsciiString PROBLEM = AsciiString.cached("application/problem+json");
  static final AsciiString OCTETS = AsciiString.cached("application/octet-stream");

  /** Bodies up to this many chars go on the heap (see {@link #utf8}). */
  private static final int SMALL_TEXT = 2048;

  /**
   * What happens to complete bodies after encoding.
   *
   * @param etag add a weak {@code ETag} to 200 responses to GET and HEAD and answer a matching
   *     {@code If-None-Match} with 304
   * @param compression gzip text-like bodies of at least {@code compressionThreshold} bytes when
   *     the client accepts it
   */
  public record Options(boolean etag, boolean compression, int compressionThreshold) {
    public static final Options DEFAULT = new Options(true, true, 1024);
  }

  private final JsonCodec json;
  private final Options options;
  private final Function<Problem, Object> errorBody;

  public ResultEncoder(JsonCodec json, Options options) {
    this(json, options, null);
  }

  /** {@code errorBody}, when not null, replaces the problem+json body of error responses. */
  public ResultEncoder(JsonCodec json, Options options, Function<Problem, Object> errorBody) {
    this.json = json;
    this.options = options;
    this.errorBody = errorBody;
  }

  public Response encode(Exchange ex, Object result) {
    int explicit = ex.explicitStatus();
    if (result == null) {
      return full(ex, explicit == 0 ? 204 : explicit, null, Unpooled.EMPTY_BUFFER);
    }
    int status = explicit == 0 ? 200 : explicit;
    return switch (result) {
      case CharSequence s -> full(ex, status, TEXT, utf8(s));
      case byte[] bytes -> full(ex, status, OCTETS, Unpooled.wrappedBuffer(bytes));
      case ByteBuffer buffer -> full(ex, status, OCTETS, Unpooled.wrappedBuffer(buffer));
      case Problem p -> problem(ex, p);
      case StreamingBody s -> streamed(ex, status, s);
      case RenderedBody r -> full(ex, status, r.contentType(), rendered(r));
      case Path path -> file(ex, status, path);
      case FileBody f -> Response.file(status, headers(ex, null), f);
      case InputStream in ->
          streamed(
              ex,
              status,
              StreamingBody.of(
                  OCTETS.toString(),
                  out -> {
                    try (in) {
                      in.transferTo(out);
                    }
                  }));
      default -> full(ex, status, JSON, json(result));
    };
  }

  /** A problem+json response; headers already set on the exchange (request id, CORS) are kept. */
  public Response problem(Exchange ex, Problem p) {
    ex.responseHeaders().remove(HttpHeaderNames.CONTENT_TYPE);
    if (errorBody != null) {
      return full(ex, p.status(), JSON, json(errorBody.apply(p)));
    }
    var body = new LinkedHashMap<String, Object>();
    body.put("type", p.type());
    body.put("title", p.title());
    body.put("status", p.status());
    body.put("detail", p.detail());
    body.put("instance", ex.path());
    if (!p.errors().isEmpty()) body.put("errors", p.errors());
    for (Map.Entry<String, Object> e : p.extensions().entrySet()) {
      body.putIfAbsent(e.getKey(), e.getValue());
    }
    return full(ex, p.status(), PROBLEM, json(body));
  }

  /**
   * A small body goes on the heap: the HTTP encoder copies it into the buffer that holds the status
   * line and headers anyway, so a pooled buffer of its own only cost an allocation and a release
   * from the pool (a quarter of the event loop's time for plaintext, ADR 0033). A large one is
   * encoded straight into a pooled direct buffer, which the socket write then sends as it is.
   */
  private static ByteBuf utf8(CharSequence s) {
    if (s.length() <= SMALL_TEXT) {
      return Unpooled.wrappedBuffer(s.toString().getBytes(StandardCharsets.UTF_8));
    }
    return ByteBufUtil.writeUtf8(ByteBufAllocator.DEFAULT, s);
  }

  // Jackson's own recycled buffer, then one array: no pooled buffer grown step by step (ADR 0033).
  private ByteBuf json(Object value) {
    return Unpooled.wrappedBuffer(json.write(value));
  }

  private static ByteBuf rendered(RenderedBody body) {
    ByteBuf buffer = ByteBufAllocator.DEFAULT.buffer(1024);
    try {
      body.writeTo(new ByteBufOutputStream(buffer));
      return buffer;
    } catch (IOException e) {
      buffer.release();
      throw new UncheckedIOException("cannot render " + body.getClass().getName(), e);
    } catch (RuntimeException | Error e) {
      buffer.release();
      throw e;
    }
  }

  private Response full(Exchange ex, int status, CharSequence contentType, ByteBuf body) {
    return Conditional.apply(ex, Response.full(status, headers(ex, contentType), body), options);
  }

  private static Response file(Exchange ex, int status, Path path) {
    try {
      long size = Files.size(path);
      return Response.file(
          status,
          headers(ex, MediaTypes.forFileName(path.getFileName().toString())),
          new FileBody(path, 0, size));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot send file " + path, e);
    }
  }

  private static Response streamed(Exchange ex, int status, StreamingBody s) {
    return Response.streamed(status, headers(ex, s.contentType()), s);
  }

  private static HttpHeaders headers(Exchange ex, CharSequence contentType) {
    HttpHeaders h = ex.hasResponseHeaders() ? ex.responseHeaders() : Headers.create();
    if (contentType != null && !h.contains(HttpHeaderNames.CONTENT_TYPE)) {
      h.set(HttpHeaderNames.CONTENT_TYPE, contentType);
    }
    for (Cookie c : ex.responseCookies()) {
      h.add(HttpHeaderNames.SET_COOKIE, c.headerValue());
    }
    return h;
  }
}
