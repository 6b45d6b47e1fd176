package dev.keel.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.keel.core.Keel;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Login with the real {@code oidc-provider}: once in headless Chromium (playwright-core), and
 * through its forms with the JDK's HTTP client for the attacks, where the test has to change what
 * the browser would send. Every attack gets a 4xx problem and leaves the browser anonymous.
 */
class OidcLoginTest {
  static final int PROVIDER_PORT = 26502;
  static final int APP_PORT = 26510;
  static final String APP = "http://127.0.0.1:" + APP_PORT;
  static final RSAKey K1 = LocalOpenIdProvider.newKey("k1");
  static LocalOpenIdProvider provider;
  static Keel app;
  static final ListAppender<ILoggingEvent> EVENTS = new ListAppender<>();

  @BeforeAll
  static void start() throws Exception {
    EVENTS.start();
    ((Logger) LoggerFactory.getLogger(SecurityEvents.LOGGER)).addAppender(EVENTS);
    provider = LocalOpenIdProvider.start(PROVIDER_PORT, APP_PORT, List.of(K1));
    app =
        OidcExample.app(
                "--keel.server.port=" + APP_PORT,
                "--keel.profile=test",
                "--keel.security.session.secure=false", // plain http on 127.0.0.1
                "--keel.security.oidc.issuer=" + provider.issuer,
                "--keel.security.oidc.client-id=keel-web",
                "--keel.security.oidc.client-secret=web-secret",
                "--keel.security.oidc.redirect-uri=" + APP + "/login/oidc/callback",
                "--keel.security.oidc.post-logout-redirect-uri=" + APP + "/bye",
                "--keel.security.oidc.scopes=openid,email,roles",
                "--keel.security.oidc.claims.roles=realm_access.roles")
            .start();
  }

  @AfterAll
  static void stop() throws Exception {
    ((Logger) LoggerFactory.getLogger(SecurityEvents.LOGGER)).detachAppender(EVENTS);
    app.stop();
    provider.close();
  }

  @BeforeEach
  void forgetEvents() {
    EVENTS.list.clear();
  }

  @Test
  void aBrowserSignsInAndOutThroughTheProvider() throws Exception {
    assertThat(Path.of("/usr/bin/chromium"))
        .as("the browser test needs Debian's chromium: apt-get install -y chromium")
        .isExecutable();
    try (InputStream script = getClass().getResourceAsStream("/oidc-login.mjs")) {
      Files.copy(
          script,
          LocalOpenIdProvider.DIR.resolve("oidc-login.mjs"),
          StandardCopyOption.REPLACE_EXISTING);
    }
    String out =
        LocalOpenIdProvider.run(LocalOpenIdProvider.DIR, 120, "node", "oidc-login.mjs", APP);
    assertThat(out)
        .contains("provider page: interaction")
        .contains("signed in: ann")
        .contains("home: signed in as ann with roles [admin, user]")
        .contains("provider logout page: Logout Request")
        .contains("after logout: signed out")
        .contains("me after logout: 401")
        .contains("login again shows: password form")
        .contains("OK");
  }

  @Test
  void theCodeFlowSendsPkceStateAndNonceAndMapsTheClaims() throws Exception {
    var browser = new Browser();
    URI authorize = browser.startLogin("/login/oidc?return_to=//evil.example/");
    Map<String, String> q = query(authorize);
    assertThat(q.get("code_challenge_method")).isEqualTo("S256");
    assertThat(q.get("code_challenge")).hasSize(43);
    assertThat(q.get("state")).isNotBlank();
    assertThat(q.get("nonce")).isNotBlank();
    URI callback = browser.authorize(authorize, "bob");
    var done = browser.get(callback);
    assertThat(done.statusCode()).isEqualTo(303);
    assertThat(done.headers().firstValue("Location")).contains("/"); // not //evil.example/
    assertThat(browser.get(URI.create(APP + "/")).body())
        .isEqualTo("signed in as bob with roles [user]");
  }

  @Test
  void aWrongStateIsRefused() throws Exception {
    var browser = new Browser();
    URI callback = browser.authorize(browser.startLogin("/login/oidc"), "ann");
    var r = browser.get(replace(callback, "state", "forged-state"));
    assertRefused(browser, r, 400, "oidc-state-invalid", "state parameter");
  }

