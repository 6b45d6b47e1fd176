package dev.keel.core;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A response body written by the handler while the response is being sent (chunked encoding).
 * Return one from a handler: {@code return StreamingBody.of("text/plain", out -> ...)}. Each {@code
 * flush()} on the stream sends what was written so far; a slow client makes writes block, so memory
 * stays bounded.
 */
@FunctionalInterface
public interface StreamingBody {
  void writeTo(OutputStream out) throws IOException;

  /** Content type of the stream; {@code application/octet-stream} unless {@link #of} set one. */
  default String contentType() {
    return "application/octet-stream";
  }

  static StreamingBody of(String contentType, StreamingBody writer) {
    return new StreamingBody() {
      @Override
      public void writeTo(OutputStream out) throws IOException {
        writer.writeTo(out);
      }

      @Override
      public String contentType() {
        return contentType;
      }
    };
  }
}
