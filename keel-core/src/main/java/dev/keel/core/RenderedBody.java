package dev.keel.core;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A result that renders itself into the response body, such as an HTML view. Unlike a {@link
 * StreamingBody} it is rendered in full before anything is sent, on the handler's thread, so the
 * response gets a {@code Content-Length}, an {@code ETag} and compression like a {@code String}
 * does, and an exception while rendering still becomes a problem+json error response.
 *
 * <p>The content type is used unless the handler set one with {@code ctx.header("Content-Type",
 * ...)}.
 */
public interface RenderedBody {
  /** The body's media type, e.g. {@code text/html; charset=UTF-8}. */
  String contentType();

  /** Writes the whole body; the stream buffers in memory and needs no flushing or closing. */
  void writeTo(OutputStream out) throws IOException;
}
