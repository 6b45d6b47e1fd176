package dev.keel.cli.internal;

import java.nio.file.Path;

/** The JDK the CLI runs on, which the launcher chose (25 or newer): also used for the app. */
public final class Jdk {
  private Jdk() {}

  public static Path home() {
    return Path.of(System.getProperty("java.home"));
  }

  /** A tool of this JDK, e.g. {@code java}, {@code jlink}, {@code jshell}. */
  public static String tool(String name) {
    return home().resolve("bin").resolve(name).toString();
  }
}
