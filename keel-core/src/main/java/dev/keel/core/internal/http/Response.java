package dev.keel.core.internal.http;

import dev.keel.core.StreamingBody;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaders;

/**
 * A response ready for the transport: status, headers (including {@code Set-Cookie}) and either a
 * complete body or a stream the transport pulls on a virtual thread.
 */
public record Response(int status, HttpHeaders headers, ByteBuf body, StreamingBody stream) {

  public static Response full(int status, HttpHeaders headers, ByteBuf body) {
    return new Response(status, headers, body, null);
  }

  public static Response streamed(int status, HttpHeaders headers, StreamingBody stream) {
    return new Response(status, headers, null, stream);
  }

  public boolean isStreamed() {
    return stream != null;
  }
}
