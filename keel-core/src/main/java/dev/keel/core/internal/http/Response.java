package dev.keel.core.internal.http;

import dev.keel.core.StreamingBody;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaders;

/**
 * A response ready for the transport: status, headers (including {@code Set-Cookie}) and exactly
 * one of a complete body, a stream the transport pulls on a virtual thread, or a file region the
 * transport sends (zero-copy where the connection allows it).
 */
public record Response(
    int status, HttpHeaders headers, ByteBuf body, StreamingBody stream, FileBody file) {

  public static Response full(int status, HttpHeaders headers, ByteBuf body) {
    return new Response(status, headers, body, null, null);
  }

  public static Response streamed(int status, HttpHeaders headers, StreamingBody stream) {
    return new Response(status, headers, null, stream, null);
  }

  public static Response file(int status, HttpHeaders headers, FileBody file) {
    return new Response(status, headers, null, null, file);
  }

  public boolean isStreamed() {
    return stream != null;
  }

  /** Whether the body is produced while sending (a stream or a file), not held in memory. */
  public boolean isDeferred() {
    return stream != null || file != null;
  }
}
