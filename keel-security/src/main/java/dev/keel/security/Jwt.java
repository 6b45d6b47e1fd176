package dev.keel.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import dev.keel.core.Config;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues and verifies JSON Web Tokens with nimbus-jose-jwt. Tokens carry {@code sub} (the principal
 * id), {@code roles}, {@code permissions}, {@code iss}, {@code aud}, {@code iat}, {@code exp} and
 * {@code jti}, and a {@code kid} header naming the key that signed them.
 *
 * <pre>{@code
 * Jwt jwt = Jwt.from(app.config());                      // keel.security.jwt.* below
 * String token = jwt.issue(Principal.of("42").withRoles("admin"));
 * Principal p = jwt.verify(token);                        // throws TokenRejected
 *
 * // rotation: sign with the new key, still accept the old one until its tokens expired
 * Jwt rotated = Jwt.builder().key(JwtKey.hmac("2026-11", next)).key(JwtKey.hmac("2026-10", old))
 *     .signWith("2026-11").build();
 * }</pre>
 *
 * <p>Rejected, each with its own reason: anything but a compact JWS (so {@code alg: none} and
 * encrypted tokens), a header algorithm other than the key's (algorithm confusion: an HS256 token
 * "signed" with an RSA public key), a bad signature or tampered payload, a {@code kid} that is not
 * configured, a {@code jku}, {@code jwk}, {@code x5u} or {@code x5c} header (keys are never taken
 * from the token), {@code crit} headers, a missing or past {@code exp}, a future {@code nbf}, and a
 * foreign {@code iss} or {@code aud}, a {@code sub} that is missing, null, blank or not a string,
 * and {@code roles} or {@code permissions} that are not lists of strings; times allow the
 * configured clock skew. Tokens over 8 KiB are refused unparsed. Whether the {@code sub} is an
 * account of the app is {@link Security#accounts}'s question. Immutable and thread-safe.
 *
 * <table>
 *   <caption>Config keys under {@code keel.security.jwt.}</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code secret}</td><td>dev/test: random per start, with a warning; prod: required</td>
 *       <td>HS256 secret, at least 32 bytes ({@code KEEL_SECURITY_JWT_SECRET})</td></tr>
 *   <tr><td>{@code public-key}, {@code private-key}</td><td>none</td>
 *       <td>PEM files for RS256 / EdDSA instead of a secret</td></tr>
 *   <tr><td>{@code kid}</td><td>{@code k1}</td><td>the key's id</td></tr>
 *   <tr><td>{@code issuer}, {@code audience}</td><td>{@code keel}</td><td>{@code iss}/{@code aud}</td></tr>
 *   <tr><td>{@code ttl}</td><td>{@code 1h}</td><td>lifetime of issued tokens</td></tr>
 *   <tr><td>{@code clock-skew}</td><td>{@code 30s}</td><td>tolerance for exp/nbf, at most 5m</td></tr>
 * </table>
 */
public final class Jwt {
  private static final Logger LOG = LoggerFactory.getLogger(Jwt.class);
  private static final int MAX_TOKEN_CHARS = 8192;

  private final Map<String, JwtKey> keys;
  private final JwtKey signing;
  private final String issuer;
  private final String audience;
  private final Duration ttl;
  private final DefaultJWTClaimsVerifier<SecurityContext> claimsVerifier;
  private final Clock clock;

