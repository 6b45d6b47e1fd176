package dev.keel.security;

import dev.keel.core.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Security events as structured SLF4J events on the logger {@code dev.keel.security.events}: the
 * message is the event name and key/value pairs carry {@code event}, {@code principal}, {@code
 * request_id}, {@code ip}, {@code route} and a {@code reason}. Tokens, passwords, session ids and
 * API keys are never logged.
 *
 * <table>
 *   <caption>Events</caption>
 *   <tr><th>event</th><th>level</th><th>when</th></tr>
 *   <tr><td>{@code login_succeeded}</td><td>INFO</td><td>{@link #loginSucceeded}</td></tr>
 *   <tr><td>{@code login_failed}</td><td>WARN</td><td>{@link #loginFailed}</td></tr>
 *   <tr><td>{@code login_throttled}</td><td>WARN</td><td>a login over its rate limit (lock-out)</td></tr>
 *   <tr><td>{@code token_rejected}</td><td>WARN</td><td>a bad JWT or API key</td></tr>
 *   <tr><td>{@code permission_denied}</td><td>WARN</td><td>a 403 from a guard</td></tr>
 *   <tr><td>{@code logout}</td><td>INFO</td><td>a session destroyed</td></tr>
 *   <tr><td>{@code oidc_login_rejected}</td><td>WARN</td><td>a refused {@link Oidc} callback; the
 *       reason starts with the problem code</td></tr>
 * </table>
 */
public final class SecurityEvents {
  /** The logger name; route it to an audit appender to keep the events apart. */
  public static final String LOGGER = "dev.keel.security.events";

  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  private SecurityEvents() {}

  /** A login that succeeded for the account {@code principalId}. */
  public static void loginSucceeded(Context ctx, String principalId) {
    info("login_succeeded", ctx, principalId, "");
  }

  /**
   * A failed login. {@code account} is what was typed as the account name (an email, not a
   * password); {@code reason} a short constant such as {@code bad_credentials}.
   */
  public static void loginFailed(Context ctx, String account, String reason) {
    warn("login_failed", ctx, account, reason);
  }

  static void info(String event, Context ctx, String principal, String reason) {
    LOG.atInfo()
        .setMessage(event)
        .addKeyValue("event", event)
        .addKeyValue("principal", principal)
        .addKeyValue("request_id", ctx.requestId())
        .addKeyValue("ip", ip(ctx))
        .addKeyValue("route", ctx.method() + " " + ctx.routeTemplate())
        .addKeyValue("reason", reason)
        .log();
  }

  static void warn(String event, Context ctx, String principal, String reason) {
    LOG.atWarn()
        .setMessage(event)
        .addKeyValue("event", event)
        .addKeyValue("principal", principal)
        .addKeyValue("request_id", ctx.requestId())
        .addKeyValue("ip", ip(ctx))
        .addKeyValue("route", ctx.method() + " " + ctx.routeTemplate())
        .addKeyValue("reason", reason)
        .log();
  }

  static String ip(Context ctx) {
    var address = ctx.remoteAddress();
    return address.getAddress() == null
        ? address.getHostString()
        : address.getAddress().getHostAddress();
  }
}
