package dev.keel.security;

import java.time.Duration;
import java.util.Optional;

/**
 * Where sessions live: {@link MemorySessionStore} for one instance, {@link RedisSessionStore} for
 * several; a database store implements the same three methods. {@link Sessions} checks the idle and
 * absolute timeouts itself; {@code ttl} lets a store drop expired entries on its own.
 * Implementations are thread-safe.
 */
public interface SessionStore {
  /** Creates or replaces {@code session}, to be forgotten after {@code ttl}. */
  void save(Session session, Duration ttl);

  Optional<Session> find(String id);

  /** Removes the session; nothing happens when it is absent. */
  void delete(String id);
}
