package dev.keel.benchmarks.realtime;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A minimal blocking WebSocket client: handshake, masked text frames out, frames in. */
final class WsClient implements AutoCloseable {
  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;

  WsClient(int port, String path) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setTcpNoDelay(true);
    out = socket.getOutputStream();
    in = new DataInputStream(socket.getInputStream());
    out.write(
        ("GET "
                + path
                + " HTTP/1.1\r\nHost: 127.0.0.1:"
                + port
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    var head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) throw new IOException("closed during handshake: " + head);
      head.write(b);
    }
    if (!head.toString(StandardCharsets.US_ASCII).startsWith("HTTP/1.1 101")) {
      throw new IOException("handshake refused: " + head);
    }
  }

  /** A masked text frame with a zero mask key (payload unchanged), as RFC 6455 allows. */
  synchronized void sendText(String text) throws IOException {
    byte[] p = text.getBytes(StandardCharsets.UTF_8);
    var f = new ByteArrayOutputStream(p.length + 14);
    f.write(0x81);
    if (p.length < 126) {
      f.write(0x80 | p.length);
    } else {
      f.write(0x80 | 126);
      f.write(p.length >>> 8);
      f.write(p.length & 0xff);
    }
    f.write(new byte[4]);
    f.write(p);
    out.write(f.toByteArray());
    out.flush();
  }

  /** The next text frame's payload (pings and other control frames are skipped). */
  String readText() throws IOException {
    while (true) {
      int b0 = in.readUnsignedByte();
      int b1 = in.readUnsignedByte();
      long len = b1 & 0x7f;
      if (len == 126) len = in.readUnsignedShort();
      else if (len == 127) len = in.readLong();
      byte[] p = new byte[(int) len];
      in.readFully(p);
      int opcode = b0 & 0x0f;
      if (opcode == 1) return new String(p, StandardCharsets.UTF_8);
      if (opcode == 8) throw new IOException("closed by the server");
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
