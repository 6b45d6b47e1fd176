package dev.keel.security.internal.oidc;

import dev.keel.core.Config;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code keel.security.oidc.*} settings shared by login, resource server and client
 * credentials: the provider and how it is talked to.
 *
 * @param issuer the provider's issuer URL (discovery is read from below it)
 * @param clientId this app's client id at the provider
 * @param clientSecret its secret (client_secret_basic)
 * @param timeout connect and read timeout of every call to the provider
 * @param clockSkew how far the provider's and this machine's clocks may disagree
 * @param jwksCache how long the provider's keys are kept
 * @param jwksMinInterval the shortest time between two refetches of the keys (rate limit)
 * @param claims where the principal is in the claims
 */
public record OidcSettings(
    String issuer,
    String clientId,
    Optional<String> clientSecret,
    Duration timeout,
    Duration clockSkew,
    Duration jwksCache,
    Duration jwksMinInterval,
    ClaimPaths claims) {
  public static final String PREFIX = "keel.security.oidc";

  /** Reads the settings; a missing issuer or client id is rejected on {@code config}. */
  public static OidcSettings from(Config config) {
    // Login, resource server and client credentials each read their part of these keys.
    config.declarePrefix(PREFIX + ".");
    Config c = config.section(PREFIX);
    String issuer = c.string("issuer", "");
    if (issuer.isBlank()) {
      config.reject(PREFIX + ".issuer", "required: the OpenID provider's issuer URL");
    } else if (!issuer.startsWith("https://") && !issuer.startsWith("http://")) {
      config.reject(PREFIX + ".issuer", "expected an http(s) URL such as https://id.example.com");
    }
    if (issuer.isBlank()) issuer = "https://issuer.invalid"; // start-up fails with the key named
    String clientId = c.string("client-id", "");
    if (clientId.isBlank()) {
      config.reject(PREFIX + ".client-id", "required: this app's client id at the provider");
      clientId = "unset";
    }
    return new OidcSettings(
        issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer,
        clientId,
        c.string("client-secret").filter(s -> !s.isBlank()),
        c.duration("timeout", Duration.ofSeconds(5)),
        c.duration("clock-skew", Duration.ofSeconds(60)),
        c.duration("jwks-cache", Duration.ofMinutes(15)),
        c.duration("jwks-min-interval", Duration.ofSeconds(30)),
        ClaimPaths.from(c));
  }

  public OidcProvider provider() {
    return new OidcProvider(issuer, timeout, jwksCache, jwksMinInterval);
  }
}
