package dev.keel.security.internal.oidc;

import java.util.Locale;

/** Nimbus' validation messages as short, stable reasons a developer can act on. */
public final class Rejections {
  private Rejections() {}

  /** The reason for {@code e} from validating a token, never containing the token. */
  public static String reason(Exception e) {
    String m = String.valueOf(e.getMessage());
    String lower = m.toLowerCase(Locale.ROOT);
    if (lower.contains("missing")) return "the token lacks a required claim: " + m;
    if (lower.contains("expired")) return "the token has expired (exp)";
    if (lower.contains("aud")) return "the token is for another audience (aud)";
    if (lower.contains("iss")) return "the token is from another issuer (iss)";
    if (lower.contains("nonce")) return "the nonce does not match this login";
    if (lower.contains("not yet valid") || lower.contains("nbf")) {
      return "the token is not valid yet (nbf)";
    }
    if (lower.contains("rate limit")) {
      return "the signing key is unknown and the provider's keys were fetched too recently";
    }
    if (lower.contains("no matching key") || lower.contains("signature")) {
      return "the signature does not verify with the provider's keys (wrong key or algorithm)";
    }
    if (lower.contains("type")) return "the token's typ header is not that of an access token";
    return m;
  }
}
