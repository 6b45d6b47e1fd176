package dev.keel.security;

import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import dev.keel.core.Config;
import dev.keel.core.HttpException;
import dev.keel.security.internal.oidc.OidcProvider;
import dev.keel.security.internal.oidc.OidcSettings;
import dev.keel.security.internal.oidc.ProviderCalls;
import dev.keel.security.internal.oidc.ProviderUnavailable;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access tokens for this app's own calls to other services, from the OAuth 2 client credentials
 * grant at the OpenID provider's token endpoint. A token is kept and handed out again until it is
 * near its expiry ({@code refresh-before} before it, or half its lifetime when that is shorter), so
 * the provider sees one request per token lifetime, not one per outgoing call; concurrent callers
 * wait for one fetch.
 *
 * <pre>{@code
 * ClientCredentials tokens = ClientCredentials.from(app.config());
 * HttpRequest call = HttpRequest.newBuilder(URI.create("https://orders.internal/api/orders"))
 *     .header("Authorization", "Bearer " + tokens.token())
 *     .build();
 * }</pre>
 *
 * <p>Config under {@code keel.security.oidc.}: {@code issuer}, {@code client-id}, {@code
 * client-secret}, {@code client-credentials.scopes} (none by default), {@code
 * client-credentials.resource} (an RFC 8707 resource indicator, none by default) and {@code
 * client-credentials.refresh-before} ({@code 60s}). Thread-safe.
 */
public final class ClientCredentials {
  private static final Logger LOG = LoggerFactory.getLogger(ClientCredentials.class);

  private final OidcSettings settings;
  private final OidcProvider provider;
  private final Scope scope;
  private final List<URI> resources;
  private final Duration refreshBefore;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile Cached cached;

  private record Cached(String token, Instant refreshAt) {}

  private ClientCredentials(Config config, Clock clock) {
    Config c = config.section(OidcSettings.PREFIX);
    this.settings = OidcSettings.from(config);
    if (settings.clientSecret().isEmpty()) {
      config.reject(
          OidcSettings.PREFIX + ".client-secret", "required for the client credentials grant");
    }
    this.provider = settings.provider();
    List<String> scopes = c.list("client-credentials.scopes", List.of());
    this.scope = scopes.isEmpty() ? null : new Scope(scopes.toArray(String[]::new));
    this.resources =
        c.string("client-credentials.resource")
            .filter(s -> !s.isBlank())
            .flatMap(s -> resource(config, s))
            .map(List::of)
            .orElse(List.of());
    this.refreshBefore = c.duration("client-credentials.refresh-before", Duration.ofSeconds(60));
    this.clock = clock;
  }

  private static Optional<URI> resource(Config config, String value) {
    try {
      URI uri = URI.create(value);
      if (uri.isAbsolute()) return Optional.of(uri);
    } catch (IllegalArgumentException bad) {
      // reported below
    }
    config.reject(
        OidcSettings.PREFIX + ".client-credentials.resource",
        "expected an absolute URI such as https://api.example.com or urn:example:api (RFC 8707)");
    return Optional.empty();
  }

  /** Tokens for the client of the {@code keel.security.oidc.*} settings. */
  public static ClientCredentials from(Config config) {
    return new ClientCredentials(config, Clock.systemUTC());
  }

  /**
   * A valid access token: the kept one, or a new one when it is near expiry.
   *
   * @throws HttpException 503 {@link SecurityProblems#OIDC_PROVIDER_UNAVAILABLE} when the provider
   *     cannot be reached or refuses this client
   */
  public String token() {
    Cached c = cached;
    if (c != null && clock.instant().isBefore(c.refreshAt())) return c.token();
    lock.lock();
    try {
      c = cached;
      if (c != null && clock.instant().isBefore(c.refreshAt())) return c.token();
      cached = fetch();
      return cached.token();
    } finally {
      lock.unlock();
    }
  }

  private Cached fetch() {
    ProviderCalls.Answer answer;
    try {
      answer =
          ProviderCalls.token(provider, settings, new ClientCredentialsGrant(), scope, resources);
    } catch (ProviderUnavailable e) {
      throw unavailable(e.getMessage());
    }
    return switch (answer) {
      case ProviderCalls.Refused r ->
          throw unavailable("the token endpoint refused client credentials: " + r.describe());
      case ProviderCalls.Tokens t -> {
        AccessToken token = t.response().getTokens().getAccessToken();
        Instant now = clock.instant();
        // No expires_in: keep it a minute, the provider will tell us when it stops working.
        Duration lifetime =
            token.getLifetime() > 0
                ? Duration.ofSeconds(token.getLifetime())
                : Duration.ofMinutes(1);
        Duration margin =
            refreshBefore.compareTo(lifetime.dividedBy(2)) < 0
                ? refreshBefore
                : lifetime.dividedBy(2);
        yield new Cached(token.getValue(), now.plus(lifetime).minus(margin));
      }
    };
  }

  private static HttpException unavailable(String why) {
    LOG.warn("client credentials token unavailable: {}", why);
    return new HttpException(
        SecurityProblems.OIDC_PROVIDER_UNAVAILABLE,
        "a service this request needs cannot be called right now: no access token");
  }
}
