package dev.keel.security.internal.oidc;

import dev.keel.core.Config;
import dev.keel.security.Principal;
import dev.keel.security.TokenRejected;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a token's claims hold the principal's id, roles and permissions, as dot-separated paths
 * into the claims: {@code sub}, {@code realm_access.roles} (Keycloak), {@code groups}, {@code
 * scope}. A value may be a string (split on spaces and commas, as {@code scope} is) or a list of
 * strings; a path that leads nowhere gives no roles, an empty path is not read.
 *
 * @param id the principal id's path, {@code sub} by default
 * @param roles the roles' path, {@code roles} by default
 * @param permissions the permissions' path, {@code scope} by default
 */
public record ClaimPaths(String id, String roles, String permissions) {
  /** Reads {@code claims.id}, {@code claims.roles} and {@code claims.permissions} of {@code c}. */
  public static ClaimPaths from(Config c) {
    return new ClaimPaths(
        c.string("claims.id", "sub"),
        c.string("claims.roles", "roles"),
        c.string("claims.permissions", "scope"));
  }

  /**
   * The principal the claims describe.
   *
   * @throws TokenRejected when the id claim is missing or not a string
   */
  public Principal principal(Map<String, Object> claims) {
    Object id = find(claims, this.id).orElse(null);
    if (!(id instanceof String s) || s.isBlank()) {
      throw new TokenRejected("the token has no '" + this.id + "' claim for the principal id");
    }
    return new Principal(s, strings(claims, roles), strings(claims, permissions));
  }

  private static Set<String> strings(Map<String, Object> claims, String path) {
    if (path.isBlank()) return Set.of();
    Object value = find(claims, path).orElse(null);
    Set<String> out = new LinkedHashSet<>();
    if (value instanceof String s) {
      for (String part : s.split("[\\s,]+")) if (!part.isEmpty()) out.add(part);
    } else if (value instanceof List<?> list) {
      for (Object o : list) if (o instanceof String s && !s.isEmpty()) out.add(s);
    }
    return out;
  }

  private static Optional<Object> find(Map<String, Object> claims, String path) {
    if (claims.containsKey(path)) return Optional.ofNullable(claims.get(path)); // "a.b" as one name
    Object at = claims;
    for (String part : path.split("\\.")) {
      if (!(at instanceof Map<?, ?> map)) return Optional.empty();
      at = map.get(part);
    }
    return Optional.ofNullable(at);
  }
}
