package dev.keel.core;

/**
 * The app {@link StartupProcessTest} starts in a child JVM, as a user's {@code main} would: no
 * handling of start-up failures. {@code GET /boom} fails with an unhandled exception.
 */
public final class StartupApp {
  private StartupApp() {}

  public static void main(String[] args) {
    Keel.create(args)
        .get("/", ctx -> "ok")
        .get(
            "/boom",
            ctx -> {
              throw new IllegalStateException("boom from StartupApp");
            })
        .start();
  }
}
