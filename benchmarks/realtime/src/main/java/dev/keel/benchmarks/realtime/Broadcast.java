package dev.keel.benchmarks.realtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * N clients join one channel; one more publishes M messages per second for S seconds through the
 * channel protocol. Each message carries its send time; every receiver records the delay (same
 * machine, one clock). Reports delivery latency p50/p99/max over all deliveries. Usage: Broadcast
 * [clients=1000] [rate=10] [seconds=10] [server JVM flags...]
 */
public final class Broadcast {
  private Broadcast() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int rate = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    List<String> flags = args.length > 3 ? List.of(args).subList(3, args.length) : List.of();
    int total = rate * seconds;
    try (var server = new ServerProcess(flags, "--keel.realtime.ws.messages-per-second=100000")) {
      long[] latencies = new long[n * total];
      var next = new AtomicInteger();
      var joined = new CountDownLatch(n);
      var done = new CountDownLatch(n);
      List<WsClient> clients = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        var c = new WsClient(server.port, "/socket");
        clients.add(c);
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    c.sendText("{\"ref\":\"1\",\"type\":\"join\",\"topic\":\"room:bench\"}");
                    int got = 0;
                    boolean counted = false;
                    while (got < total) {
                      String m = c.readText();
                      if (!counted && m.contains("\"reply\"")) {
                        counted = true;
                        joined.countDown();
                      }
                      int at = m.indexOf("\"t\":");
                      if (at < 0 || !m.contains("\"type\":\"message\"")) continue;
                      if (m.contains("\"w\":1")) continue; // warm-up, not measured
                      long sent = Long.parseLong(m.substring(at + 4, m.indexOf('}', at)));
                      latencies[next.getAndIncrement()] = nowNanos() - sent;
                      got++;
                    }
                  } catch (Exception e) {
                    System.err.println("client failed: " + e);
                  } finally {
                    done.countDown();
                  }
                });
      }
      joined.await();
      var publisher = new WsClient(server.port, "/socket");
      publisher.sendText("{\"ref\":\"1\",\"type\":\"join\",\"topic\":\"room:bench\"}");
      Thread.ofVirtual()
          .start(
              () -> {
                try {
                  while (true) publisher.readText(); // replies and its own copies
                } catch (Exception e) {
                  // closed at the end
                }
              });
      long interval = 1_000_000_000L / rate;
      int warmup = Math.max(rate * 3, 30); // three seconds that JIT and pools settle in, unmeasured
      for (int i = 0; i < warmup; i++) {
        publisher.sendText(
            "{\"ref\":\"p\",\"type\":\"publish\",\"topic\":\"room:bench\",\"event\":\"t\","
                + "\"payload\":{\"w\":1,\"t\":"
                + nowNanos()
                + "}}");
        Thread.sleep(Math.max(1, 1000 / rate));
      }
      long start = System.nanoTime();
      for (int i = 0; i < total; i++) {
        long due = start + i * interval;
        while (System.nanoTime() < due) Thread.sleep(0, 200_000);
        publisher.sendText(
            "{\"ref\":\"p\",\"type\":\"publish\",\"topic\":\"room:bench\",\"event\":\"t\","
                + "\"payload\":{\"t\":"
                + nowNanos()
                + "}}");
      }
      done.await();
      long rss = server.rssKib();
      int count = next.get();
      long[] l = Arrays.copyOf(latencies, count);
      Arrays.sort(l);
      System.out.printf(
          "broadcast: %d clients, %d msg/s for %d s = %d deliveries; latency p50 %.2f ms,"
              + " p99 %.2f ms, max %.2f ms; server RSS %.1f MiB; server flags %s%n",
          n,
          rate,
          seconds,
          count,
          l[count / 2] / 1e6,
          l[(int) (count * 0.99)] / 1e6,
          l[count - 1] / 1e6,
          rss / 1024.0,
          flags);
      publisher.close();
      for (WsClient c : clients) c.close();
    }
  }

  private static long nowNanos() {
    var now = java.time.Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }
}