  @Test
  void aReplayedCodeIsRefused() throws Exception {
    var ann = new Browser();
    URI callback = ann.authorize(ann.startLogin("/login/oidc"), "ann");
    assertThat(ann.get(callback).statusCode()).isEqualTo(303); // the code is used here

    // the same callback again: the login it belonged to is over
    var again = ann.get(callback);
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(again.body()).contains("oidc-state-invalid");

    // the used code inside a fresh login of another browser, with that login's own state
    var victim = new Browser();
    URI fresh = victim.startLogin("/login/oidc");
    URI replayed =
        URI.create(
            APP
                + "/login/oidc/callback?code="
                + enc(query(callback).get("code"))
                + "&state="
                + enc(query(fresh).get("state")));
    assertRefused(victim, victim.get(replayed), 401, "oidc-code-rejected", "invalid_grant");
  }

  @Test
  void aWrongNonceIsRefused() throws Exception {
    var browser = new Browser();
    // the provider puts whatever nonce the authorization request carried into the ID token
    URI authorize = replace(browser.startLogin("/login/oidc"), "nonce", "not-this-logins-nonce");
    URI callback = browser.authorize(authorize, "ann");
    assertRefused(browser, browser.get(callback), 401, "oidc-id-token-invalid", "nonce");
  }

  @Test
  void forgedExpiredMisdirectedAndUnsignedIdTokensAreRefused() throws Exception {
    // the provider hands out each ID token below in place of its own (LocalOpenIdProvider)
    RSAKey other = LocalOpenIdProvider.newKey("k1");
    Instant in10m = Instant.now().plusSeconds(600);
    Map<String, Function<String, String>> attacks = new LinkedHashMap<>();
    attacks.put("another key, same kid", nonce -> idToken(other, "k1", "keel-web", nonce, in10m));
    attacks.put("unknown kid", nonce -> idToken(other, "k9", "keel-web", nonce, in10m));
    attacks.put(
        "expired", nonce -> idToken(K1, "k1", "keel-web", nonce, Instant.now().minusSeconds(600)));
    attacks.put("wrong audience", nonce -> idToken(K1, "k1", "another-client", nonce, in10m));
    attacks.put("alg none", nonce -> new PlainJWT(claims("keel-web", nonce, in10m)).serialize());
    attacks.put("HS256 keyed with the provider's public key", nonce -> confused(nonce, in10m));
    Map<String, String> details =
        Map.of(
            "another key, same kid", "signature",
            "unknown kid", "signature",
            "expired", "expired",
            "wrong audience", "audience",
            "alg none", "not signed",
            "HS256 keyed with the provider's public key", "signature");
    for (var attack : attacks.entrySet()) {
      var browser = new Browser();
      URI authorize = browser.startLogin("/login/oidc");
      URI callback = browser.authorize(authorize, "ann");
      provider.nextIdToken(attack.getValue().apply(query(authorize).get("nonce")));
      EVENTS.list.clear();
      var r = browser.get(callback);
      assertThat(r.body()).as(attack.getKey()).contains(details.get(attack.getKey()));
      assertRefused(browser, r, 401, "oidc-id-token-invalid", "the ID token");
    }

    // the control: a well-made ID token handed out the same way logs in
    var browser = new Browser();
    URI authorize = browser.startLogin("/login/oidc");
    URI callback = browser.authorize(authorize, "ann");
    provider.nextIdToken(idToken(K1, "k1", "keel-web", query(authorize).get("nonce"), in10m));
    assertThat(browser.get(callback).statusCode()).isEqualTo(303);
    assertThat(browser.get(URI.create(APP + "/me")).body()).contains("mallory");
  }

  static JWTClaimsSet claims(String audience, String nonce, Instant expires) {
    return new JWTClaimsSet.Builder()
        .issuer(provider.issuer)
        .subject("mallory")
        .audience(audience)
        .claim("nonce", nonce)
        .issueTime(Date.from(Instant.now().minusSeconds(5)))
        .expirationTime(Date.from(expires))
        .build();
  }

