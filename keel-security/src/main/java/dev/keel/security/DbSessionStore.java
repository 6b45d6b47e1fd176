package dev.keel.security;

import dev.keel.db.Database;
import dev.keel.security.internal.SessionJson;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Sessions in the application's database (keel-db, SQLite or PostgreSQL), shared by every instance
 * that uses it. Needs {@code keel-db} on the classpath (keel-security declares it optional). The
 * table is created on first use when missing:
 *
 * <pre>{@code
 * create table keel_session (id varchar(64) primary key, data text not null, expires_at bigint not null)
 * }</pre>
 *
 * <pre>{@code
 * Database db = Database.create();
 * app.install(db);
 * Sessions sessions = Sessions.from(app.config(), new DbSessionStore(db));
 * }</pre>
 *
 * <p>Expired rows are ignored when read and deleted by {@link #purgeExpired()} (call it from a
 * scheduled job) and, one in 256 writes, on their own.
 */
public final class DbSessionStore implements SessionStore {
  private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private final Database db;
  private final String table;
  private final Clock clock;
  private volatile boolean created;
  private final AtomicInteger writes = new AtomicInteger();

  /** A store in the table {@code keel_session}. */
  public DbSessionStore(Database db) {
    this(db, "keel_session", Clock.systemUTC());
  }

  /**
   * A store in {@code table} (lower-case letters, digits, underscores).
   *
   * @param clock the clock expiry is measured with
   */
  public DbSessionStore(Database db, String table, Clock clock) {
    if (!TABLE.matcher(table).matches()) {
      throw new IllegalArgumentException(
          "session table name: '" + table + "' (expected: lower-case letters, digits, _)");
    }
    this.db = Objects.requireNonNull(db, "db");
    this.table = table;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void save(Session session, Duration ttl) {
    ensureTable();
    db.sql(
            "insert into "
                + table
                + " (id, data, expires_at) values (:id, :data, :expires)"
                + " on conflict (id) do update set data = excluded.data,"
                + " expires_at = excluded.expires_at")
        .bind("id", session.id())
        .bind("data", SessionJson.write(session))
        .bind("expires", clock.millis() + ttl.toMillis())
        .update();
    if ((writes.incrementAndGet() & 255) == 0) purgeExpired();
  }

  @Override
  public Optional<Session> find(String id) {
    ensureTable();
    return db.sql("select data from " + table + " where id = :id and expires_at > :now")
        .bind("id", id)
        .bind("now", clock.millis())
        .optional(String.class)
        .map(json -> SessionJson.read(id, json));
  }

  @Override
  public void delete(String id) {
    ensureTable();
    db.sql("delete from " + table + " where id = :id").bind("id", id).update();
  }

  /** Deletes expired rows; returns how many. */
  public int purgeExpired() {
    ensureTable();
    return db.sql("delete from " + table + " where expires_at <= :now")
        .bind("now", clock.millis())
        .update();
  }

  private void ensureTable() {
    if (created) return;
    synchronized (this) {
      if (created) return;
      db.sql(
              "create table if not exists "
                  + table
                  + " (id varchar(64) primary key, data text not null, expires_at bigint not null)")
          .update();
      created = true;
    }
  }
}
