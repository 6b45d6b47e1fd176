package dev.keel.examples.techempower;

import dev.keel.core.Handler;
import dev.keel.core.Keel;

/**
 * TechEmpower Framework Benchmarks on Keel: {@code /plaintext} and {@code /json} so far. Both never
 * block, so they run on the event loop ({@link Handler#nonBlocking}); set {@code
 * KEEL_TECHEMPOWER_VIRTUAL_THREADS=true} to run them on virtual threads instead and measure what
 * the hop costs.
 */
public final class TechEmpowerApp {

  /** The {@code /json} response, serialized per request as the rules require. */
  public record Message(String message) {}

  private TechEmpowerApp() {}

  public static Keel app(String... args) {
    Keel app = Keel.create(args);
    boolean virtualThreads = app.config().bool("keel.techempower.virtual-threads", false);
    Handler plaintext = ctx -> "Hello, World!";
    Handler json = ctx -> new Message("Hello, World!");
    return app.get("/plaintext", virtualThreads ? plaintext : Handler.nonBlocking(plaintext))
        .get("/json", virtualThreads ? json : Handler.nonBlocking(json));
  }

  public static void main(String[] args) {
    app(args).start();
  }
}
