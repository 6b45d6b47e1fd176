package dev.keel.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.TypelessAccessToken;
import dev.keel.core.Config;
import dev.keel.core.HttpException;
import dev.keel.security.internal.oidc.OidcProvider;
import dev.keel.security.internal.oidc.OidcSettings;
import dev.keel.security.internal.oidc.ProviderUnavailable;
import dev.keel.security.internal.oidc.Rejections;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * This app as an OAuth 2 resource server: it accepts access tokens that an OpenID provider issued
 * for it, checked either as JWTs (RFC 9068: signature by the provider's JWKS with rotation, {@code
 * typ} {@code at+jwt} or {@code JWT}, issuer, audience, expiry with clock skew) or by asking the
 * provider's introspection endpoint (RFC 7662: active, issuer, audience, expiry). The token's
 * claims become the {@link Principal} as {@code keel.security.oidc.claims.*} say, the {@code scope}
 * giving permissions by default.
 *
 * <pre>{@code
 * OidcResourceServer tokens = OidcResourceServer.from(app.config());
 * app.install(Security.builder().bearerTokens(tokens::verify).build());
 * app.get("/api/orders", ctx -> { Security.authorize(ctx, "orders:read"); ... });
 * }</pre>
 *
 * <p>Config under {@code keel.security.oidc.}: {@code issuer}, {@code client-id} and {@code
 * client-secret} (the secret only to introspect), {@code resource-server.tokens} ({@code jwt}, the
 * default, or {@code introspection}), {@code resource-server.audience} (required for {@code jwt}:
 * this API's identifier at the provider), and the {@code clock-skew}, {@code jwks-*} and {@code
 * claims.*} keys of {@link Oidc}. Thread-safe; introspection asks the provider on every call.
 */
public final class OidcResourceServer {
  private final OidcSettings settings;
  private final OidcProvider provider;
  private final boolean introspect;
  private final Optional<String> audience;
  private volatile DefaultJWTProcessor<SecurityContext> processor;

  private OidcResourceServer(Config config) {
    Config c = config.section(OidcSettings.PREFIX);
    this.settings = OidcSettings.from(config);
    this.provider = settings.provider();
    String tokens = c.string("resource-server.tokens", "jwt").toLowerCase(Locale.ROOT);
    if (!tokens.equals("jwt") && !tokens.equals("introspection")) {
      config.reject(
          OidcSettings.PREFIX + ".resource-server.tokens", "expected jwt or introspection");
    }
    this.introspect = tokens.equals("introspection");
    this.audience = c.string("resource-server.audience").filter(s -> !s.isBlank());
    if (!introspect && audience.isEmpty()) {
      config.reject(
          OidcSettings.PREFIX + ".resource-server.audience",
          "required to check JWT access tokens: this API's identifier at the provider");
    }
    if (introspect && settings.clientSecret().isEmpty()) {
      config.reject(
          OidcSettings.PREFIX + ".client-secret", "required to call the introspection endpoint");
    }
  }

  /** A resource server with the {@code keel.security.oidc.*} settings. */
  public static OidcResourceServer from(Config config) {
    return new OidcResourceServer(config);
  }

  /**
   * The principal of a valid access token.
   *
   * @throws TokenRejected when the token is not valid (401)
   * @throws HttpException 503 {@link SecurityProblems#OIDC_PROVIDER_UNAVAILABLE} when the provider
   *     cannot be asked
   */
  public Principal verify(String token) {
    try {
      return introspect ? introspect(token) : jwt(token);
    } catch (ProviderUnavailable e) {
      throw new HttpException(
          SecurityProblems.OIDC_PROVIDER_UNAVAILABLE,
          "the access token cannot be checked right now: its provider is unavailable");
    }
  }

  private Principal jwt(String token) {
    try {
      if (!(JWTParser.parse(token) instanceof SignedJWT)) {
        throw new TokenRejected("the token is not signed (alg none)");
      }
      JWTClaimsSet claims = processor().process(token, null);
      return settings.claims().principal(claims.toJSONObject());
    } catch (java.text.ParseException e) {
      throw new TokenRejected("not a JWT");
    } catch (BadJOSEException | JOSEException e) {
      throw new TokenRejected(Rejections.reason(e));
    }
  }

  private DefaultJWTProcessor<SecurityContext> processor() {
    DefaultJWTProcessor<SecurityContext> p = processor;
    if (p != null) return p;
    p = new DefaultJWTProcessor<>();
    p.setJWSTypeVerifier(
        new DefaultJOSEObjectTypeVerifier<>(
            JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
    p.setJWSKeySelector(
        new JWSVerificationKeySelector<>(
            provider.algorithms(OidcProvider.ASYMMETRIC), provider.keys()));
    var verifier =
        new DefaultJWTClaimsVerifier<SecurityContext>(
            Set.of(audience.orElseThrow()),
            new JWTClaimsSet.Builder().issuer(provider.issuer().getValue()).build(),
            Set.of("sub", "exp"),
            null);
    verifier.setMaxClockSkew((int) settings.clockSkew().toSeconds());
    p.setJWTClaimsSetVerifier(verifier);
    processor = p;
    return p;
  }

  private Principal introspect(String token) {
    URI endpoint = provider.metadata().getIntrospectionEndpointURI();
    if (endpoint == null) {
      throw new ProviderUnavailable(provider.issuer() + " publishes no introspection_endpoint");
    }
    var request =
        new TokenIntrospectionRequest(
            endpoint,
            new ClientSecretBasic(
                new ClientID(settings.clientId()),
                new Secret(settings.clientSecret().orElseThrow())),
            new TypelessAccessToken(token));
    TokenIntrospectionResponse response;
    try {
      HTTPResponse http = provider.timed(request.toHTTPRequest()).send();
      response = TokenIntrospectionResponse.parse(http);
    } catch (IOException | ParseException e) {
      throw new ProviderUnavailable("introspection at " + endpoint + " failed: " + e, e);
    }
    if (!response.indicatesSuccess()) {
      throw new ProviderUnavailable(
          "introspection at "
              + endpoint
              + " refused this app: "
              + response.toErrorResponse().getErrorObject().getCode());
    }
    TokenIntrospectionSuccessResponse info = response.toSuccessResponse();
    if (!info.isActive()) {
      throw new TokenRejected("the token is not active (expired, revoked or unknown)");
    }
    Date exp = info.getExpirationTime();
    if (exp != null && exp.toInstant().plus(settings.clockSkew()).isBefore(Instant.now())) {
      throw new TokenRejected("the token has expired (exp)");
    }
    if (info.getIssuer() != null && !info.getIssuer().equals(provider.issuer())) {
      throw new TokenRejected("the token was issued by another issuer");
    }
    if (audience.isPresent()
        && (info.getAudience() == null
            || !info.getAudience().contains(new Audience(audience.get())))) {
      throw new TokenRejected("the token is for another audience");
    }
    Map<String, Object> claims = new HashMap<>(info.toJSONObject());
    // RFC 7662 makes sub optional; a client credentials token names its client instead, which is
    // what RFC 9068 puts in a JWT access token's sub.
    if (!claims.containsKey("sub") && info.getClientID() != null) {
      claims.put("sub", info.getClientID().getValue());
    }
    return settings.claims().principal(claims);
  }
}
