package dev.keel.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.Keel;
import dev.keel.test.TestClient;
import dev.keel.test.TestResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code Authorization: <scheme> <token68>}, read strictly (RFC 9110 §11.6.2, RFC 6750 §2.1): the
 * scheme in any case, one space, then the token; anything else is 401 {@code invalid_request}. Run
 * over a real socket, so the bytes are the ones Netty decodes.
 */
class AuthorizationHeaderTest {
  Security security;

  Keel app(String scheme) {
    var config =
        JwtTest.config(
            "--keel.security.jwt.secret=" + JwtTest.SECRET, "--keel.security.scheme=" + scheme);
    security = Security.create();
    return JwtTest.app(security, config);
  }

  static void assertMalformed(TestResponse r, String scheme, String reason) {
    assertThat(r.status()).as(r.toString()).isEqualTo(401);
    assertThat(r.header("WWW-Authenticate").orElseThrow())
        .as(r.toString())
        .startsWith(scheme + " realm=\"keel\", error=\"invalid_request\", error_description=\"")
        .contains(reason);
    assertThat(r.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
    assertThat(r.json().get("type").asString())
        .isEqualTo("https://keel.dev/problems/authorization-malformed");
    assertThat(r.json().get("detail").asString())
        .as(r.toString())
        .startsWith("the Authorization header must read '" + scheme + " <token>'")
        .contains(reason);
  }

  @Test
  void theSchemeIsCaseInsensitiveAndFollowedByOneSpaceAndTheToken() {
    Keel app = app("Token");
    try (var client = TestClient.overSocket(app)) {
      String token = security.jwt().issue(Principal.of("42"));
      for (String scheme : List.of("Token", "token", "TOKEN", "tOkEn")) {
        assertThat(JwtTest.me(client, scheme + " " + token).text()).isEqualTo("42");
      }
    }
  }

  @Test
  void everyOtherShapeIsInvalidRequest() {
    Keel app = app("Token");
    try (var client = TestClient.overSocket(app)) {
      String token = security.jwt().issue(Principal.of("42"));
      String space = "one space between Token and the token";
      assertMalformed(JwtTest.me(client, "Token  " + token), "Token", space);
      assertMalformed(JwtTest.me(client, "Token   " + token), "Token", space);
      assertMalformed(JwtTest.me(client, "Token\t" + token), "Token", space);
      assertMalformed(JwtTest.me(client, "Token \t" + token), "Token", space);
      assertMalformed(JwtTest.me(client, "Token" + token), "Token", "expected the Token scheme");
      assertMalformed(JwtTest.me(client, "Bearer " + token), "Token", "expected the Token scheme");
      assertMalformed(JwtTest.me(client, "Tokens " + token), "Token", "expected the Token scheme");
      assertMalformed(JwtTest.me(client, "Token"), "Token", "no token after Token");
      assertMalformed(JwtTest.me(client, "Token "), "Token", "no token after Token");
      assertMalformed(JwtTest.me(client, "token \t "), "Token", "no token after Token");
      String token68 = "the token is not a token68";
      assertMalformed(JwtTest.me(client, "Token " + token + " junk"), "Token", token68);
      assertMalformed(JwtTest.me(client, "Token " + token + ",x=1"), "Token", token68);
      assertMalformed(JwtTest.me(client, "Token " + token + "\tjunk"), "Token", token68);
      assertMalformed(JwtTest.me(client, "Token a=b"), "Token", token68);
      assertMalformed(JwtTest.me(client, "Token \"" + token + "\""), "Token", token68);
      // trailing whitespace is the field's, not the token's (RFC 9110 §5.5): Netty drops it
      assertThat(JwtTest.me(client, "Token " + token + " ").status()).isEqualTo(200);
    }
  }

  @Test
  void theSameRulesHoldInProcess() {
    Keel app = app("Bearer");
    try (var client = TestClient.inProcess(app)) {
      String token = security.jwt().issue(Principal.of("7"));
      assertThat(JwtTest.me(client, "bearer " + token).text()).isEqualTo("7");
      assertMalformed(JwtTest.me(client, "Bearer  " + token), "Bearer", "one space between Bearer");
      assertMalformed(JwtTest.me(client, "Bearer " + token + " x"), "Bearer", "not a token68");
      assertMalformed(
          JwtTest.me(client, "Basic YWxpY2U6c2VjcmV0"), "Bearer", "expected the Bearer");
    }
  }
}
