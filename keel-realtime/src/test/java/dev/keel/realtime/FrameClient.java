package dev.keel.realtime;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A WebSocket client at the byte level (RFC 6455 section 5.2): it writes exactly the frames a test
 * asks for, valid or not, and parses what the server sends back. With permessage-deflate it keeps
 * one compression context per direction, as RFC 7692 section 7.2.3 has both sides do by default.
 */
final class FrameClient implements AutoCloseable {
  static final int CONTINUATION = 0x0;
  static final int TEXT = 0x1;
  static final int BINARY = 0x2;
  static final int CLOSE = 0x8;
  static final int PING = 0x9;
  static final int PONG = 0xA;
  static final int RSV1 = 4;
  static final int RSV2 = 2;
  static final int RSV3 = 1;

  /** One frame as received; {@code payload} is unmasked and, for compressed ones, inflated. */
  record Frame(boolean fin, int rsv, int opcode, byte[] payload) {
    /** The close code of a close frame; 1005 when it carries none (RFC 6455 section 7.1.5). */
    int closeCode() {
      if (opcode != CLOSE) throw new AssertionError("not a close frame: " + this);
      return payload.length < 2 ? 1005 : ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
    }

    String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
      String body =
          opcode == CLOSE && payload.length >= 2
              ? closeCode()
                  + " "
                  + new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8)
              : payload.length + " bytes";
      return "Frame[fin=" + fin + ", rsv=" + rsv + ", opcode=" + opcode + ", " + body + "]";
    }
  }

  final String handshake;
  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;
  private final boolean deflate;
  private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
  private final Inflater inflater = new Inflater(true);
  private boolean inflating; // inside a compressed message the server is sending

  private FrameClient(int port, String path, String extensions) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(5000);
    socket.setTcpNoDelay(true);
    in = new DataInputStream(socket.getInputStream());
    out = socket.getOutputStream();
    String request =
        "GET "
            + path
            + " HTTP/1.1\r\nHost: 127.0.0.1:"
            + port
            + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
            + (extensions == null ? "" : "Sec-WebSocket-Extensions: " + extensions + "\r\n")
            + "\r\n";
    out.write(request.getBytes(StandardCharsets.US_ASCII));
    var head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) throw new EOFException("closed during the handshake: " + head);
      head.write(b);
    }
    handshake = head.toString(StandardCharsets.US_ASCII);
    if (!handshake.startsWith("HTTP/1.1 101")) throw new IOException("no upgrade: " + handshake);
    deflate = handshake.toLowerCase(java.util.Locale.ROOT).contains("permessage-deflate");
  }

  static FrameClient connect(int port, String path) throws IOException {
    return new FrameClient(port, path, null);
  }

  /** Offers permessage-deflate; {@link #deflateNegotiated} says whether the server took it. */
  static FrameClient connectDeflate(int port, String path) throws IOException {
    return new FrameClient(port, path, "permessage-deflate");
  }

  boolean deflateNegotiated() {
    return deflate;
  }

  // ---- writing

  /** Sends a masked frame, as a client must. */
  FrameClient frame(boolean fin, int rsv, int opcode, byte[] payload) throws IOException {
    return raw(encode(fin, rsv, opcode, payload, true));
  }

  /**
   * Sends several frames in one write, so that the server reads them together: nothing of a batch
   * is lost to a connection the server closed half-way through it.
   */
  FrameClient send(byte[]... frames) throws IOException {
    var all = new ByteArrayOutputStream();
    for (byte[] f : frames) all.write(f);
    return raw(all.toByteArray());
  }

  /** A masked frame's bytes, for {@link #send}. */
  byte[] encode(boolean fin, int rsv, int opcode, byte[] payload) {
    return encode(fin, rsv, opcode, payload, true);
  }

  FrameClient unmaskedFrame(boolean fin, int opcode, byte[] payload) throws IOException {
    return raw(encode(fin, 0, opcode, payload, false));
  }

  FrameClient text(String text) throws IOException {
    return frame(true, 0, TEXT, utf8(text));
  }

  FrameClient close(int code, byte[] reason) throws IOException {
    return frame(true, 0, CLOSE, closeBody(code, reason));
  }

  static byte[] closeBody(int code, byte[] reason) {
    byte[] body = new byte[2 + reason.length];
    body[0] = (byte) (code >> 8);
    body[1] = (byte) code;
    System.arraycopy(reason, 0, body, 2, reason.length);
    return body;
  }

  /** Bytes as they are, for headers no well-formed frame could carry. */
  FrameClient raw(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
    return this;
  }

  private static byte[] encode(boolean fin, int rsv, int opcode, byte[] payload, boolean masked) {
    var frame = new ByteArrayOutputStream();
    frame.write((fin ? 0x80 : 0) | (rsv << 4) | opcode);
    int mask = masked ? 0x80 : 0;
    if (payload.length < 126) {
      frame.write(mask | payload.length);
    } else if (payload.length < 65536) {
      frame.write(mask | 126);
      frame.write(payload.length >> 8);
      frame.write(payload.length);
    } else {
      frame.write(mask | 127);
      for (int shift = 56; shift >= 0; shift -= 8)
        frame.write((int) ((long) payload.length >> shift));
    }
    byte[] body = payload.clone();
    if (masked) {
      byte[] key = new byte[4];
      ThreadLocalRandom.current().nextBytes(key);
      frame.writeBytes(key);
      for (int i = 0; i < body.length; i++) body[i] ^= key[i & 3];
    }
    frame.writeBytes(body);
    return frame.toByteArray();
  }

  /**
   * Compresses one message's worth of data with the shared context and drops the final empty
   * block's tail {@code 00 00 ff ff} (RFC 7692 section 7.2.1).
   */
  byte[] compress(byte[] data) {
    deflater.setInput(data);
    var out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    int n;
    while ((n = deflater.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH)) > 0) {
      out.write(buf, 0, n);
    }
    byte[] all = out.toByteArray();
    // nothing to flush (an empty message): an empty block, RFC 7692 section 7.2.3.6
    return all.length < 4 ? new byte[1] : Arrays.copyOf(all, all.length - 4);
  }

  // ---- reading

  /** The next frame; fails when the server sends nothing within 5 seconds or closes first. */
  Frame read() throws IOException {
    int b0 = in.readUnsignedByte();
    int b1 = in.readUnsignedByte();
    if ((b1 & 0x80) != 0) throw new AssertionError("the server masked a frame (RFC 6455 5.1)");
    long length = b1 & 0x7F;
    if (length == 126) length = in.readUnsignedShort();
    else if (length == 127) length = in.readLong();
    byte[] payload = new byte[Math.toIntExact(length)];
    in.readFully(payload);
    int rsv = (b0 >> 4) & 7;
    int opcode = b0 & 0x0F;
    boolean fin = (b0 & 0x80) != 0;
    if (opcode < 8 && ((rsv & RSV1) != 0 || (opcode == CONTINUATION && inflating))) {
      payload = inflate(payload, fin);
      inflating = !fin;
      rsv &= ~RSV1;
    }
    return new Frame(fin, rsv, opcode, payload);
  }

  private byte[] inflate(byte[] compressed, boolean last) throws IOException {
    if (!deflate) throw new AssertionError("RSV1 set without permessage-deflate");
    byte[] input = compressed;
    if (last) {
      input = Arrays.copyOf(compressed, compressed.length + 4);
      input[compressed.length + 2] = (byte) 0xFF;
      input[compressed.length + 3] = (byte) 0xFF;
    }
    inflater.setInput(input);
    var out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    try {
      int n;
      while ((n = inflater.inflate(buf)) > 0) out.write(buf, 0, n);
    } catch (DataFormatException e) {
      throw new IOException("the server sent invalid deflate data", e);
    }
    return out.toByteArray();
  }

  /**
   * Reads the server's close frame, which must come next, and then the end of the stream: the
   * server closes TCP after its close frame (RFC 6455 section 7.1.1). Returns the close code.
   */
  int closeCode() throws IOException {
    Frame frame = read();
    if (frame.opcode() != CLOSE) throw new AssertionError("expected a close frame, got " + frame);
    if (!closedByServer()) throw new AssertionError("the server kept TCP open after " + frame);
    return frame.closeCode();
  }

  /** True when the server has closed the connection (end of stream or reset) within 5 seconds. */
  boolean closedByServer() throws IOException {
    try {
      return in.read() == -1;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (SocketException reset) {
      return true;
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) b[i] = (byte) values[i];
    return b;
  }

  @Override
  public void close() throws IOException {
    deflater.end();
    inflater.end();
    socket.close();
  }
}
