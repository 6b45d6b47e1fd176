package dev.keel.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A TCP forwarder that a test can cut and restore, to lose a database while the app runs. */
final class TcpProxy implements AutoCloseable {
  private final int targetPort;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile ServerSocket server;
  private volatile boolean frozen;
  private int port;

  TcpProxy(int targetPort) {
    this.targetPort = targetPort;
  }

  int port() {
    return port;
  }

  synchronized void start() throws IOException {
    ServerSocket s = new ServerSocket();
    s.setReuseAddress(true);
    s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    port = s.getLocalPort();
    server = s;
    Thread.ofVirtual().start(() -> accept(s));
  }

  private void accept(ServerSocket s) {
    while (!s.isClosed()) {
      try {
        Socket client = s.accept();
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        open.add(client);
        open.add(upstream);
        Thread.ofVirtual().start(() -> pipe(client, upstream));
        Thread.ofVirtual().start(() -> pipe(upstream, client));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void pipe(Socket from, Socket to) {
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      byte[] buffer = new byte[16384];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        while (frozen) Thread.sleep(5); // a hung server: bytes are held, connections stay open
        out.write(buffer, 0, n);
      }
    } catch (IOException | InterruptedException ignored) {
      // one side closed
    } finally {
      close(from);
      close(to);
    }
  }

  /** Stops forwarding without closing anything, as a hung server or a lost network would. */
  void freeze() {
    frozen = true;
  }

  /** Forwards again after {@link #freeze()}. */
  void thaw() {
    frozen = false;
  }

  /** Closes the listening socket and every connection through it. */
  synchronized void cut() {
    close(server);
    for (Socket s : open) close(s);
    open.clear();
  }

  private static void close(AutoCloseable c) {
    try {
      if (c != null) c.close();
    } catch (Exception ignored) {
      // already closed
    }
  }

  @Override
  public void close() {
    cut();
  }
}
