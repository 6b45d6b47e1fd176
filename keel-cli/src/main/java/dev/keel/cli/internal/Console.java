package dev.keel.cli.internal;

import java.io.PrintStream;

/** Where commands write: one line each, prefixed with {@code keel:}, as the bash launcher did. */
public final class Console {
  private Console() {}

  public static PrintStream out = System.out;
  public static PrintStream err = System.err;

  public static void info(String line) {
    out.println("keel: " + line);
  }

  public static void error(String line) {
    err.println("keel: " + line);
  }
}
