package dev.keel.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.keel.core.Config;
import dev.keel.core.Keel;
import dev.keel.test.TestClient;
import dev.keel.test.TestResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Resource-server mode against the real {@code oidc-provider}: access tokens it issues by the
 * client credentials grant are accepted, as JWTs checked with its JWKS and as opaque tokens by
 * introspection; forged, expired, misdirected and unsigned tokens get 401.
 */
class OidcResourceServerTest {
  static final int PORT = 26501;
  static final RSAKey K1 = LocalOpenIdProvider.newKey("k1");
  static LocalOpenIdProvider provider;

  @BeforeAll
  static void startProvider() throws Exception {
    provider = LocalOpenIdProvider.start(PORT, 26599, List.of(K1));
  }

  @AfterAll
  static void stopProvider() throws Exception {
    provider.close();
  }

  static Keel api(String... settings) {
    List<String> args = new ArrayList<>();
    args.addAll(
        List.of(
            "--keel.server.port=0",
            "--keel.profile=test",
            "--keel.security.oidc.issuer=" + provider.issuer,
            "--keel.security.oidc.client-id=keel-service",
            "--keel.security.oidc.client-secret=keel-service-secret"));
    args.addAll(List.of(settings));
    Keel app = Keel.create(args.toArray(String[]::new));
    OidcResourceServer tokens = OidcResourceServer.from(app.config());
    app.install(Security.builder().bearerTokens(tokens::verify).build());
    app.get(
        "/api/me",
        ctx -> {
          Principal p = Security.authorize(ctx, "api:read");
          return Map.of("id", p.id(), "permissions", p.permissions());
        });
    return app;
  }

  static String serviceToken(String resource) {
    Config config =
        Config.builder()
            .args(
                "--keel.security.oidc.issuer=" + provider.issuer,
                "--keel.security.oidc.client-id=keel-service",
                "--keel.security.oidc.client-secret=keel-service-secret",
                "--keel.security.oidc.client-credentials.scopes=api:read",
                "--keel.security.oidc.client-credentials.resource=" + resource)
            .build();
    return ClientCredentials.from(config).token();
  }

  static TestResponse me(TestClient client, String token) {
    return client.get("/api/me").header("Authorization", "Bearer " + token).send();
  }

  @Test
  void aJwtAccessTokenFromTheProviderIsAccepted() {
    try (var client =
        TestClient.overSocket(api("--keel.security.oidc.resource-server.audience=urn:keel:api"))) {
      TestResponse ok = me(client, serviceToken("urn:keel:api"));
      assertThat(ok.status()).as(ok.text()).isEqualTo(200);
      assertThat(ok.json().get("id").asString()).isEqualTo("keel-service");
      assertThat(ok.json().get("permissions").toString()).contains("api:read");
    }
  }

  @Test
  void forgedExpiredMisdirectedAndUnsignedTokensGet401() throws Exception {
    try (var client =
        TestClient.overSocket(api("--keel.security.oidc.resource-server.audience=urn:keel:api"))) {
      Instant in10m = Instant.now().plusSeconds(600);
      // signed by the provider's own key: accepted, so each rejection below is for its one flaw
      assertThat(me(client, provider.mint(K1, "urn:keel:api", in10m)).status()).isEqualTo(200);
      // expired 30 s ago: inside the 60 s clock skew, still accepted
      assertThat(
              me(client, provider.mint(K1, "urn:keel:api", Instant.now().minusSeconds(30)))
                  .status())
          .isEqualTo(200);

      RSAKey other = LocalOpenIdProvider.newKey("k1"); // same kid, another key
      Map<String, String> attacks =
          Map.of(
              "wrong audience", provider.mint(K1, "urn:someone-else", in10m),
              "expired", provider.mint(K1, "urn:keel:api", Instant.now().minusSeconds(600)),
              "another key, same kid", provider.mint(other, "urn:keel:api", in10m),
              "unknown kid",
                  provider.mint(other, "k-unknown", provider.issuer, "urn:keel:api", in10m),
              "wrong issuer", provider.mint(K1, "k1", "http://127.0.0.1:1", "urn:keel:api", in10m),
              "alg none", unsigned(in10m),
              "HS256 keyed with the provider's public key", confused(in10m));
      for (var attack : attacks.entrySet()) {
        TestResponse r = me(client, attack.getValue());
        assertThat(r.status()).as(attack.getKey() + ": " + r.text()).isEqualTo(401);
        assertThat(r.json().get("type").asString()).as(attack.getKey()).endsWith("/token-invalid");
        assertThat(r.header("WWW-Authenticate").orElseThrow()).contains("invalid_token");
      }
      assertThat(me(client, attacks.get("wrong audience")).json().get("detail").asString())
          .contains("audience");
      assertThat(me(client, attacks.get("expired")).json().get("detail").asString())
          .contains("expired");
      assertThat(me(client, attacks.get("alg none")).json().get("detail").asString())
          .contains("alg none");
    }
  }

