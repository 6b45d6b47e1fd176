package dev.keel.security;

import java.util.Objects;
import java.util.Set;

/**
 * Who made the request: an account id with its roles and permissions. Permissions are strings such
 * as {@code articles:write}; a permission {@code articles:*} grants every {@code articles:…} one
 * and {@code *} grants all.
 *
 * <p>A controller method (keel-web) may take a {@code Principal} parameter: the request's
 * principal, 401 with {@code WWW-Authenticate} when anonymous; {@code Optional<Principal>} accepts
 * anonymous requests. Functional handlers call {@link Security#principal} or {@link
 * Security#authenticated}.
 *
 * @param id the account's stable id (a JWT's {@code sub}), never a secret
 * @param roles role names such as {@code admin}
 * @param permissions what the principal may do
 */
public record Principal(String id, Set<String> roles, Set<String> permissions) {
  public Principal {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) throw new IllegalArgumentException("principal id is blank");
    roles = Set.copyOf(roles);
    permissions = Set.copyOf(permissions);
  }

  /** A principal with no roles and no permissions. */
  public static Principal of(String id) {
    return new Principal(id, Set.of(), Set.of());
  }

  public Principal withRoles(String... roles) {
    return new Principal(id, Set.of(roles), permissions);
  }

  public Principal withPermissions(String... permissions) {
    return new Principal(id, roles, Set.of(permissions));
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  /**
   * Whether {@code permission} is granted exactly, by a {@code prefix:*} wildcard or by {@code *}.
   */
  public boolean can(String permission) {
    if (permissions.contains(permission) || permissions.contains("*")) return true;
    int colon = permission.lastIndexOf(':');
    while (colon > 0) {
      if (permissions.contains(permission.substring(0, colon) + ":*")) return true;
      colon = permission.lastIndexOf(':', colon - 1);
    }
    return false;
  }
}