  static String idToken(RSAKey key, String kid, String audience, String nonce, Instant expires) {
    try {
      var jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(),
              claims(audience, nonce, expires));
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static String confused(String nonce, Instant expires) {
    try {
      var jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(),
              claims("keel-web", nonce, expires));
      jwt.sign(new MACSigner(K1.toPublicJWK().toRSAPublicKey().getEncoded()));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void anErrorFromTheProviderIsRefused() throws Exception {
    var browser = new Browser();
    // prompt=none without a session at the provider: it answers error=login_required
    URI authorize = URI.create(browser.startLogin("/login/oidc") + "&prompt=none");
    URI callback = browser.authorize(authorize, "ann");
    assertRefused(browser, browser.get(callback), 401, "oidc-login-refused", "login_required");
  }

  @Test
  void aCallbackWithoutALoginIsRefused() throws Exception {
    var browser = new Browser();
    var r = browser.get(URI.create(APP + "/login/oidc/callback?code=abc&state=def"));
    assertRefused(browser, r, 400, "oidc-state-invalid", "no login is in progress");
  }

  private static void assertRefused(
      Browser browser, HttpResponse<String> r, int status, String code, String detail)
      throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(r.body()).contains("/" + code + "\"").contains(detail);
    assertThat(EVENTS.list)
        .as("a security event for the refusal")
        .anySatisfy(
            e -> {
              assertThat(e.getMessage()).isEqualTo("oidc_login_rejected");
              assertThat(SecurityEventsTest.pairs(e).get("reason")).startsWith(code + ":");
            });
    assertThat(browser.get(URI.create(APP + "/me")).statusCode())
        .as("no session after a refused login")
        .isEqualTo(401);
  }

  /** A cookie jar and the provider's login and consent forms, filled as a person would. */
  static final class Browser {
    private final HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    HttpResponse<String> get(URI uri) throws Exception {
      return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(URI uri, Map<String, String> form) throws Exception {
      String body =
          form.entrySet().stream()
              .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
              .collect(Collectors.joining("&"));
      return http.send(
          HttpRequest.newBuilder(uri)
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }

    /** The provider's authorization URL the app redirects to. */
    URI startLogin(String path) throws Exception {
      var r = get(URI.create(APP + path));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
      URI to = URI.create(r.headers().firstValue("Location").orElseThrow());
      assertThat(to.toString()).startsWith(provider.issuer + "/auth?");
      return to;
    }

    /** Signs in as {@code user} and consents; the callback URL the provider sends back to. */
    URI authorize(URI authorize, String user) throws Exception {
      URI at = authorize;
      for (int step = 0; step < 12; step++) {
        HttpResponse<String> r = get(at);
        while (r.statusCode() == 200) {
          Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(r.body());
          Matcher prompt = Pattern.compile("name=\"prompt\" value=\"(\\w+)\"").matcher(r.body());
          assertThat(action.find() && prompt.find()).as(r.body()).isTrue();
          Map<String, String> form =
              prompt.group(1).equals("login")
                  ? Map.of("prompt", "login", "login", user, "password", "anything")
                  : Map.of("prompt", prompt.group(1));
          r = post(at.resolve(action.group(1).replace("&amp;", "&")), form);
        }
        assertThat(r.statusCode()).as(r.body()).isIn(302, 303);
        at = at.resolve(r.headers().firstValue("Location").orElseThrow());
        if (at.toString().startsWith(APP)) return at;
      }
      throw new AssertionError("the provider never sent the browser back to " + APP);
    }
  }

  static Map<String, String> query(URI uri) {
    return java.util.Arrays.stream(uri.getRawQuery().split("&"))
        .map(p -> p.split("=", 2))
        .collect(
            Collectors.toMap(
                p -> p[0],
                p -> java.net.URLDecoder.decode(p.length > 1 ? p[1] : "", StandardCharsets.UTF_8),
                (a, b) -> a));
  }

  static URI replace(URI uri, String name, String value) {
    String q =
        java.util.Arrays.stream(uri.getRawQuery().split("&"))
            .map(p -> p.startsWith(name + "=") ? name + "=" + enc(value) : p)
            .collect(Collectors.joining("&"));
    String s = uri.toString();
    return URI.create(s.substring(0, s.indexOf('?') + 1) + q);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
