package dev.keel.security;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A stored API key: never the key itself, only its SHA-256 {@code hash}.
 *
 * @param id the public part of the key, shown in lists and logs
 * @param hash hex SHA-256 of the secret part
 * @param owner whose key it is
 * @param scopes the permissions the key grants (a subset of the owner's, chosen at creation)
 * @param createdAt when it was created
 * @param revoked whether it was revoked
 */
public record ApiKey(
    String id,
    String hash,
    Principal owner,
    Set<String> scopes,
    Instant createdAt,
    boolean revoked) {
  public ApiKey {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(createdAt, "createdAt");
    scopes = Set.copyOf(scopes);
  }

  ApiKey asRevoked() {
    return new ApiKey(id, hash, owner, scopes, createdAt, true);
  }
}
