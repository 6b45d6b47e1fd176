package dev.keel.security;

import dev.keel.core.AttributeKey;
import dev.keel.core.Config;
import dev.keel.core.Context;
import dev.keel.core.Cookie;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Server-side sessions for browser apps: the cookie holds only an opaque 256-bit random value
 * ({@code HttpOnly}, {@code SameSite=Lax}, {@code Secure} outside the dev profile); the store keeps
 * the session under the value's SHA-256 digest.
 *
 * <pre>{@code
 * Sessions sessions = Sessions.from(app.config(), new MemorySessionStore());
 * app.install(Security.create();
 * app.post("/login", ctx -> {
 *   User user = checkPassword(ctx);                 // your code, with PasswordHasher
 *   sessions.login(ctx, Principal.of(user.id()));  // a new id: the old one stops working
 *   return "welcome";
 * });
 * app.post("/logout", ctx -> { sessions.logout(ctx); return null; });
 * }</pre>
 *
 * <p>{@link #login} and {@link #rotate} issue a new id and delete the old one (no session
 * fixation); {@link #logout} deletes the session from the store, so a copied cookie is dead too. A
 * session ends after {@code idle-timeout} without requests or {@code absolute-timeout} after login,
 * whichever comes first.
 *
 * <table>
 *   <caption>Config keys under {@code keel.security.session.}</caption>
 *   <tr><th>key</th><th>default</th></tr>
 *   <tr><td>{@code cookie}</td><td>{@code keel_session}</td></tr>
 *   <tr><td>{@code idle-timeout}</td><td>{@code 30m}</td></tr>
 *   <tr><td>{@code absolute-timeout}</td><td>{@code 12h}</td></tr>
 *   <tr><td>{@code secure}</td><td>{@code false} in the dev profile, else {@code true}</td></tr>
 * </table>
 */
public final class Sessions {
  static final AttributeKey<Session> SESSION =
      AttributeKey.of("keel.security.session", Session.class);

  private final SessionStore store;
  private final String cookieName;
  private final Duration idle;
  private final Duration absolute;
  private final boolean secure;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  private Sessions(Builder b) {
    this.store = b.store;
    this.cookieName = b.cookieName;
    this.idle = b.idle;
    this.absolute = b.absolute;
    this.secure = b.secure;
    this.clock = b.clock;
    if (idle.compareTo(absolute) > 0) {
      throw new IllegalArgumentException(
          "session idle-timeout " + idle + " is longer than absolute-timeout " + absolute);
    }
  }

  public static Builder builder(SessionStore store) {
    return new Builder(store);
  }

  /** Sessions in {@code store} with the {@code keel.security.session.*} settings. */
  public static Sessions from(Config config, SessionStore store) {
    Config c = config.section("keel.security.session");
    return builder(store)
        .cookie(c.string("cookie", "keel_session"))
        .idleTimeout(c.duration("idle-timeout", Duration.ofMinutes(30)))
        .absoluteTimeout(c.duration("absolute-timeout", Duration.ofHours(12)))
        .secure(c.bool("secure", !config.isDev()))
        .build();
  }

  /** The cookie's name. */
  public String cookieName() {
    return cookieName;
  }

  /** Whether the cookie carries {@code Secure}. */
  public boolean secure() {
    return secure;
  }

  /** The request's live session, loaded once per request. */
  public Optional<Session> current(Context ctx) {
    Optional<Session> cached = ctx.attribute(SESSION);
    if (cached.isPresent()) return cached;
    Optional<String> cookie = ctx.cookie(cookieName);
    if (cookie.isEmpty() || cookie.get().length() > 100) return Optional.empty();
    String id = digest(cookie.get());
    Optional<Session> found = store.find(id);
    if (found.isEmpty()) return Optional.empty();
    Session s = found.get();
    Instant now = clock.instant();
    if (now.isAfter(s.lastSeenAt().plus(idle)) || now.isAfter(s.createdAt().plus(absolute))) {
      store.delete(id);
      return Optional.empty();
    }
    if (Duration.between(s.lastSeenAt(), now).compareTo(idle.dividedBy(20)) > 0) {
      s = s.seenAt(now);
      store.save(s, ttl(s));
    }
    ctx.attribute(SESSION, s);
    return Optional.of(s);
  }

  /** The current session, or a new anonymous one (to hold a CSRF token for a login form). */
  public Session start(Context ctx) {
    return current(ctx).orElseGet(() -> create(ctx, Optional.empty(), Map.of()));
  }

  /**
   * Logs {@code principal} in: deletes the request's old session, if any, and starts one under a
   * new id with a new CSRF token.
   */
  public Session login(Context ctx, Principal principal) {
    Objects.requireNonNull(principal, "principal");
    Map<String, String> data = current(ctx).map(Session::data).orElse(Map.of());
    destroy(ctx);
    Session s = create(ctx, Optional.of(principal), data);
    SecurityEvents.info("login_succeeded", ctx, principal.id(), "session");
    return s;
  }

  /**
   * Moves the session to a new id, e.g. after a privilege change, replacing its principal.
   *
   * @throws IllegalStateException when the request has no session
   */
  public Session rotate(Context ctx, Principal principal) {
    Session old =
        current(ctx)
            .orElseThrow(() -> new IllegalStateException("rotate(): the request has no session"));
    destroy(ctx);
    return create(ctx, Optional.of(principal), old.data());
  }

  /**
   * Replaces the small values kept with the request's session, starting an anonymous session when
   * there is none (the OpenID Connect login keeps its state, nonce and PKCE verifier here).
   */
  Session data(Context ctx, Map<String, String> data) {
    Session s = start(ctx);
    Session changed =
        new Session(s.id(), s.principal(), s.csrfToken(), s.createdAt(), s.lastSeenAt(), data);
    store.save(changed, ttl(changed));
    ctx.attribute(SESSION, changed);
    return changed;
  }

  /** Deletes the session server-side and tells the browser to drop the cookie. */
  public void logout(Context ctx) {
    current(ctx)
        .ifPresent(
            s ->
                SecurityEvents.info(
                    "logout", ctx, s.principal().map(Principal::id).orElse(""), ""));
    destroy(ctx);
    ctx.attribute(SESSION, null);
    ctx.cookie(cookie("").withMaxAge(Duration.ZERO));
  }

  private void destroy(Context ctx) {
    current(ctx).ifPresent(s -> store.delete(s.id()));
    ctx.cookie(cookieName).ifPresent(value -> store.delete(digest(value)));
  }

  private Session create(Context ctx, Optional<Principal> principal, Map<String, String> data) {
    String value = token();
    Instant now = clock.instant();
    Session s = new Session(digest(value), principal, token(), now, now, data);
    store.save(s, ttl(s));
    ctx.attribute(SESSION, s);
    ctx.cookie(cookie(value));
    return s;
  }

  private Cookie cookie(String value) {
    return Cookie.of(cookieName, value)
        .withSecure(secure)
        .withHttpOnly(true)
        .withSameSite(Cookie.SameSite.LAX);
  }

  private Duration ttl(Session s) {
    Duration left = Duration.between(clock.instant(), s.createdAt().plus(absolute));
    return left.compareTo(idle) < 0 ? left.plusSeconds(1) : idle.plusSeconds(1);
  }

  private String token() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String digest(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  /** Settings; defaults as in the class description, {@code secure} true. */
  public static final class Builder {
    private final SessionStore store;
    private String cookieName = "keel_session";
    private Duration idle = Duration.ofMinutes(30);
    private Duration absolute = Duration.ofHours(12);
    private boolean secure = true;
    private Clock clock = Clock.systemUTC();

    private Builder(SessionStore store) {
      this.store = Objects.requireNonNull(store, "store");
    }

    public Builder cookie(String name) {
      Cookie.of(name, "x"); // validates the name
      this.cookieName = name;
      return this;
    }

    public Builder idleTimeout(Duration idle) {
      this.idle = positive("idle-timeout", idle);
      return this;
    }

    public Builder absoluteTimeout(Duration absolute) {
      this.absolute = positive("absolute-timeout", absolute);
      return this;
    }

    public Builder secure(boolean secure) {
      this.secure = secure;
      return this;
    }

    /** The clock timeouts are measured with; the system clock by default. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public Sessions build() {
      return new Sessions(this);
    }

    private static Duration positive(String name, Duration d) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("session " + name + ": " + d + " (expected: > 0)");
      }
      return d;
    }
  }
}
