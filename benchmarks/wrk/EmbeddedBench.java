import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;

/**
 * CPU time per request of Keel's HTTP/1.1 path on one thread, without sockets or wrk: the
 * techempower app's server pipeline (the same {@code NettyServer.configure} as an accepted
 * connection) on an {@link EmbeddedChannel}, fed 16 pipelined requests per read. It measures the
 * thread's own CPU time, so it stays comparable on a loaded, shared machine where wrk's req/s do
 * not (ADR 0033). Compare two builds by running it with each one's class path:
 *
 * <pre>
 *   CP="examples/techempower/target/techempower.jar:$(ls examples/techempower/target/lib/*.jar | tr '\n' :)"
 *   java -cp "$CP" -Drounds=6 benchmarks/wrk/EmbeddedBench.java /plaintext   # or /json
 * </pre>
 *
 * Prints ns per request for each round of 640,000 requests and the best round. A measuring tool
 * only: it reaches the private server with reflection.
 */
public class EmbeddedBench {
  public static void main(String[] args) throws Exception {
    String path = args.length > 0 ? args[0] : "/plaintext";
    var app = dev.keel.examples.techempower.TechEmpowerApp.app();
    var conn = app.connectLocally(); // builds the pipeline and the local NettyServer
    conn.close();
    var f = app.getClass().getDeclaredField("localServer");
    f.setAccessible(true);
    Object server = f.get(app);
    Method configure = server.getClass().getDeclaredMethod("configure", Channel.class, boolean.class);
    configure.setAccessible(true);
    String one = "GET " + path + " HTTP/1.1\r\nHost: tfb-server\r\nAccept: text/plain,text/html;q=0.9,application/xhtml+xml;q=0.9,application/xml;q=0.8,*/*;q=0.7\r\nConnection: keep-alive\r\n\r\n";
    byte[] batch = one.repeat(16).getBytes(StandardCharsets.US_ASCII);
    var ch = new EmbeddedChannel();
    configure.invoke(server, ch, false);
    int rounds = Integer.parseInt(System.getProperty("rounds", "8"));
    int batches = 40_000;
    long best = Long.MAX_VALUE;
    for (int r = 0; r < rounds; r++) {
      var mx = java.lang.management.ManagementFactory.getThreadMXBean(); long t0 = mx.getCurrentThreadCpuTime();
      long bytes = 0;
      for (int i = 0; i < batches; i++) {
        ByteBuf in = ch.alloc().directBuffer(batch.length).writeBytes(batch);
        ch.writeInbound(in);
        Object o;
        while ((o = ch.readOutbound()) != null) {
          if (o instanceof ByteBuf b) bytes += b.readableBytes();
          ReferenceCountUtil.release(o);
        }
      }
      long ns = (mx.getCurrentThreadCpuTime() - t0) / (batches * 16L);
      best = Math.min(best, ns);
      System.out.println("round " + r + ": " + ns + " ns/request, " + bytes / (batches * 16L) + " bytes/response");
    }
    System.out.println("BEST " + path + " " + best + " ns/request");
    System.exit(0);
  }
}
