package {{package}}.auth;

import dev.keel.core.Config;
import dev.keel.core.Keel;
import dev.keel.core.Plugin;
import dev.keel.security.Oidc;
import dev.keel.security.Security;
import dev.keel.security.Sessions;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in with an OpenID provider (Keycloak, Entra ID, Auth0, Google, ...): keel-security's {@code
 * Oidc.login(sessions)} with the keel.security.oidc.* settings (see README.md). It is on only when
 * keel.security.oidc.issuer is set, so the app starts without a provider; then GET /login/oidc
 * sends the browser to the provider, its callback signs the user in to a session, POST
 * /logout/oidc (with the CSRF token) signs out, and GET /me says who is signed in.
 */
public final class OidcLogin implements Plugin {
  private static final Logger LOG = LoggerFactory.getLogger(OidcLogin.class);

  private final Sessions sessions;

  public OidcLogin(Sessions sessions) {
    this.sessions = sessions;
  }

  @Override
  public void install(Keel app) {
    if (!configured(app.config())) {
      LOG.info("OpenID Connect login is off: set keel.security.oidc.issuer to turn it on");
      return;
    }
    app.install(Oidc.login(sessions));
    app.get(
        "/me",
        ctx -> {
          var user = Security.authenticated(ctx); // 401 when nobody is signed in
          return Map.of("id", user.id(), "roles", user.roles());
        });
  }

  /** Whether keel.security.oidc.issuer (KEEL_SECURITY_OIDC_ISSUER) names a provider. */
  public static boolean configured(Config config) {
    return config.string("keel.security.oidc.issuer").filter(s -> !s.isBlank()).isPresent();
  }
}
