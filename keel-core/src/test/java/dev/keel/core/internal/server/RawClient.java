package dev.keel.core.internal.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** A raw TCP client for wire-level tests: sends exact bytes, reads what comes back. */
final class RawClient implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;

  RawClient(int port) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(5000);
    in = socket.getInputStream();
  }

  RawClient send(String text) throws IOException {
    socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
    socket.getOutputStream().flush();
    return this;
  }

  /** Reads until the server closes the connection (or {@code timeoutMillis} passes). */
  String readUntilClose(int timeoutMillis) throws IOException {
    socket.setSoTimeout(timeoutMillis);
    var out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    try {
      int n;
      while ((n = in.read(buf)) != -1) out.write(buf, 0, n);
    } catch (SocketTimeoutException e) {
      return out.toString(StandardCharsets.ISO_8859_1) + "<<timeout>>";
    } catch (IOException reset) {
      // a reset after the response still counts as closed
    }
    return out.toString(StandardCharsets.ISO_8859_1);
  }

  /** Reads until {@code count} complete responses (Content-Length framed) have arrived. */
  String readResponses(int count) throws IOException {
    return readResponses(count, i -> false);
  }

  /**
   * As {@link #readResponses(int)}, where the responses {@code head} picks answer HEAD requests.
   */
  String readResponses(int count, java.util.function.IntPredicate head) throws IOException {
    var out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      String headers = readHead();
      out.append(headers);
      int length = head.test(i) ? 0 : contentLength(headers);
      byte[] body = in.readNBytes(length);
      out.append(new String(body, StandardCharsets.UTF_8));
    }
    return out.toString();
  }

  private String readHead() throws IOException {
    var b = new StringBuilder();
    while (!b.toString().endsWith("\r\n\r\n")) {
      int c = in.read();
      if (c < 0) throw new IOException("closed after: " + b);
      b.append((char) c);
    }
    return b.toString();
  }

  static int contentLength(String head) {
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
        return Integer.parseInt(line.substring(15).trim());
      }
    }
    return 0;
  }

  int available() throws IOException {
    return in.available();
  }

  boolean isClosedByServer(int timeoutMillis) throws IOException {
    socket.setSoTimeout(timeoutMillis);
    try {
      return in.read() == -1;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException reset) {
      return true;
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
