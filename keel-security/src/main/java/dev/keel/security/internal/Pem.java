package dev.keel.security.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Reads PEM key files: {@code PUBLIC KEY} (X.509) and {@code PRIVATE KEY} (PKCS #8), RSA or
 * Ed25519.
 */
public final class Pem {
  private Pem() {}

  public static PublicKey publicKey(Path file) {
    byte[] der = read(file, "PUBLIC KEY");
    for (String algorithm : new String[] {"RSA", "Ed25519"}) {
      try {
        return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // try the next algorithm
      }
    }
    throw new IllegalArgumentException(
        file
            + ": not an RSA or Ed25519 public key; create one with 'openssl genpkey -algorithm"
            + " ed25519 -out key.pem && openssl pkey -in key.pem -pubout -out public.pem'");
  }

  public static PrivateKey privateKey(Path file) {
    byte[] der = read(file, "PRIVATE KEY");
    for (String algorithm : new String[] {"RSA", "Ed25519"}) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // try the next algorithm
      }
    }
    throw new IllegalArgumentException(
        file
            + ": not an RSA or Ed25519 PKCS #8 private key (-----BEGIN PRIVATE KEY-----);"
            + " convert it with 'openssl pkcs8 -topk8 -nocrypt -in old.pem -out key.pem'");
  }

  public static String encode(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  private static byte[] read(Path file, String type) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          file + ": cannot read the PEM key file (" + e.getMessage() + "); check the path", e);
    }
    String begin = "-----BEGIN " + type + "-----";
    String end = "-----END " + type + "-----";
    int from = text.indexOf(begin);
    int to = text.indexOf(end);
    if (from < 0 || to < from) {
      throw new IllegalArgumentException(
          file + ": no '" + begin + "' block; Keel reads unencrypted PKCS #8 / X.509 PEM files");
    }
    try {
      return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": the PEM block is not valid Base64", e);
    }
  }
}
