package dev.keel.security;

import dev.keel.core.AttributeKey;
import dev.keel.core.Config;
import dev.keel.core.Context;
import dev.keel.core.Forbidden;
import dev.keel.core.Keel;
import dev.keel.core.Middleware;
import dev.keel.core.Plugin;
import dev.keel.core.ProblemTypes;
import dev.keel.core.SecureHeaders;
import dev.keel.core.Unauthorized;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authentication and authorization for a Keel app. Installed, it adds one middleware that finds who
 * is calling — a JWT in {@code Authorization: <scheme> <token>}, an API key in {@code X-API-Key},
 * or a session cookie — and stores the {@link Principal} as a request attribute. A bad token or key
 * answers 401 at once; no credentials leaves the request anonymous for the guards to decide. The
 * header is read strictly: the scheme in any case, one space, a token68 (RFC 9110 §11.6.2, RFC 6750
 * §2.1); anything else is 401 with {@code error="invalid_request"} and the reason. With {@link
 * #accounts} the principal must also be an account of the app.
 *
 * <pre>{@code
 * Keel app = Keel.create(args);
 * Security security = Security.create();                     // keel.security.* settings
 * app.install(security);
 * app.post("/login", ctx -> security.jwt().issue(Principal.of("42")));
 * app.group("/api/articles", api -> {
 *   api.use(Security.requires("articles:write"));              // 401 / 403
 *   api.post("", ctx -> "created by " + Security.principal(ctx).orElseThrow().id());
 * });
 * app.put("/api/articles/{slug}", ctx -> {
 *   Article a = articles.find(ctx.pathParam("slug"));
 *   Security.requireOwner(ctx, a.authorId());                  // 403 unless the author
 *   return articles.update(a, ctx.body(ArticleUpdate.class));
 * });
 * }</pre>
 *
 * <p>Failures answer problem+json: 401 with {@code WWW-Authenticate: <scheme> realm="keel"} (and
 * {@code error="invalid_token"} for a bad token) when unauthenticated, 403 when authenticated but
 * not allowed — never mixed up. Cookie-authenticated unsafe requests are checked for CSRF: a
 * cross-site {@code Sec-Fetch-Site} or foreign {@code Origin} is refused and the session's token
 * must come back as a {@code _csrf} form field or {@code X-CSRF-Token} header (403 otherwise);
 * bearer tokens and API keys are exempt, as browsers do not attach them on their own. Every
 * rejection is a {@link SecurityEvents} event.
 *
 * <p>Config: {@code keel.security.jwt.*} ({@link Jwt}), {@code keel.security.session.*} ({@link
 * Sessions}), {@code keel.security.scheme} (default {@code Bearer}; Conduit uses {@code Token}),
 * {@code keel.security.csrf.enabled} (default true), {@code keel.security.csrf.trusted-origins},
 * {@code keel.security.trusted-proxies} (addresses whose {@code X-Forwarded-For} is believed) and
 * {@code keel.security.secure-headers} (default true: {@link #install} adds keel-core's {@link
 * SecureHeaders#from}).
 */
public final class Security implements Plugin {
  /** The authenticated principal of the request, when there is one. */
  public static final AttributeKey<Principal> PRINCIPAL =
      AttributeKey.of("keel.security.principal", Principal.class);

  private static final AttributeKey<String> CLIENT_IP =
      AttributeKey.of("keel.security.client-ip", String.class);
  private static final AttributeKey<String> SCHEME =
      AttributeKey.of("keel.security.scheme", String.class);
  private static final Logger LOG = LoggerFactory.getLogger(Security.class);

  private final Builder options;
  private volatile Settings settings; // set by install

  /** What {@link #install} read: the configuration and the parts built from it. */
  private record Settings(
      Config config,
      Jwt jwt,
      String scheme,
      Optional<Sessions> sessions,
      Optional<ApiKeys> apiKeys,
      Csrf csrf,
      Set<String> trustedProxies,
      Predicate<Principal> accounts,
      Function<String, Principal> bearer) {}

  private Security(Builder options) {
    this.options = options;
  }

  /** JWT and CSRF from the {@code keel.security.*} settings; no sessions or API keys. */
  public static Security create() {
    return builder().build();
  }

  /** Sessions, API keys, a JWT set-up of your own or an account check, set in code. */
  public static Builder builder() {
    return new Builder();
  }

  /** Code settings of {@link Security}; all optional. */
  public static final class Builder {
    private Sessions sessions;
    private ApiKeys apiKeys;
    private Jwt jwt;
    private Predicate<Principal> accounts = p -> true;
    private Function<String, Principal> bearer;

    private Builder() {}

    /**
     * Checks bearer tokens with {@code verify} instead of this app's {@link Jwt}, e.g. {@link
     * OidcResourceServer#verify} for access tokens from an OpenID provider. {@code verify} returns
     * the token's principal or throws {@link TokenRejected} (401).
     */
    public Builder bearerTokens(Function<String, Principal> verify) {
      this.bearer = Objects.requireNonNull(verify, "verify");
      return this;
    }

    /** Browser sessions (cookie authentication, CSRF-checked). */
    public Builder sessions(Sessions sessions) {
      this.sessions = Objects.requireNonNull(sessions, "sessions");
      return this;
    }

    /** API keys accepted in {@code X-API-Key}. */
    public Builder apiKeys(ApiKeys apiKeys) {
      this.apiKeys = Objects.requireNonNull(apiKeys, "apiKeys");
      return this;
    }

    /** Another JWT set-up than {@code keel.security.jwt.*}'s, e.g. several keys for rotation. */
    public Builder jwt(Jwt jwt) {
      this.jwt = Objects.requireNonNull(jwt, "jwt");
      return this;
    }

    /**
     * Checks that each authenticated principal is an account of the app. A token that verifies may
     * still name no account: one deleted since it was issued, or a {@code sub} that is not in the
     * app's id format (a token signed with a leaked or shared key, or by another app). Without this
     * check the handler that looks the account up fails instead, often with a 500.
     *
     * <p>{@code exists} runs once per authenticated request (make it a primary-key look-up). When
     * it answers false, or throws an {@link IllegalArgumentException} such as the {@link
     * NumberFormatException} of {@code Long.parseLong(p.id())}, a bearer token or API key gets 401
     * with {@code error="invalid_token", error_description="no such account"}, and a session is
     * logged out, leaving the request anonymous.
     *
     * <pre>{@code
     * Security.builder().accounts(p -> users.existsById(Long.parseLong(p.id()))).build()
     * }</pre>
     */
    public Builder accounts(Predicate<Principal> exists) {
      this.accounts = Objects.requireNonNull(exists, "exists");
      return this;
    }

    public Security build() {
      return new Security(this);
    }
  }

  private Settings settings() {
    Settings s = settings;
    if (s == null) {
      throw new IllegalStateException(
          "Security reads its keel.security.* settings when installed: app.install(security)"
              + " first");
    }
    return s;
  }

  /** The tokens this application issues and accepts; available once installed. */
  public Jwt jwt() {
    return settings().jwt();
  }

  /** The {@code Authorization} scheme read and challenged, {@code Bearer} by default. */
  public String scheme() {
    return settings().scheme();
  }

  /**
   * Reads the {@code keel.security.*} settings and adds the middleware; see the class description.
   */
  @Override
  public void install(Keel app) {
    if (settings != null) throw new IllegalStateException("this Security is installed already");
    Config config = app.config();
    String scheme = config.string("keel.security.scheme", "Bearer");
    if (!scheme.matches("[A-Za-z][A-Za-z0-9-]{0,31}")) {
      config.reject("keel.security.scheme", "expected an auth scheme such as Bearer or Token");
      scheme = "Bearer";
    }
    Jwt jwt = options.jwt != null ? options.jwt : Jwt.from(config);
    settings =
        new Settings(
            config,
            jwt,
            scheme,
            Optional.ofNullable(options.sessions),
            Optional.ofNullable(options.apiKeys),
            Csrf.from(config),
            Set.copyOf(config.list("keel.security.trusted-proxies", List.of())),
            options.accounts,
            options.bearer != null ? options.bearer : jwt::verify);
    if (config.bool("keel.security.secure-headers", true)) {
      app.use(SecureHeaders.from(config));
    }
    app.use(middleware());
    boolean strict = config.bool("keel.security.deploy-check.strict", false);
    if (config.isProd() || strict) {
      for (DeployFinding f : deployCheck()) {
        if (strict) {
          config.reject("keel.security.deploy-check.strict", f.toString());
        } else {
          LOG.warn("{}: {} Fix: {}", f.id(), f.problem(), f.fix());
        }
      }
    }
  }

  /**
   * Insecure settings of this app, each with an id and a fix. In the prod profile {@link #install}
   * logs them as warnings at start-up; with {@code keel.security.deploy-check.strict=true} they
   * stop start-up instead.
   */
  public List<DeployFinding> deployCheck() {
    return deployCheck(settings().config());
  }

  /** The deploy check of an application whose configuration is {@code config}, without it. */
  public static List<DeployFinding> deployCheck(Config config) {
    return DeployCheck.run(config, Csrf.from(config).enabled());
  }

  /** The authentication middleware that {@link #install} adds; for apps that order it by hand. */
  public Middleware middleware() {
    Settings s = settings();
    Optional<ApiKeys> apiKeys = s.apiKeys();
    Optional<Sessions> sessions = s.sessions();
    return next ->
        ctx -> {
          ctx.attribute(SCHEME, s.scheme());
          if (!s.trustedProxies().isEmpty()) ctx.attribute(CLIENT_IP, forwardedFor(ctx));
          Optional<String> authorization = ctx.header("Authorization");
          Optional<String> apiKey = ctx.header("X-API-Key");
          if (authorization.isPresent()) {
            ctx.attribute(PRINCIPAL, bearer(ctx, authorization.get()));
          } else if (apiKey.isPresent() && apiKeys.isPresent()) {
            try {
              ctx.attribute(PRINCIPAL, known(apiKeys.get().authenticate(apiKey.get())));
            } catch (TokenRejected e) {
              throw rejected(ctx, e);
            }
          } else if (sessions.isPresent() && ctx.cookie(sessions.get().cookieName()).isPresent()) {
            Optional<Session> session = sessions.get().current(ctx);
            s.csrf().check(ctx, session);
            Optional<Principal> p = session.flatMap(Session::principal);
            if (p.isPresent() && exists(p.get())) {
              ctx.attribute(PRINCIPAL, p.get());
            } else if (p.isPresent()) {
              SecurityEvents.warn("session_rejected", ctx, p.get().id(), "no such account");
              sessions.get().logout(ctx); // the account is gone: so is its session
            }
          }
          return next.handle(ctx);
        };
  }

  private Principal bearer(Context ctx, String header) {
    String scheme = settings.scheme();
    Optional<String> malformed = Authorization.malformed(header, scheme);
    if (malformed.isPresent()) {
      String why = malformed.get();
      ctx.header(
          "WWW-Authenticate",
          challenge(ctx) + ", error=\"invalid_request\", error_description=\"" + why + "\"");
      SecurityEvents.warn("token_rejected", ctx, "", why);
      throw new Unauthorized(
          SecurityProblems.AUTHORIZATION_MALFORMED,
          "the Authorization header must read '" + scheme + " <token>': " + why);
    }
    try {
      return known(settings.bearer().apply(Authorization.token(header, scheme)));
    } catch (TokenRejected e) {
      throw rejected(ctx, e);
    }
  }

  private Principal known(Principal p) {
    if (!exists(p)) throw new TokenRejected("no such account");
    return p;
  }

  private boolean exists(Principal p) {
    try {
      return settings.accounts().test(p);
    } catch (IllegalArgumentException notAnId) {
      return false;
    }
  }

  private static Unauthorized rejected(Context ctx, TokenRejected e) {
    SecurityEvents.warn("token_rejected", ctx, "", e.reason());
    ctx.header(
        "WWW-Authenticate",
        challenge(ctx) + ", error=\"invalid_token\", error_description=\"" + e.reason() + "\"");
    return new Unauthorized(
        SecurityProblems.TOKEN_INVALID, "the credentials were rejected: " + e.reason());
  }

  /**
   * The client's address: the rightmost {@code X-Forwarded-For} entry that is not a trusted proxy
   * when the request came through one listed in {@code keel.security.trusted-proxies}, else the
   * connection's remote address. Forwarded headers from anyone else are ignored.
   */
  public static String clientIp(Context ctx) {
    return ctx.attribute(CLIENT_IP).orElseGet(() -> remoteIp(ctx));
  }

  private String forwardedFor(Context ctx) {
    String ip = remoteIp(ctx);
    if (!trusted(ip)) return ip;
    List<String> hops = ctx.headers("X-Forwarded-For");
    for (int h = hops.size() - 1; h >= 0; h--) {
      String[] parts = hops.get(h).split(",");
      for (int i = parts.length - 1; i >= 0; i--) {
        String hop = parts[i].strip();
        if (hop.isEmpty()) continue;
        if (!trusted(hop)) return hop;
        ip = hop;
      }
    }
    return ip;
  }

  private boolean trusted(String ip) {
    Set<String> trustedProxies = settings.trustedProxies();
    return trustedProxies.contains("*") || trustedProxies.contains(ip);
  }

  private static String remoteIp(Context ctx) {
    var address = ctx.remoteAddress();
    return address.getAddress() == null
        ? address.getHostString()
        : address.getAddress().getHostAddress();
  }

  // ---- reading the principal and guarding routes

  /** The request's principal, if it was authenticated. */
  public static Optional<Principal> principal(Context ctx) {
    return ctx.attribute(PRINCIPAL);
  }

  /**
   * The request's principal.
   *
   * @throws Unauthorized (401 with {@code WWW-Authenticate}) when the request is anonymous
   */
  public static Principal authenticated(Context ctx) {
    Optional<Principal> p = ctx.attribute(PRINCIPAL);
    if (p.isPresent()) return p.get();
    ctx.header("WWW-Authenticate", challenge(ctx));
    throw new Unauthorized(
        ProblemTypes.UNAUTHENTICATED,
        "this endpoint needs authentication; send 'Authorization: "
            + ctx.attribute(SCHEME).orElse("Bearer")
            + " <token>' or log in");
  }

  /**
   * A guard for routes and groups: 401 when anonymous, 403 unless the principal holds every one of
   * {@code permissions}.
   */
  public static Middleware requires(String... permissions) {
    String[] required = permissions.clone();
    return next ->
        ctx -> {
          authorize(ctx, required);
          return next.handle(ctx);
        };
  }

  /**
   * The guard of {@link #requires} as a call, which the routes generated for {@link
   * Requires @Requires} controllers make before reading any parameter.
   *
   * @return the principal, which holds every one of {@code permissions}
   * @throws Unauthorized (401 with {@code WWW-Authenticate}) when the request is anonymous
   * @throws Forbidden (403) when the principal lacks one of the permissions
   */
  public static Principal authorize(Context ctx, String... permissions) {
    Principal p = authenticated(ctx);
    for (String permission : permissions) {
      if (!p.can(permission)) throw denied(ctx, p, "needs permission " + permission);
    }
    return p;
  }

  /** A guard: 401 when anonymous, 403 unless the principal has one of {@code roles}. */
  public static Middleware requiresRole(String... roles) {
    Set<String> any = Set.of(roles);
    return next ->
        ctx -> {
          Principal p = authenticated(ctx);
          if (p.roles().stream().noneMatch(any::contains)) {
            throw denied(ctx, p, "needs one of the roles " + any);
          }
          return next.handle(ctx);
        };
  }

  /**
   * A resource-level check: returns the principal when it is {@code ownerId} (the article's author,
   * the order's customer); otherwise 403 (401 when anonymous). Call it after loading the resource
   * and before changing it, so that knowing another user's id is never enough.
   */
  public static Principal requireOwner(Context ctx, String ownerId) {
    Principal p = authenticated(ctx);
    if (!p.id().equals(Objects.requireNonNull(ownerId, "ownerId"))) {
      throw denied(ctx, p, "only the owner may do this");
    }
    return p;
  }

  /**
   * Like {@link #requireOwner} but also lets principals holding {@code overridePermission} (an
   * admin's {@code articles:moderate}) through.
   */
  public static Principal requireOwnerOr(Context ctx, String ownerId, String overridePermission) {
    Principal p = authenticated(ctx);
    if (!p.id().equals(ownerId) && !p.can(overridePermission)) {
      throw denied(ctx, p, "only the owner or a holder of " + overridePermission + " may do this");
    }
    return p;
  }

  /**
   * The CSRF token of the request's session, to render in forms as a hidden {@code _csrf} field.
   */
  public static Optional<String> csrfToken(Context ctx) {
    return ctx.attribute(Sessions.SESSION).map(Session::csrfToken);
  }

  private static Forbidden denied(Context ctx, Principal p, String why) {
    SecurityEvents.warn("permission_denied", ctx, p.id(), why);
    return new Forbidden(
        SecurityProblems.FORBIDDEN, "you are signed in but not allowed to do this: " + why);
  }

  private static String challenge(Context ctx) {
    return ctx.attribute(SCHEME).orElse("Bearer") + " realm=\"keel\"";
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
