package dev.keel.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import dev.keel.security.internal.EdDsa;
import dev.keel.security.internal.Pem;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Objects;
import java.util.Optional;

/**
 * One JWT key, named by its {@code kid} and bound to exactly one algorithm: {@code HS256} (a shared
 * secret of at least 32 bytes), {@code RS256} (RSA, at least 2048 bits) or {@code EdDSA} (Ed25519).
 * A token whose header names another algorithm than its key's is rejected, which is what stops
 * algorithm confusion. A key without its private half only verifies. Immutable.
 */
public final class JwtKey {
  /** The shortest HMAC secret accepted: 32 bytes, the HS256 output size (RFC 7518, 3.2). */
  public static final int MIN_SECRET_BYTES = 32;

  private final String kid;
  private final JWSAlgorithm algorithm;
  private final JWSVerifier verifier;
  private final Optional<JWSSigner> signer;

  private JwtKey(String kid, JWSAlgorithm algorithm, JWSVerifier verifier, Optional<JWSSigner> s) {
    Objects.requireNonNull(kid, "kid");
    if (kid.isBlank() || kid.length() > 64) {
      throw new IllegalArgumentException("JWT kid: '" + kid + "' (expected: 1-64 characters)");
    }
    this.kid = kid;
    this.algorithm = algorithm;
    this.verifier = verifier;
    this.signer = s;
  }

  /** An HS256 key; {@code secret} must have at least {@value #MIN_SECRET_BYTES} bytes. */
  public static JwtKey hmac(String kid, byte[] secret) {
    if (secret.length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException(
          "JWT secret for kid '"
              + kid
              + "' has "
              + secret.length
              + " bytes (expected: at least "
              + MIN_SECRET_BYTES
              + "); generate one with 'openssl rand -base64 48'");
    }
    try {
      return new JwtKey(
          kid, JWSAlgorithm.HS256, new MACVerifier(secret), Optional.of(new MACSigner(secret)));
    } catch (JOSEException e) {
      throw new IllegalArgumentException("JWT secret for kid '" + kid + "': " + e.getMessage(), e);
    }
  }

  /**
   * An RS256 key (at least 2048 bits) or an EdDSA key (Ed25519), chosen by the public key's type.
   */
  public static JwtKey of(String kid, PublicKey publicKey, Optional<PrivateKey> privateKey) {
    Objects.requireNonNull(publicKey, "publicKey");
    if (publicKey instanceof RSAPublicKey rsa) {
      if (rsa.getModulus().bitLength() < 2048) {
        throw new IllegalArgumentException(
            "RSA key '"
                + kid
                + "' has "
                + rsa.getModulus().bitLength()
                + " bits (expected: 2048+)");
      }
      return new JwtKey(
          kid,
          JWSAlgorithm.RS256,
          new RSASSAVerifier(rsa),
          privateKey.map(k -> (JWSSigner) new RSASSASigner(k)));
    }
    if (publicKey.getAlgorithm().equals("EdDSA") || publicKey.getAlgorithm().equals("Ed25519")) {
      return new JwtKey(
          kid, JWSAlgorithm.EdDSA, EdDsa.verifier(publicKey), privateKey.map(EdDsa::signer));
    }
    throw new IllegalArgumentException(
        "JWT key '"
            + kid
            + "' is "
            + publicKey.getAlgorithm()
            + " (expected: RSA for RS256 or Ed25519 for EdDSA)");
  }

  /** A key read from PEM files: an X.509 {@code PUBLIC KEY} and an optional PKCS #8 private key. */
  public static JwtKey fromPem(String kid, Path publicKey, Optional<Path> privateKey) {
    return of(kid, Pem.publicKey(publicKey), privateKey.map(Pem::privateKey));
  }

  public String kid() {
    return kid;
  }

  /** {@code HS256}, {@code RS256} or {@code EdDSA}. */
  public String algorithm() {
    return algorithm.getName();
  }

  public boolean canSign() {
    return signer.isPresent();
  }

  JWSAlgorithm jwsAlgorithm() {
    return algorithm;
  }

  JWSVerifier verifier() {
    return verifier;
  }

  Optional<JWSSigner> signer() {
    return signer;
  }

  @Override
  public String toString() {
    return "JwtKey[kid=" + kid + ", alg=" + algorithm + (canSign() ? ", signs" : "") + "]";
  }
}
