package dev.keel.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.keel.core.Config;
import dev.keel.core.ConfigException;
import dev.keel.core.Keel;
import dev.keel.test.TestClient;
import dev.keel.test.TestResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every forgery is answered 401 with a WWW-Authenticate challenge, through HTTP. */
class JwtTest {
  static final String SECRET = "a-test-secret-that-is-at-least-32-bytes-long!";

  @TempDir Path dir;

  static Keel app(Security security, Config config) {
    Keel app = Keel.create(config);
    app.install(security);
    app.get("/me", ctx -> Security.authenticated(ctx).id());
    return app;
  }

  static Config config(String... args) {
    var all = new ArrayList<>(List.of("--keel.server.port=0", "--keel.profile=test"));
    all.addAll(List.of(args));
    return Config.builder().args(all.toArray(String[]::new)).build();
  }

  static TestResponse me(TestClient client, String authorization) {
    return client.get("/me").header("Authorization", authorization).send();
  }

  static void assertRejected(TestResponse r, String reason) {
    assertThat(r.status()).as(r.toString()).isEqualTo(401);
    assertThat(r.header("WWW-Authenticate").orElseThrow())
        .startsWith("Bearer realm=\"keel\", error=\"invalid_token\"")
        .contains(reason);
    assertThat(r.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
    assertThat(r.json().get("type").asString())
        .isEqualTo("https://keel.dev/problems/token-invalid");
  }

  static JWTClaimsSet.Builder claims() {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .subject("42")
        .issuer("keel")
        .audience("keel")
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(600)));
  }

  static String hs256(String kid, byte[] secret, JWTClaimsSet claims) throws Exception {
    var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid).build(), claims);
    jwt.sign(new MACSigner(secret));
    return jwt.serialize();
  }

  @Test
  void acceptsItsOwnTokensAndRejectsMissingOnes() {
    var config = config("--keel.security.jwt.secret=" + SECRET);
    var security = Security.create();
    try (var client = TestClient.inProcess(app(security, config))) {
      String token = security.jwt().issue(Principal.of("42").withRoles("admin"));
      assertThat(me(client, "Bearer " + token).text()).isEqualTo("42");

      TestResponse anonymous = client.get("/me").send();
      assertThat(anonymous.status()).isEqualTo(401);
      assertThat(anonymous.header("WWW-Authenticate")).contains("Bearer realm=\"keel\"");
      assertThat(anonymous.json().get("type").asString())
          .isEqualTo("https://keel.dev/problems/unauthenticated");
      AuthorizationHeaderTest.assertMalformed(me(client, "Bearer "), "Bearer", "no token");
    }
    assertThat(security.jwt().verify(security.jwt().issue(Principal.of("7").withRoles("admin"))))
        .isEqualTo(new Principal("7", java.util.Set.of("admin"), java.util.Set.of()));
  }

  @Test
  void rejectsEveryForgery() throws Exception {
    var config = config("--keel.security.jwt.secret=" + SECRET, "--keel.security.jwt.kid=k1");
    var security = Security.create();
    byte[] key = SECRET.getBytes(StandardCharsets.UTF_8);
    try (var client = TestClient.inProcess(app(security, config))) {
      // alg none
      String none = new PlainJWT(claims().build()).serialize();
      assertRejected(me(client, "Bearer " + none), "not a signed JWT");

      // wrong key
      byte[] other =
          "another-secret-that-is-also-32-bytes-or-more".getBytes(StandardCharsets.UTF_8);
      assertRejected(me(client, "Bearer " + hs256("k1", other, claims().build())), "bad signature");

      // empty signature
      String valid = hs256("k1", key, claims().build());
      String unsigned = valid.substring(0, valid.lastIndexOf('.') + 1);
      assertRejected(me(client, "Bearer " + unsigned), "not a signed JWT");

      // tampered payload: the signature of one payload on another
      String[] parts = valid.split("\\.");
      String admin =
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(
                  claims().subject("1").build().toString().getBytes(StandardCharsets.UTF_8));
      assertRejected(
          me(client, "Bearer " + parts[0] + "." + admin + "." + parts[2]), "bad signature");

      // a kid that is not configured
      assertRejected(me(client, "Bearer " + hs256("k9", key, claims().build())), "unknown key id");

      // foreign jku / jwk headers, even when the signature is right
      var jku =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.HS256)
                  .keyID("k1")
                  .jwkURL(URI.create("https://attacker.example/jwks.json"))
                  .build(),
              claims().build());
      jku.sign(new MACSigner(key));
      assertRejected(me(client, "Bearer " + jku.serialize()), "names its own key");
      KeyPair rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair();
      var jwkHeader =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256)
                  .keyID("k1")
                  .jwk(new RSAKey.Builder((RSAPublicKey) rsa.getPublic()).build())
                  .build(),
              claims().build());
      jwkHeader.sign(new RSASSASigner(rsa.getPrivate()));
      assertRejected(me(client, "Bearer " + jwkHeader.serialize()), "names its own key");

      // expired beyond the 30 s clock skew; expired within it is accepted
      Instant now = Instant.now();
      var expired = claims().expirationTime(Date.from(now.minusSeconds(120))).build();
      assertRejected(me(client, "Bearer " + hs256("k1", key, expired)), "Expired JWT");
      var justExpired = claims().expirationTime(Date.from(now.minusSeconds(5))).build();
      assertThat(me(client, "Bearer " + hs256("k1", key, justExpired)).status()).isEqualTo(200);

      // not yet valid, no exp, foreign issuer and audience
      var future = claims().notBeforeTime(Date.from(now.plusSeconds(600))).build();
      assertRejected(me(client, "Bearer " + hs256("k1", key, future)), "before use time");
      var noExp = claims().expirationTime(null).build();
      assertRejected(me(client, "Bearer " + hs256("k1", key, noExp)), "missing required claims");
      assertRejected(
          me(client, "Bearer " + hs256("k1", key, claims().issuer("evil").build())), "iss");
      assertRejected(
          me(client, "Bearer " + hs256("k1", key, claims().audience("other-app").build())),
          "aud claim rejected");

      // claim values that would break a header are cleaned from the reason
      var crlf = claims().issuer("evil\r\nSet-Cookie: x=1\"").build();
      TestResponse injected = me(client, "Bearer " + hs256("k1", key, crlf));
      assertRejected(injected, "iss");
      assertThat(injected.header("WWW-Authenticate").orElseThrow()).doesNotContain("\r", "\n");
      assertThat(injected.header("Set-Cookie")).isEmpty();

      // wrong scheme
      TestResponse basic = me(client, "Basic YWxpY2U6c2VjcmV0");
      assertThat(basic.status()).isEqualTo(401);
      assertThat(basic.header("WWW-Authenticate").orElseThrow()).contains("invalid_request");
    }
  }

  @Test
  void rejectsCorrectlySignedTokensWithoutAUsableSubjectOrWithBadClaims() throws Exception {
    var config = config("--keel.security.jwt.secret=" + SECRET);
    var security = Security.create();
    byte[] key = SECRET.getBytes(StandardCharsets.UTF_8);
    long now = Instant.now().getEpochSecond();
    String valid = "\"iss\":\"keel\",\"aud\":\"keel\",\"iat\":" + now + ",\"exp\":" + (now + 600);
    try (var client = TestClient.inProcess(app(security, config))) {
      assertThat(me(client, "Bearer " + hs256(key, "{\"sub\":\"42\"," + valid + "}")).text())
          .isEqualTo("42");
      for (String sub : List.of("null", "\"\"", "\"  \"")) {
        String token = hs256(key, "{\"sub\":" + sub + "," + valid + "}");
        assertRejected(me(client, "Bearer " + token), "no subject (sub)");
        assertThatThrownBy(() -> security.jwt().verify(token)).isInstanceOf(TokenRejected.class);
      }
      assertRejected(me(client, "Bearer " + hs256(key, "{" + valid + "}")), "missing required");
      for (String sub : List.of("42", "{\"id\":1}", "[\"1\"]", "true")) {
        String token = hs256(key, "{\"sub\":" + sub + "," + valid + "}");
        assertRejected(me(client, "Bearer " + token), "sub is not a string");
      }
      for (String roles : List.of("[null]", "\"admin\"", "[1]", "{}")) {
        for (String claim : List.of("roles", "permissions")) {
          String json = "{\"sub\":\"42\",\"" + claim + "\":" + roles + "," + valid + "}";
          assertRejected(me(client, "Bearer " + hs256(key, json)), "malformed claims");
        }
      }
    }
  }

  /** A token over exactly this JSON payload, signed with HS256 under kid k1. */
  static String hs256(byte[] secret, String payload) throws Exception {
    var jws =
        new JWSObject(
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(), new Payload(payload));
    jws.sign(new MACSigner(secret));
    return jws.serialize();
  }

  @Test
  void rejectsAlgorithmConfusionWithTheRsaPublicKeyAsHmacSecret() throws Exception {
    KeyPair rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair();
    Path publicPem = write("public.pem", "PUBLIC KEY", rsa.getPublic().getEncoded());
    Path privatePem = write("private.pem", "PRIVATE KEY", rsa.getPrivate().getEncoded());
    var config =
        config(
            "--keel.security.jwt.public-key=" + publicPem,
            "--keel.security.jwt.private-key=" + privatePem);
    var security = Security.create();
    try (var client = TestClient.inProcess(app(security, config))) {
      String token = security.jwt().issue(Principal.of("42"));
      assertThat(SignedJWT.parse(token).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
      assertThat(me(client, "Bearer " + token).status()).isEqualTo(200);

      byte[] publicKeyBytes = Files.readAllBytes(publicPem); // what an attacker can download
      String confused = hs256("k1", publicKeyBytes, claims().build());
      assertRejected(me(client, "Bearer " + confused), "algorithm does not match");
      String confusedDer = hs256("k1", rsa.getPublic().getEncoded(), claims().build());
      assertRejected(me(client, "Bearer " + confusedDer), "algorithm does not match");
    }
  }

  @Test
  void signsAndVerifiesEdDsaWithEd25519PemKeys() throws Exception {
    KeyPair ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    var config =
        config(
            "--keel.security.jwt.public-key="
                + write("ed.pub.pem", "PUBLIC KEY", ed.getPublic().getEncoded()),
            "--keel.security.jwt.private-key="
                + write("ed.pem", "PRIVATE KEY", ed.getPrivate().getEncoded()));
    var security = Security.create();
    try (var client = TestClient.inProcess(app(security, config))) {
      String token = security.jwt().issue(Principal.of("ed"));
      assertThat(SignedJWT.parse(token).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.EdDSA);
      assertThat(me(client, "Bearer " + token).text()).isEqualTo("ed");
      KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      var forged =
          Jwt.builder()
              .key(JwtKey.of("k1", other.getPublic(), Optional.of(other.getPrivate())))
              .build()
              .issue(Principal.of("ed"));
      assertRejected(me(client, "Bearer " + forged), "bad signature");
    }
  }

  @Test
  void rotatesKeysByKid() {
    byte[] old = "the-old-secret-of-at-least-thirty-two-bytes".getBytes(StandardCharsets.UTF_8);
    byte[] next = "the-new-secret-of-at-least-thirty-two-bytes".getBytes(StandardCharsets.UTF_8);
    Jwt before = Jwt.builder().key(JwtKey.hmac("2026-10", old)).build();
    Jwt during =
        Jwt.builder()
            .key(JwtKey.hmac("2026-10", old))
            .key(JwtKey.hmac("2026-11", next))
            .signWith("2026-11")
            .build();
    Jwt after = Jwt.builder().key(JwtKey.hmac("2026-11", next)).build();

    String oldToken = before.issue(Principal.of("1"));
    String newToken = during.issue(Principal.of("1"));
    assertThat(during.verify(oldToken).id()).isEqualTo("1");
    assertThat(after.verify(newToken).id()).isEqualTo("1");
    assertThatThrownBy(() -> after.verify(oldToken)).hasMessage("unknown key id (kid)");
  }

  @Test
  void headerSchemeIsConfigurable() {
    var config = config("--keel.security.jwt.secret=" + SECRET, "--keel.security.scheme=Token");
    var security = Security.create();
    try (var client = TestClient.inProcess(app(security, config))) {
      String token = security.jwt().issue(Principal.of("42"));
      assertThat(me(client, "Token " + token).status()).isEqualTo(200);
      TestResponse bearer = me(client, "Bearer " + token);
      assertThat(bearer.status()).isEqualTo(401);
      assertThat(bearer.header("WWW-Authenticate").orElseThrow()).startsWith("Token realm=");
    }
  }

  @Test
  void prodRefusesToStartWithoutOrWithAShortSecret() {
    var missing = Config.builder().args("--keel.server.port=0", "--keel.profile=prod").build();
    Keel app = Keel.create(missing).install(Security.create());
    assertThatThrownBy(() -> TestClient.inProcess(app).get("/").send())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("keel.security.jwt.secret: required in the prod profile")
        .hasMessageContaining("openssl rand -base64 48");

    var shortSecret =
        Config.builder()
            .args("--keel.server.port=0", "--keel.security.jwt.secret=too-short")
            .build();
    Keel dev = Keel.create(shortSecret).install(Security.create());
    assertThatThrownBy(() -> TestClient.inProcess(dev).get("/").send())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("has 9 bytes (expected: at least 32)")
        .message()
        .doesNotContain("too-short");
  }

  @Test
  void devGeneratesARandomSecret() {
    var config = Config.builder().args("--keel.server.port=0").build();
    var first = Jwt.from(config);
    var second = Jwt.from(config);
    String token = first.issue(Principal.of("1"));
    assertThat(first.verify(token).id()).isEqualTo("1");
    assertThatThrownBy(() -> second.verify(token)).hasMessage("bad signature");
  }

  private Path write(String name, String type, byte[] der) throws Exception {
    String pem =
        "-----BEGIN "
            + type
            + "-----\n"
            + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
            + "\n-----END "
            + type
            + "-----\n";
    return Files.writeString(dir.resolve(name), pem);
  }
}
