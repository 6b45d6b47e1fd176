package dev.keel.core.internal.http;

import java.nio.file.Path;

/** A region of a file to send as the response body: the whole file, or one byte range. */
public record FileBody(Path path, long offset, long length) {
  public FileBody {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException(
          "offset and length must be >= 0: " + offset + ", " + length);
    }
  }
}
