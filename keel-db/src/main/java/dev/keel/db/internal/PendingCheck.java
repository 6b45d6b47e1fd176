package dev.keel.db.internal;

import dev.keel.core.StartupException;
import dev.keel.db.internal.DbSettings.PendingMigrations;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pending migrations when start-up does not apply them ({@code keel.db.migrate=false}, the default
 * in prod): they stop start-up, or with {@code keel.db.pending-migrations=warn} they are logged and
 * keep the {@code migrations} readiness check down until applied. Thread-safe.
 */
public final class PendingCheck {
  private static final Logger log = LoggerFactory.getLogger("dev.keel.db");

  private final DbSettings settings;
  private final String command;
  private volatile Migrator waiting; // set while migrations are pending in warn mode

  /**
   * @param command what applies them, e.g. {@code ./keel db migrate shop}
   */
  public PendingCheck(DbSettings settings, String command) {
    this.settings = settings;
    this.command = command;
  }

  /**
   * At start-up, once connected: quiet when nothing is pending.
   *
   * @throws StartupException naming them and the command, unless configured to warn
   */
  public void atStart(Migrator migrator) {
    List<String> pending = migrator.pending();
    if (pending.isEmpty()) return;
    if (settings.pendingMigrations() == PendingMigrations.FAIL) {
      throw new StartupException(
          message(pending)
              + ", then start again. Or set keel.db.migrate=true to apply them at start-up, or"
              + " keel.db.pending-migrations=warn to start with readiness down until they are"
              + " applied.");
    }
    waiting = migrator;
    log.warn("{}; readiness reports DOWN until then.", message(pending));
  }

  /** The readiness check: throws while migrations are pending, quiet once they are applied. */
  public void check() {
    Migrator migrator = waiting;
    if (migrator == null) return;
    List<String> pending = migrator.pending();
    if (pending.isEmpty()) {
      waiting = null; // applied meanwhile (./keel db migrate): never asked again
      return;
    }
    throw new IllegalStateException(message(pending) + ".");
  }

  private String message(List<String> pending) {
    int n = pending.size();
    return n
        + (n == 1 ? " migration is" : " migrations are")
        + " pending on "
        + settings.url().display()
        + ": "
        + String.join(", ", pending)
        + ". Apply "
        + (n == 1 ? "it" : "them")
        + " with "
        + command
        + " (with this configuration)";
  }
}
