package dev.keel.security.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Set;

/**
 * EdDSA (Ed25519) signing and verification on the JDK's own {@code Ed25519} signature, plugged into
 * nimbus-jose-jwt: nimbus's {@code Ed25519Signer}/{@code Ed25519Verifier} need Google Tink and its
 * protobuf dependency, which the JDK (since 15) makes unnecessary.
 */
public final class EdDsa {
  private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.EdDSA);

  private EdDsa() {}

  public static JWSSigner signer(PrivateKey key) {
    return new JWSSigner() {
      private final JCAContext jca = new JCAContext();

      @Override
      public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
        try {
          Signature signature = Signature.getInstance("Ed25519");
          signature.initSign(key);
          signature.update(signingInput);
          return Base64URL.encode(signature.sign());
        } catch (GeneralSecurityException e) {
          throw new JOSEException("Ed25519 signing failed: " + e.getMessage(), e);
        }
      }

      @Override
      public Set<JWSAlgorithm> supportedJWSAlgorithms() {
        return ALGORITHMS;
      }

      @Override
      public JCAContext getJCAContext() {
        return jca;
      }
    };
  }

  public static JWSVerifier verifier(PublicKey key) {
    return new JWSVerifier() {
      private final JCAContext jca = new JCAContext();

      @Override
      public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) {
        if (!JWSAlgorithm.EdDSA.equals(header.getAlgorithm())) return false;
        try {
          Signature verifier = Signature.getInstance("Ed25519");
          verifier.initVerify(key);
          verifier.update(signingInput);
          return verifier.verify(signature.decode());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
          return false;
        }
      }

      @Override
      public Set<JWSAlgorithm> supportedJWSAlgorithms() {
        return ALGORITHMS;
      }

      @Override
      public JCAContext getJCAContext() {
        return jca;
      }
    };
  }
}
