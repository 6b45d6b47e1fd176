package dev.keel.core.internal.http;

import dev.keel.core.Cookie;
import dev.keel.core.Problem;
import dev.keel.core.StreamingBody;
import dev.keel.core.internal.json.JsonCodec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns a handler's return value into a {@link Response}, choosing the encoding by type. */
public final class ResultEncoder {
  static final String TEXT = "text/plain; charset=UTF-8";
  static final String JSON = "application/json";
  static final String PROBLEM = "application/problem+json";
  static final String OCTETS = "application/octet-stream";

  private final JsonCodec json;

  public ResultEncoder(JsonCodec json) {
    this.json = json;
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
      case InputStream in ->
          streamed(
              ex,
              status,
              StreamingBody.of(
                  OCTETS,
                  out -> {
                    try (in) {
                      in.transferTo(out);
                    }
                  }));
      default -> full(ex, status, JSON, Unpooled.wrappedBuffer(json.write(result)));
    };
  }

  /** A problem+json response; headers already set on the exchange (request id, CORS) are kept. */
  public Response problem(Exchange ex, Problem p) {
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
    ex.responseHeaders().remove(HttpHeaderNames.CONTENT_TYPE);
    return full(ex, p.status(), PROBLEM, Unpooled.wrappedBuffer(json.write(body)));
  }

  private static ByteBuf utf8(CharSequence s) {
    return Unpooled.wrappedBuffer(s.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static Response full(Exchange ex, int status, String contentType, ByteBuf body) {
    return Response.full(status, headers(ex, contentType), body);
  }

  private static Response streamed(Exchange ex, int status, StreamingBody s) {
    return Response.streamed(status, headers(ex, s.contentType()), s);
  }

  private static HttpHeaders headers(Exchange ex, String contentType) {
    HttpHeaders h = ex.hasResponseHeaders() ? ex.responseHeaders() : new DefaultHttpHeaders();
    if (contentType != null && !h.contains(HttpHeaderNames.CONTENT_TYPE)) {
      h.set(HttpHeaderNames.CONTENT_TYPE, contentType);
    }
    for (Cookie c : ex.responseCookies()) {
      h.add(HttpHeaderNames.SET_COOKIE, c.headerValue());
    }
    return h;
  }
}
