package dev.keel.benchmarks.realtime;

import java.util.ArrayList;
import java.util.List;

/**
 * Opens N idle WebSockets to a fresh server and reports the server's RSS before and after. Usage:
 * IdleMemory [connections=10000] [server JVM flags...]
 */
public final class IdleMemory {
  private IdleMemory() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    List<String> flags = args.length > 1 ? List.of(args).subList(1, args.length) : List.of();
    try (var server = new ServerProcess(flags)) {
      // one connection first: the classes for the upgrade path are loaded before the baseline
      new WsClient(server.port, "/idle").close();
      Thread.sleep(1000);
      long before = server.rssKib();
      List<WsClient> clients = new ArrayList<>(n);
      long start = System.nanoTime();
      for (int i = 0; i < n; i++) clients.add(new WsClient(server.port, "/idle"));
      long openMs = (System.nanoTime() - start) / 1_000_000;
      Thread.sleep(3000); // let the server settle (GC, buffers returned to pools)
      long after = server.rssKib();
      System.out.printf(
          "idle: %d WebSockets open in %d ms; server RSS %.1f MiB before, %.1f MiB with them"
              + " (%.1f KiB per connection); server flags %s%n",
          n, openMs, before / 1024.0, after / 1024.0, (after - before) / (double) n, flags);
      for (WsClient c : clients) c.close();
    }
  }
}
