package dev.keel.security;

import dev.keel.core.Context;
import dev.keel.core.TooManyRequests;
import java.time.Duration;
import java.util.Locale;

/**
 * Throttles login attempts by account and by client IP, so that neither guessing one account's
 * password nor spraying many accounts from one address works. Call {@link #check} before checking
 * the password; over a limit it answers 429 with {@code Retry-After} and logs {@code
 * login_throttled}.
 *
 * <pre>{@code
 * LoginThrottle throttle = LoginThrottle.defaults();
 * app.post("/login", ctx -> {
 *   var form = ctx.body(LoginForm.class);
 *   throttle.check(ctx, form.email());
 *   ...
 * });
 * }</pre>
 */
public final class LoginThrottle {
  private final RateLimit perAccount;
  private final RateLimit perIp;

  public LoginThrottle(RateLimit perAccount, RateLimit perIp) {
    this.perAccount = perAccount;
    this.perIp = perIp;
  }

  /** 5 attempts per account per minute and 20 per client IP per minute, in memory. */
  public static LoginThrottle defaults() {
    return defaults(RateLimitStore.memory());
  }

  /** The {@link #defaults()} limits kept in {@code store}, e.g. Redis for several instances. */
  public static LoginThrottle defaults(RateLimitStore store) {
    return new LoginThrottle(
        RateLimit.of("login-account", 5, Duration.ofMinutes(1), store),
        RateLimit.of("login-ip", 20, Duration.ofMinutes(1), store));
  }

  /**
   * Counts one attempt for {@code account} (case-insensitive) and the client IP.
   *
   * @throws TooManyRequests when either is over its limit
   */
  public void check(Context ctx, String account) {
    String normalized = account.strip().toLowerCase(Locale.ROOT);
    try {
      perIp.check(ctx, Security.clientIp(ctx));
      perAccount.check(ctx, normalized);
    } catch (TooManyRequests e) {
      SecurityEvents.warn("login_throttled", ctx, normalized, e.getMessage());
      throw e;
    }
  }
}
