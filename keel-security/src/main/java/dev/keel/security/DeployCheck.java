package dev.keel.security;

import dev.keel.core.Config;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The deployment checks; ids and fixes are listed in the module README. */
final class DeployCheck {
  private DeployCheck() {}

  static List<DeployFinding> run(Config config, boolean csrfEnabled) {
    var findings = new ArrayList<DeployFinding>();
    if (!config.isProd()) {
      findings.add(
          new DeployFinding(
              "keel.security.W001",
              "the profile is '"
                  + config.profile()
                  + "', which turns on development conveniences (random JWT secret, cookies"
                  + " without Secure).",
              "run with KEEL_PROFILE=prod."));
    }
    boolean tls = config.string("keel.server.tls.cert").isPresent();
    boolean hsts = config.string("keel.secure-headers.strict-transport-security").isPresent();
    if (!tls && !hsts) {
      findings.add(
          new DeployFinding(
              "keel.security.W002",
              "the app serves plain HTTP and sends no Strict-Transport-Security header.",
              "set keel.server.tls.cert/key, or, behind a TLS proxy, set"
                  + " keel.secure-headers.strict-transport-security=max-age=31536000."));
    }
    if (config.string("keel.security.jwt.secret").isEmpty()
        && config.string("keel.security.jwt.public-key").isEmpty()) {
      findings.add(
          new DeployFinding(
              "keel.security.E001",
              "no JWT key is configured; tokens are signed with a random per-start secret.",
              "set KEEL_SECURITY_JWT_SECRET to the output of 'openssl rand -base64 48'."));
    }
    if (!config.bool("keel.security.session.secure", !config.isDev())) {
      findings.add(
          new DeployFinding(
              "keel.security.W003",
              "session cookies are sent without Secure, so also over plain HTTP.",
              "remove keel.security.session.secure=false."));
    }
    if (!csrfEnabled) {
      findings.add(
          new DeployFinding(
              "keel.security.W004",
              "CSRF checks are off for cookie-authenticated requests.",
              "remove keel.security.csrf.enabled=false."));
    }
    if (config.list("keel.cors.origins", List.of()).contains("*")
        && config.bool("keel.cors.credentials", false)) {
      findings.add(
          new DeployFinding(
              "keel.security.W005",
              "CORS allows every origin with credentials.",
              "list your front-end origins in keel.cors.origins."));
    }
    if (config.duration("keel.security.jwt.ttl", Duration.ofHours(1)).toHours() > 24) {
      findings.add(
          new DeployFinding(
              "keel.security.W006",
              "JWTs live longer than a day and cannot be revoked before they expire.",
              "set keel.security.jwt.ttl to 1h or less and refresh tokens, or use sessions."));
    }
    if (config.list("keel.security.trusted-proxies", List.of()).contains("*")) {
      findings.add(
          new DeployFinding(
              "keel.security.W007",
              "X-Forwarded-For is trusted from any address, so clients choose their own IP"
                  + " (rate limits and logs become meaningless).",
              "list your load balancers' addresses in keel.security.trusted-proxies."));
    }
    if (config.isProd() && config.list("keel.server.allowed-hosts", List.of()).isEmpty()) {
      findings.add(
          new DeployFinding(
              "keel.security.W008",
              "any Host header is accepted, so links built from it (password reset mails) can"
                  + " point elsewhere.",
              "list your domains in keel.server.allowed-hosts."));
    }
    if (!config.bool("keel.security.secure-headers", true)) {
      findings.add(
          new DeployFinding(
              "keel.security.W009",
              "secure response headers (CSP, X-Frame-Options, nosniff) are off.",
              "remove keel.security.secure-headers=false."));
    }
    return findings;
  }
}