  @Test
  void aRotatedKeyIsFetchedOnceAndMadeUpKeyIdsAreRateLimited() throws Exception {
    try (var client =
        TestClient.overSocket(api("--keel.security.oidc.resource-server.audience=urn:keel:api"))) {
      Instant in10m = Instant.now().plusSeconds(600);
      assertThat(me(client, provider.mint(K1, "urn:keel:api", in10m)).status()).isEqualTo(200);
      long fetched = provider.count("jwks");
      for (int i = 0; i < 10; i++) {
        String kid = "made-up-" + i;
        TestResponse r = me(client, provider.mint(K1, kid, provider.issuer, "urn:keel:api", in10m));
        assertThat(r.status()).isEqualTo(401);
      }
      // Nimbus' rate limiter allows two fetches per keel.security.oidc.jwks-min-interval (30 s)
      assertThat(provider.count("jwks") - fetched).isBetween(0L, 2L);
    }

    // The provider rotates: k2 signs, k1 still published. A fresh app knows k1 only until a
    // k2-token makes it refetch.
    try (var client =
        TestClient.overSocket(api("--keel.security.oidc.resource-server.audience=urn:keel:api"))) {
      Instant in10m = Instant.now().plusSeconds(600);
      assertThat(me(client, provider.mint(K1, "urn:keel:api", in10m)).status()).isEqualTo(200);
      RSAKey k2 = LocalOpenIdProvider.newKey("k2");
      provider.close();
      provider = LocalOpenIdProvider.start(PORT, 26599, List.of(k2, K1));
      long before = provider.count("jwks");
      TestResponse rotated = me(client, provider.mint(k2, "urn:keel:api", in10m));
      assertThat(rotated.status()).as(rotated.text()).isEqualTo(200);
      assertThat(provider.count("jwks") - before).isEqualTo(1);
      assertThat(me(client, provider.mint(k2, "urn:keel:api", in10m)).status()).isEqualTo(200);
      assertThat(provider.count("jwks") - before).as("cached after the refetch").isEqualTo(1);
    }
  }

  @Test
  void opaqueTokensAreCheckedByIntrospection() throws Exception {
    try (var client =
        TestClient.overSocket(
            api(
                "--keel.security.oidc.resource-server.tokens=introspection",
                "--keel.security.oidc.resource-server.audience=urn:keel:opaque"))) {
      String opaque = serviceToken("urn:keel:opaque");
      assertThat(opaque).doesNotContain("."); // really not a JWT
      long asked = provider.count("introspection");
      TestResponse ok = me(client, opaque);
      assertThat(ok.status()).as(ok.text()).isEqualTo(200);
      assertThat(ok.json().get("id").asString()).isEqualTo("keel-service");
      assertThat(provider.count("introspection") - asked).isEqualTo(1);

      TestResponse unknown = me(client, "made-up-token-value-0123456789");
      assertThat(unknown.status()).isEqualTo(401);
      assertThat(unknown.json().get("detail").asString()).contains("not active");
    }
  }

  private static String unsigned(Instant expires) {
    return new PlainJWT(
            new JWTClaimsSet.Builder()
                .issuer(provider.issuer)
                .subject("mallory")
                .audience("urn:keel:api")
                .claim("scope", "api:read")
                .expirationTime(Date.from(expires))
                .build())
        .serialize();
  }

  // The algorithm-confusion attack: HMAC with the RSA public key (public knowledge) as the secret.
  private static String confused(Instant expires) throws Exception {
    var jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256)
                .keyID("k1")
                .type(new JOSEObjectType("at+jwt"))
                .build(),
            new JWTClaimsSet.Builder()
                .issuer(provider.issuer)
                .subject("mallory")
                .audience("urn:keel:api")
                .claim("scope", "api:read")
                .expirationTime(Date.from(expires))
                .build());
    jwt.sign(new MACSigner(K1.toPublicJWK().toRSAPublicKey().getEncoded()));
    return jwt.serialize();
  }
}
