package dev.keel.security.internal.oidc;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One OpenID provider as its discovery document describes it, with its signing keys. Discovery runs
 * on first use and is kept; a failure is retried on the next use, so an app starts while its
 * provider is down and answers 503 until it is back.
 *
 * <p>The keys come from the provider's {@code jwks_uri} through Nimbus' {@link JWKSourceBuilder}:
 * cached for {@code jwksCache}; a token whose {@code kid} is not in the cache makes it fetch the
 * set again (key rotation), at most twice per {@code jwksMinInterval} so that tokens with made-up
 * key ids cannot turn the app into a load generator against the provider.
 */
public final class OidcProvider {
  private static final Logger LOG = LoggerFactory.getLogger(OidcProvider.class);

  /**
   * Asymmetric algorithms only: never {@code none}, never HMAC with a public key as the secret (the
   * classic algorithm-confusion attack).
   */
  public static final List<JWSAlgorithm> ASYMMETRIC =
      List.of(
          JWSAlgorithm.RS256,
          JWSAlgorithm.RS384,
          JWSAlgorithm.RS512,
          JWSAlgorithm.PS256,
          JWSAlgorithm.PS384,
          JWSAlgorithm.PS512,
          JWSAlgorithm.ES256,
          JWSAlgorithm.ES384,
          JWSAlgorithm.ES512,
          JWSAlgorithm.Ed25519,
          JWSAlgorithm.EdDSA);

  private final Issuer issuer;
  private final Duration timeout;
  private final Duration jwksCache;
  private final Duration jwksMinInterval;
  private volatile OIDCProviderMetadata metadata;
  private volatile JWKSource<SecurityContext> keys;

  public OidcProvider(
      String issuer, Duration timeout, Duration jwksCache, Duration jwksMinInterval) {
    this.issuer = new Issuer(issuer);
    this.timeout = timeout;
    this.jwksCache = jwksCache;
    this.jwksMinInterval = jwksMinInterval;
  }

  public Issuer issuer() {
    return issuer;
  }

  /**
   * The discovery document; its {@code issuer} must equal the configured one (OpenID Connect
   * Discovery §4.3), which Nimbus checks.
   *
   * @throws ProviderUnavailable when it cannot be fetched or read
   */
  public OIDCProviderMetadata metadata() {
    OIDCProviderMetadata m = metadata;
    if (m != null) return m;
    synchronized (this) {
      if (metadata == null) {
        try {
          int ms = (int) timeout.toMillis();
          metadata = OIDCProviderMetadata.resolve(issuer, ms, ms);
          LOG.info("OpenID provider {} discovered", issuer);
        } catch (IOException | GeneralException e) {
          throw new ProviderUnavailable(
              "discovery at " + issuer + "/.well-known/openid-configuration failed: " + e, e);
        }
      }
      return metadata;
    }
  }

  /** The provider's signing keys (see the class description). */
  public JWKSource<SecurityContext> keys() {
    JWKSource<SecurityContext> k = keys;
    if (k != null) return k;
    synchronized (this) {
      if (keys == null) {
        URI jwks = metadata().getJWKSetURI();
        if (jwks == null) throw new ProviderUnavailable(issuer + " publishes no jwks_uri");
        int ms = (int) timeout.toMillis();
        try {
          keys =
              JWKSourceBuilder.<SecurityContext>create(
                      jwks.toURL(), new DefaultResourceRetriever(ms, ms, 512 * 1024))
                  .cache(jwksCache.toMillis(), timeout.toMillis())
                  .refreshAheadCache(false)
                  .rateLimited(jwksMinInterval.toMillis())
                  .retrying(false)
                  .build();
        } catch (MalformedURLException e) {
          throw new ProviderUnavailable(issuer + " publishes a bad jwks_uri: " + jwks, e);
        }
      }
      return keys;
    }
  }

  /** The signature algorithms accepted: the provider's advertised ones that are asymmetric. */
  public Set<JWSAlgorithm> algorithms(List<JWSAlgorithm> advertised) {
    Set<JWSAlgorithm> accepted = new LinkedHashSet<>();
    for (JWSAlgorithm a : advertised == null ? List.<JWSAlgorithm>of() : advertised) {
      if (ASYMMETRIC.contains(a)) accepted.add(a);
    }
    if (accepted.isEmpty()) accepted.add(JWSAlgorithm.RS256); // the OpenID Connect default
    return accepted;
  }

  /** Applies the timeout to a request built by Nimbus before it is sent. */
  public HTTPRequest timed(HTTPRequest request) {
    request.setConnectTimeout((int) timeout.toMillis());
    request.setReadTimeout((int) timeout.toMillis());
    return request;
  }
}