  private Jwt(Builder b) {
    if (b.keys.isEmpty()) throw new IllegalArgumentException("Jwt needs at least one key");
    this.keys = Map.copyOf(b.keys);
    String kid = b.signWith.orElse(b.keys.keySet().iterator().next());
    this.signing = keys.get(kid);
    if (signing == null) {
      throw new IllegalArgumentException(
          "signWith(\"" + kid + "\"): no such key; configured kids are " + keys.keySet());
    }
    this.issuer = b.issuer;
    this.audience = b.audience;
    this.ttl = b.ttl;
    this.clock = b.clock;
    this.claimsVerifier =
        new DefaultJWTClaimsVerifier<>(
            Set.of(audience),
            new JWTClaimsSet.Builder().issuer(issuer).build(),
            Set.of("sub", "exp", "iat"),
            Set.of());
    claimsVerifier.setMaxClockSkew((int) b.clockSkew.toSeconds());
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The JWT settings under {@code keel.security.jwt.}. A missing secret in the prod profile, or a
   * short one in any profile, is recorded on {@code config} and stops start-up with a message
   * naming the key and how to generate a secret.
   */
  public static Jwt from(Config config) {
    Config c = config.section("keel.security.jwt");
    String kid = c.string("kid", "k1");
    Builder b =
        builder()
            .issuer(c.string("issuer", "keel"))
            .audience(c.string("audience", "keel"))
            .ttl(c.duration("ttl", Duration.ofHours(1)))
            .clockSkew(c.duration("clock-skew", Duration.ofSeconds(30)));
    Optional<String> secret = c.string("secret");
    var publicKey = c.path("public-key");
    var privateKey = c.path("private-key");
    if (publicKey.isPresent()) {
      if (secret.isPresent()) {
        c.reject("secret", "set either keel.security.jwt.secret or the PEM key files, not both");
      }
      try {
        return b.key(JwtKey.fromPem(kid, publicKey.get(), privateKey)).build();
      } catch (IllegalArgumentException e) {
        c.reject("public-key", e.getMessage());
      }
    } else if (secret.isPresent()) {
      try {
        return b.key(JwtKey.hmac(kid, secret.get().getBytes(StandardCharsets.UTF_8))).build();
      } catch (IllegalArgumentException e) {
        c.reject("secret", e.getMessage());
      }
    } else if (config.isProd()) {
      c.reject(
          "secret",
          "required in the prod profile (tokens signed with a random per-start secret die at each"
              + " restart and differ between instances); set KEEL_SECURITY_JWT_SECRET to the output"
              + " of 'openssl rand -base64 48', or keel.security.jwt.public-key/private-key");
    } else {
      LOG.warn(
          "keel.security.jwt.secret is not set: signing JWTs with a random secret generated for"
              + " this run (profile {}); tokens stop working at restart. Set"
              + " KEEL_SECURITY_JWT_SECRET (openssl rand -base64 48) to keep them.",
          config.profile());
    }
    byte[] random = new byte[48];
    new SecureRandom().nextBytes(random);
    return b.key(JwtKey.hmac(kid, random)).build();
  }

  /** A token for {@code principal} valid for the configured time to live. */
  public String issue(Principal principal) {
    return issue(principal, ttl);
  }

  /** A token for {@code principal} valid for {@code ttl}. */
  public String issue(Principal principal, Duration ttl) {
    Instant now = clock.instant();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .subject(principal.id())
            .issuer(issuer)
            .audience(audience)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(ttl)))
            .jwtID(UUID.randomUUID().toString())
            .claim("roles", List.copyOf(principal.roles()))
            .claim("permissions", List.copyOf(principal.permissions()))
            .build();
    var signer =
        signing
            .signer()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "JWT key '" + signing.kid() + "' has no private key; it only verifies"));
    var jwt =
        new SignedJWT(
            new JWSHeader.Builder(signing.jwsAlgorithm())
                .keyID(signing.kid())
                .type(JOSEObjectType.JWT)
                .build(),
            claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("signing a JWT failed: " + e.getMessage(), e);
    }
    return jwt.serialize();
  }

  /**
   * The principal of a valid token.
   *
   * @throws TokenRejected naming why the token was refused
   */
  public Principal verify(String token) {
    if (token.isEmpty() || token.length() > MAX_TOKEN_CHARS) {
      throw new TokenRejected("token is empty or longer than " + MAX_TOKEN_CHARS + " characters");
    }
    SignedJWT jwt;
    try {
      jwt = SignedJWT.parse(token);
    } catch (ParseException e) {
      throw new TokenRejected("not a signed JWT (alg none and JWE are refused)");
    }
    JWSHeader header = jwt.getHeader();
    if (header.getJWKURL() != null
        || header.getJWK() != null
        || header.getX509CertURL() != null
        || header.getX509CertChain() != null) {
      throw new TokenRejected("token names its own key (jku, jwk, x5u or x5c header)");
    }
    if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
      throw new TokenRejected("token has critical header parameters");
    }
    JwtKey key = header.getKeyID() == null ? signing : keys.get(header.getKeyID());
    if (key == null) throw new TokenRejected("unknown key id (kid)");
    if (!key.jwsAlgorithm().equals(header.getAlgorithm())) {
      throw new TokenRejected("algorithm does not match the key's");
    }
    try {
      if (!jwt.verify(key.verifier())) throw new TokenRejected("bad signature");
    } catch (JOSEException | IllegalStateException e) {
      throw new TokenRejected("bad signature");
    }
    try {
      // nimbus turns a numeric or boolean sub into a string; RFC 7519 §4.1.2 wants a string
      Object sub = jwt.getPayload().toJSONObject().get("sub");
      if (sub != null && !(sub instanceof String)) throw new TokenRejected("sub is not a string");
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      claimsVerifier.verify(claims, null);
      String subject = claims.getSubject();
      if (subject == null || subject.isBlank()) throw new TokenRejected("no subject (sub)");
      return new Principal(subject, strings(claims, "roles"), strings(claims, "permissions"));
    } catch (BadJWTException e) {
      throw new TokenRejected(e.getMessage());
    } catch (ParseException | IllegalArgumentException e) {
      throw new TokenRejected("malformed claims");
    }
  }

  /** The configured keys' ids. */
  public Set<String> kids() {
    return keys.keySet();
  }

  /** The id of the key new tokens are signed with. */
  public String signingKid() {
    return signing.kid();
  }

  private static Set<String> strings(JWTClaimsSet claims, String name) throws ParseException {
    List<String> values = claims.getStringListClaim(name); // a ParseException unless strings
    if (values != null && values.contains(null)) throw new ParseException(name + ": null", 0);
    return values == null ? Set.of() : new HashSet<>(values);
  }

  /** Keys and claim settings; the first key added signs unless {@link #signWith} says otherwise. */
  public static final class Builder {
    private final Map<String, JwtKey> keys = new LinkedHashMap<>();
    private Optional<String> signWith = Optional.empty();
    private String issuer = "keel";
    private String audience = "keel";
    private Duration ttl = Duration.ofHours(1);
    private Duration clockSkew = Duration.ofSeconds(30);
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    public Builder key(JwtKey key) {
      if (keys.putIfAbsent(key.kid(), key) != null) {
        throw new IllegalArgumentException("two JWT keys have the kid '" + key.kid() + "'");
      }
      return this;
    }

    public Builder signWith(String kid) {
      this.signWith = Optional.of(kid);
      return this;
    }

    public Builder issuer(String issuer) {
      this.issuer = Objects.requireNonNull(issuer, "issuer");
      return this;
    }

    public Builder audience(String audience) {
      this.audience = Objects.requireNonNull(audience, "audience");
      return this;
    }

    public Builder ttl(Duration ttl) {
      if (ttl.isNegative() || ttl.isZero()) {
        throw new IllegalArgumentException("JWT ttl: " + ttl + " (expected: > 0)");
      }
      this.ttl = ttl;
      return this;
    }

    public Builder clockSkew(Duration skew) {
      if (skew.isNegative() || skew.compareTo(Duration.ofMinutes(5)) > 0) {
        throw new IllegalArgumentException("JWT clock-skew: " + skew + " (expected: 0s to 5m)");
      }
      this.clockSkew = skew;
      return this;
    }

    /** The clock for {@code iat}/{@code exp} of issued tokens; the system clock by default. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public Jwt build() {
      return new Jwt(this);
    }
  }
}
