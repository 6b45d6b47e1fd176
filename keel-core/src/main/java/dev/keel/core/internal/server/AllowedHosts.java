package dev.keel.core.internal.server;

import java.util.List;
import java.util.Locale;

/**
 * The hosts this server answers for ({@code keel.server.allowed-hosts}), as Django's {@code
 * ALLOWED_HOSTS}: {@code example.com} matches that name, {@code .example.com} it and every
 * subdomain, {@code *} anything. An empty list allows every host.
 */
record AllowedHosts(List<String> patterns) {
  static final AllowedHosts ANY = new AllowedHosts(List.of());

  AllowedHosts {
    patterns =
        patterns.stream()
            .map(p -> p.strip().toLowerCase(Locale.ROOT))
            .map(p -> p.startsWith("[") && p.endsWith("]") ? p.substring(1, p.length() - 1) : p)
            .toList();
  }

  /** The reason {@code pattern} cannot be one, or null when it can. */
  static String invalid(String pattern) {
    String p = pattern.strip();
    if (p.equals("*")) return null;
    String name = p.startsWith(".") ? p.substring(1) : p;
    boolean portOrJunk = name.startsWith("[") ? !name.endsWith("]") : name.contains(":");
    if (name.isEmpty() || portOrJunk || !Authority.isValid(name)) {
      return "'"
          + pattern
          + "' is not a host name; use a name such as example.com, .example.com for it and its"
          + " subdomains, or *";
    }
    return null;
  }

  /** Whether a request whose Host (or target authority) is {@code authority} is served. */
  boolean allows(String authority) {
    if (patterns.isEmpty()) return true;
    if (authority == null || authority.isEmpty()) return false;
    String host = Authority.host(authority);
    for (String p : patterns) {
      if (p.equals("*") || p.equals(host)) return true;
      if (p.startsWith(".") && (host.endsWith(p) || host.equals(p.substring(1)))) return true;
    }
    return false;
  }
}
