package dev.keel.db;

import dev.keel.core.Keel;

/** The app {@link StartupProcessTest} starts in a child JVM: a user's {@code main} with keel-db. */
public final class DbStartupApp {
  private DbStartupApp() {}

  public static void main(String[] args) {
    Keel.create(args).install(Database.create()).get("/", ctx -> "ok").start();
  }
}
