package dev.keel.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions in this process's memory: lost at restart and not shared between instances (use {@link
 * RedisSessionStore} for that). Expired entries are dropped when read and swept on writes.
 */
public final class MemorySessionStore implements SessionStore {
  private record Entry(Session session, Instant expiresAt) {}

  private final ConcurrentHashMap<String, Entry> sessions = new ConcurrentHashMap<>();
  private final Clock clock;

  public MemorySessionStore() {
    this(Clock.systemUTC());
  }

  public MemorySessionStore(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void save(Session session, Duration ttl) {
    Instant now = clock.instant();
    if (sessions.size() > 1024 && sessions.size() % 64 == 0) {
      sessions.values().removeIf(e -> e.expiresAt().isBefore(now));
    }
    sessions.put(session.id(), new Entry(session, now.plus(ttl)));
  }

  @Override
  public Optional<Session> find(String id) {
    Entry e = sessions.get(id);
    if (e == null) return Optional.empty();
    if (e.expiresAt().isBefore(clock.instant())) {
      sessions.remove(id, e);
      return Optional.empty();
    }
    return Optional.of(e.session());
  }

  @Override
  public void delete(String id) {
    sessions.remove(id);
  }

  /** How many sessions are held, expired ones not yet swept included. */
  public int size() {
    return sessions.size();
  }
}
