package dev.keel.ops;

import dev.keel.core.Keel;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.util.concurrent.CountDownLatch;

/**
 * The app {@link ShutdownTest} starts in a child JVM: {@code GET /slow} waits until a line arrives
 * on standard input. Prints {@code PORTS app management} once started and {@code SLOW} when the
 * slow request has begun.
 */
public final class ShutdownApp {
  private ShutdownApp() {}

  public static void main(String[] args) throws Exception {
    var release = new CountDownLatch(1);
    var ops = Ops.create();
    Keel app =
        Keel.create(args)
            .install(ops)
            .get(
                "/slow",
                ctx -> {
                  System.out.println("SLOW");
                  System.out.flush();
                  release.await();
                  return "finished";
                })
            .start();
    System.out.println("PORTS " + app.port() + " " + ops.managementPort());
    System.out.flush();
    var in = new BufferedReader(new InputStreamReader(System.in));
    in.readLine();
    release.countDown();
  }
}
