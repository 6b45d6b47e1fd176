package dev.keel.core.internal;

/**
 * System properties Keel sets before Netty's classes load, each only when the user has not set it
 * (a {@code -D} flag or {@code JAVA_TOOL_OPTIONS} still wins). See ADR 0030.
 */
public final class StartupDefaults {
  private StartupDefaults() {}

  /**
   * {@code io.netty.jfr.enabled=false}: with it on (Netty's default whenever the JDK has JFR),
   * Netty's buffer allocator registers its JFR event types at start, which initialises the JDK's
   * JFR metadata: about 140 classes (3.6% of hello's) before the first request, and for events that
   * only a running recording reads.
   */
  public static void apply() {
    if (System.getProperty("io.netty.jfr.enabled") == null) {
      System.setProperty("io.netty.jfr.enabled", "false");
    }
  }
}
