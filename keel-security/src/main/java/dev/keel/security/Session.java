package dev.keel.security;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A server-side session as a {@link SessionStore} keeps it.
 *
 * @param id the store key: a SHA-256 digest of the cookie's random value, so a leaked store does
 *     not hand out live cookies
 * @param principal who logged in; empty for an anonymous session (one that only holds a CSRF token)
 * @param csrfToken the token forms and {@code X-CSRF-Token} headers must echo
 * @param createdAt when the session (its current id) began; the absolute timeout counts from here
 * @param lastSeenAt the last request; the idle timeout counts from here
 * @param data small application values
 */
public record Session(
    String id,
    Optional<Principal> principal,
    String csrfToken,
    Instant createdAt,
    Instant lastSeenAt,
    Map<String, String> data) {
  public Session {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(csrfToken, "csrfToken");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(lastSeenAt, "lastSeenAt");
    data = Map.copyOf(data);
  }

  Session seenAt(Instant now) {
    return new Session(id, principal, csrfToken, createdAt, now, data);
  }
}
