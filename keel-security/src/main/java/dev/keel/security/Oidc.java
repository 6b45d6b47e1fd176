package dev.keel.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import dev.keel.core.Config;
import dev.keel.core.Context;
import dev.keel.core.HttpException;
import dev.keel.core.Keel;
import dev.keel.core.Plugin;
import dev.keel.core.ProblemType;
import dev.keel.security.internal.oidc.OidcProvider;
import dev.keel.security.internal.oidc.OidcSettings;
import dev.keel.security.internal.oidc.ProviderCalls;
import dev.keel.security.internal.oidc.ProviderUnavailable;
import dev.keel.security.internal.oidc.Rejections;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Login with an OpenID Connect provider (Keycloak, Auth0, Entra ID, Google, …): the authorization
 * code flow with PKCE (S256), {@code state} and {@code nonce}, ending in a {@link Sessions} login.
 * Installed, it adds three routes:
 *
 * <ul>
 *   <li>{@code GET login-path} ({@code /login/oidc}): sends the browser to the provider; an
 *       optional {@code return_to} query (a path on this site) is where the login ends;
 *   <li>{@code GET} the path of {@code redirect-uri}: the provider's callback. It checks {@code
 *       state} against the browser session (once: a replayed callback finds nothing), exchanges the
 *       code with the PKCE verifier, validates the ID token (signature by the provider's JWKS,
 *       issuer, audience, expiry with clock skew, nonce) and logs the mapped {@link Principal} in;
 *   <li>{@code POST logout-path} ({@code /logout/oidc}, CSRF-checked like every cookie POST): ends
 *       the session and sends the browser to the provider's {@code end_session_endpoint}
 *       (RP-initiated logout) with the ID token as hint.
 * </ul>
 *
 * <pre>{@code
 * Sessions sessions = Sessions.from(app.config(), new MemorySessionStore());
 * app.install(Security.builder().sessions(sessions).build());
 * app.install(Oidc.login(sessions));                           // keel.security.oidc.*
 * }</pre>
 *
 * <p>A refused callback answers a 4xx problem ({@link SecurityProblems#OIDC_STATE_INVALID}, {@link
 * SecurityProblems#OIDC_CODE_REJECTED}, {@link SecurityProblems#OIDC_ID_TOKEN_INVALID}, {@link
 * SecurityProblems#OIDC_LOGIN_REFUSED}), logs an {@code oidc_login_rejected} {@link SecurityEvents}
 * event and logs nobody in; an unreachable provider answers 503 {@link
 * SecurityProblems#OIDC_PROVIDER_UNAVAILABLE}. One login at a time per browser session: starting a
 * second one replaces the first.
 *
 * <table>
 *   <caption>Config keys under {@code keel.security.oidc.}</caption>
 *   <tr><th>key</th><th>default</th></tr>
 *   <tr><td>{@code issuer}, {@code client-id}</td><td>required</td></tr>
 *   <tr><td>{@code client-secret}</td><td>none (a public client)</td></tr>
 *   <tr><td>{@code redirect-uri}</td><td>required: this app's callback URL as registered</td></tr>
 *   <tr><td>{@code scopes}</td><td>{@code openid,profile,email}</td></tr>
 *   <tr><td>{@code login-path}, {@code logout-path}</td><td>{@code /login/oidc}, {@code /logout/oidc}</td></tr>
 *   <tr><td>{@code after-login}</td><td>{@code /}</td></tr>
 *   <tr><td>{@code post-logout-redirect-uri}</td><td>none: the provider's own page</td></tr>
 *   <tr><td>{@code claims.id}, {@code claims.roles}, {@code claims.permissions}</td><td>{@code sub}, {@code roles}, {@code scope} (dot paths such as {@code realm_access.roles})</td></tr>
 *   <tr><td>{@code clock-skew}, {@code timeout}</td><td>{@code 60s}, {@code 5s}</td></tr>
 *   <tr><td>{@code jwks-cache}, {@code jwks-min-interval}</td><td>{@code 15m}, {@code 30s}</td></tr>
 * </table>
 */
public final class Oidc implements Plugin {
  private static final Logger LOG = LoggerFactory.getLogger(Oidc.class);
  private static final String STATE = "oidc.state";
  private static final String NONCE = "oidc.nonce";
  private static final String VERIFIER = "oidc.verifier";
  private static final String STARTED = "oidc.started";
  private static final String RETURN_TO = "oidc.return-to";
  private static final String ID_TOKEN = "oidc.id-token";
  private static final List<String> LOGIN_KEYS =
      List.of(STATE, NONCE, VERIFIER, STARTED, RETURN_TO);
  private static final Duration LOGIN_TIMEOUT = Duration.ofMinutes(10);

  private final Sessions sessions;
  private volatile Login login; // set by install

  private record Login(
      OidcSettings settings,
      OidcProvider provider,
      URI redirectUri,
      Scope scope,
      String loginPath,
      String afterLogin,
      Optional<URI> afterLogout) {}

  private Oidc(Sessions sessions) {
    this.sessions = Objects.requireNonNull(sessions, "sessions");
  }

  /** Login into {@code sessions} with the {@code keel.security.oidc.*} settings. */
  public static Oidc login(Sessions sessions) {
    return new Oidc(sessions);
  }

  @Override
  public void install(Keel app) {
    if (login != null) throw new IllegalStateException("this Oidc is installed already");
    Config config = app.config();
    Config c = config.section(OidcSettings.PREFIX);
    OidcSettings settings = OidcSettings.from(config);
    URI redirect = absolute(config, "redirect-uri", c.string("redirect-uri", ""));
    Optional<URI> afterLogout =
        c.string("post-logout-redirect-uri")
            .filter(s -> !s.isBlank())
            .map(s -> absolute(config, "post-logout-redirect-uri", s));
    String loginPath = c.string("login-path", "/login/oidc");
    String logoutPath = c.string("logout-path", "/logout/oidc");
    login =
        new Login(
            settings,
            settings.provider(),
            redirect,
            new Scope(
                c.list("scopes", List.of("openid", "profile", "email")).toArray(String[]::new)),
            loginPath,
            c.string("after-login", "/"),
            afterLogout);
    app.get(loginPath, this::start);
    app.get(redirect.getRawPath().isEmpty() ? "/" : redirect.getRawPath(), this::callback);
    app.post(logoutPath, this::logout);
  }

  private static URI absolute(Config config, String key, String value) {
    try {
      URI uri = URI.create(value);
      if (uri.isAbsolute() && uri.getHost() != null) return uri;
    } catch (IllegalArgumentException bad) {
      // reported below
    }
    config.reject(
        OidcSettings.PREFIX + "." + key,
        "expected an absolute URL such as https://app.example.com/login/oidc/callback");
    return URI.create("http://localhost/login/oidc/callback");
  }

  private Object start(Context ctx) {
    Login l = login;
    OIDCProviderMetadata meta = metadata(l);
    State state = new State();
    Nonce nonce = new Nonce();
    CodeVerifier verifier = new CodeVerifier();
    Map<String, String> data =
        new HashMap<>(sessions.current(ctx).map(Session::data).orElse(Map.of()));
    data.put(STATE, state.getValue());
    data.put(NONCE, nonce.getValue());
    data.put(VERIFIER, verifier.getValue());
    data.put(STARTED, Instant.now().toString());
    data.put(RETURN_TO, ctx.query("return_to").filter(Oidc::local).orElse(l.afterLogin()));
    sessions.data(ctx, data);
    URI to =
        new AuthenticationRequest.Builder(
                ResponseType.CODE,
                l.scope(),
                new ClientID(l.settings().clientId()),
                l.redirectUri())
            .endpointURI(meta.getAuthorizationEndpointURI())
            .state(state)
            .nonce(nonce)
            .codeChallenge(verifier, CodeChallengeMethod.S256)
            .build()
            .toURI();
    return redirect(ctx, 302, to.toString());
  }

  private Object callback(Context ctx) {
    Login l = login;
    Map<String, String> data = sessions.current(ctx).map(Session::data).orElse(Map.of());
    if (!data.containsKey(STATE)) {
      throw refused(
          ctx,
          SecurityProblems.OIDC_STATE_INVALID,
          "no login is in progress in this browser session; start one at " + l.loginPath());
    }
    // One use only: the login's secrets leave the session before anything else happens, so a
    // replayed or second callback finds nothing to match.
    Map<String, String> rest = new HashMap<>(data);
    LOGIN_KEYS.forEach(rest::remove);
    sessions.data(ctx, rest);
    if (Instant.parse(data.get(STARTED)).plus(LOGIN_TIMEOUT).isBefore(Instant.now())) {
      throw refused(
          ctx, SecurityProblems.OIDC_STATE_INVALID, "the login started over 10 minutes ago");
    }
    String state = ctx.query("state").orElse("");
    if (!MessageDigest.isEqual(
        state.getBytes(StandardCharsets.UTF_8), data.get(STATE).getBytes(StandardCharsets.UTF_8))) {
      throw refused(
          ctx,
          SecurityProblems.OIDC_STATE_INVALID,
          "the state parameter is not the one this browser session's login sent");
    }
    Optional<String> error = ctx.query("error");
    if (error.isPresent()) {
      throw refused(
          ctx,
          SecurityProblems.OIDC_LOGIN_REFUSED,
          "the provider answered "
              + error.get()
              + ctx.query("error_description").map(d -> " (" + d + ")").orElse(""));
    }
    String code = ctx.query("code").filter(s -> !s.isBlank()).orElse(null);
    if (code == null) {
      throw refused(ctx, SecurityProblems.OIDC_CODE_REJECTED, "the callback carries no code");
    }
    JWT idToken = exchange(ctx, l, code, data.get(VERIFIER));
    Principal principal = validate(ctx, l, idToken, data.get(NONCE));
    sessions.login(ctx, principal);
    Map<String, String> after = new HashMap<>(rest);
    after.put(ID_TOKEN, idToken.serialize());
    sessions.data(ctx, after);
    return redirect(ctx, 303, data.getOrDefault(RETURN_TO, l.afterLogin()));
  }

  private JWT exchange(Context ctx, Login l, String code, String verifier) {
    var grant =
        new AuthorizationCodeGrant(
            new AuthorizationCode(code), l.redirectUri(), new CodeVerifier(verifier));
    ProviderCalls.Answer answer;
    try {
      answer = ProviderCalls.token(l.provider(), l.settings(), grant, null, List.of());
    } catch (ProviderUnavailable e) {
      throw unavailable(e);
    }
    return switch (answer) {
      case ProviderCalls.Refused r when "invalid_client".equals(r.error().getCode()) ->
          throw unavailable(
              new ProviderUnavailable("the provider refused this app's client id or secret"));
      case ProviderCalls.Refused r ->
          throw refused(
              ctx,
              SecurityProblems.OIDC_CODE_REJECTED,
              "the provider refused the authorization code: " + r.describe());
      case ProviderCalls.Tokens t -> {
        if (t.response() instanceof OIDCTokenResponse oidc
            && oidc.getOIDCTokens().getIDToken() != null) {
          yield oidc.getOIDCTokens().getIDToken();
        }
        throw refused(
            ctx, SecurityProblems.OIDC_ID_TOKEN_INVALID, "the provider returned no ID token");
      }
    };
  }

  private Principal validate(Context ctx, Login l, JWT idToken, String nonce) {
    if (!(idToken instanceof SignedJWT)) {
      throw refused(
          ctx, SecurityProblems.OIDC_ID_TOKEN_INVALID, "the ID token is not signed (alg none)");
    }
    OIDCProviderMetadata meta = metadata(l);
    var keys =
        new JWSVerificationKeySelector<SecurityContext>(
            l.provider().algorithms(meta.getIDTokenJWSAlgs()), l.provider().keys());
    var validator =
        new IDTokenValidator(
            l.provider().issuer(), new ClientID(l.settings().clientId()), keys, null);
    validator.setMaxClockSkew((int) l.settings().clockSkew().toSeconds());
    try {
      var claims = validator.validate(idToken, new Nonce(nonce));
      return l.settings().claims().principal(claims.toJSONObject());
    } catch (BadJOSEException | JOSEException e) {
      throw refused(
          ctx,
          SecurityProblems.OIDC_ID_TOKEN_INVALID,
          "the ID token was rejected: " + Rejections.reason(e));
    } catch (TokenRejected e) {
      throw refused(
          ctx, SecurityProblems.OIDC_ID_TOKEN_INVALID, "the ID token was rejected: " + e.reason());
    }
  }

  private Object logout(Context ctx) {
    Login l = login;
    Optional<String> idToken = sessions.current(ctx).map(s -> s.data().get(ID_TOKEN));
    sessions.logout(ctx);
    URI end = metadata(l).getEndSessionEndpointURI();
    if (end == null) {
      return redirect(ctx, 303, l.afterLogout().map(URI::toString).orElse(l.afterLogin()));
    }
    JWT hint = null;
    try {
      if (idToken.isPresent()) hint = JWTParser.parse(idToken.get());
    } catch (ParseException e) {
      LOG.debug("the session's ID token does not parse; logging out without a hint", e);
    }
    URI to =
        new LogoutRequest(
                end,
                hint,
                null,
                new ClientID(l.settings().clientId()),
                l.afterLogout().orElse(null),
                null,
                null)
            .toURI();
    return redirect(ctx, 303, to.toString());
  }

  private static OIDCProviderMetadata metadata(Login l) {
    try {
      return l.provider().metadata();
    } catch (ProviderUnavailable e) {
      throw unavailable(e);
    }
  }

  private static HttpException unavailable(ProviderUnavailable e) {
    LOG.warn("OpenID provider unavailable: {}", e.getMessage());
    return new HttpException(
        SecurityProblems.OIDC_PROVIDER_UNAVAILABLE,
        "the login provider cannot be used right now; try again in a minute");
  }

  private static HttpException refused(Context ctx, ProblemType type, String detail) {
    SecurityEvents.warn("oidc_login_rejected", ctx, "", type.code() + ": " + detail);
    return new HttpException(type, "the login was refused: " + detail);
  }

  private static Object redirect(Context ctx, int status, String location) {
    ctx.status(status).header("Location", location).header("Cache-Control", "no-store");
    return "";
  }

  // Only a path on this site: "//evil.example" and "/\evil" would leave it (open redirect).
  private static boolean local(String path) {
    return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\");
  }
}
