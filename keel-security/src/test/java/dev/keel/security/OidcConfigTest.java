package dev.keel.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.keel.core.Keel;
import dev.keel.test.TestClient;
import org.junit.jupiter.api.Test;

/** Settings that cannot work stop start-up; a provider that is down answers 503, never 500. */
class OidcConfigTest {
  static final String NOBODY = "http://127.0.0.1:26998"; // in this module's port range, unused

  @Test
  void missingSettingsStopStartUpNamingTheKeys() {
    assertThatThrownBy(
            () ->
                OidcExample.app(
                        "--keel.server.port=0",
                        "--keel.profile=test",
                        "--keel.security.oidc.redirect-uri=/callback")
                    .start())
        .hasMessageContaining("keel.security.oidc.issuer")
        .hasMessageContaining("keel.security.oidc.client-id")
        .hasMessageContaining("keel.security.oidc.redirect-uri");
  }

  @Test
  void aJwtResourceServerNeedsItsAudience() {
    Keel app =
        Keel.create(
            "--keel.server.port=0",
            "--keel.profile=test",
            "--keel.security.oidc.issuer=" + NOBODY,
            "--keel.security.oidc.client-id=api");
    OidcResourceServer.from(app.config());
    assertThatThrownBy(app::start)
        .hasMessageContaining("keel.security.oidc.resource-server.audience");
  }

  @Test
  void anUnreachableProviderIsA503ForLoginAndForBearerTokens() throws Exception {
    Keel login =
        OidcExample.app(
            "--keel.server.port=0",
            "--keel.profile=test",
            "--keel.security.oidc.issuer=" + NOBODY,
            "--keel.security.oidc.client-id=web",
            "--keel.security.oidc.timeout=1s",
            "--keel.security.oidc.redirect-uri=http://127.0.0.1/login/oidc/callback");
    try (var client = TestClient.overSocket(login)) {
      var r = client.get("/login/oidc").send();
      assertThat(r.status()).isEqualTo(503);
      assertThat(r.json().get("type").asString()).endsWith("/oidc-provider-unavailable");
      assertThat(r.text()).doesNotContain("Exception");
    }

    Keel api =
        Keel.create(
            "--keel.server.port=0",
            "--keel.profile=test",
            "--keel.security.oidc.issuer=" + NOBODY,
            "--keel.security.oidc.client-id=api",
            "--keel.security.oidc.timeout=1s",
            "--keel.security.oidc.resource-server.audience=urn:keel:api");
    OidcResourceServer tokens = OidcResourceServer.from(api.config());
    api.install(Security.builder().bearerTokens(tokens::verify).build());
    api.get("/api/me", ctx -> Security.authenticated(ctx).id());
    try (var client = TestClient.overSocket(api)) {
      var key = LocalOpenIdProvider.newKey("k1");
      var jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(),
              new JWTClaimsSet.Builder().subject("ann").audience("urn:keel:api").build());
      jwt.sign(new RSASSASigner(key));
      var r = client.get("/api/me").header("Authorization", "Bearer " + jwt.serialize()).send();
      assertThat(r.status()).as(r.text()).isEqualTo(503);
      assertThat(r.json().get("type").asString()).endsWith("/oidc-provider-unavailable");
    }
  }
}
