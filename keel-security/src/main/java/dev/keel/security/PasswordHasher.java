package dev.keel.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Hashes and verifies passwords with Argon2id (Bouncy Castle's {@code Argon2BytesGenerator}),
 * encoded in the PHC string format that carries its parameters:
 *
 * <pre>{@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}</pre>
 *
 * <pre>{@code
 * PasswordHasher passwords = PasswordHasher.argon2id();
 * String stored = passwords.hash("correct horse battery staple");
 *
 * // at login; an unknown user passes Optional.empty() and costs the same time
 * Optional<String> hash = users.find(email).map(User::passwordHash);
 * if (passwords.verify(password, hash)) {
 *   if (passwords.needsRehash(hash.get())) users.updateHash(email, passwords.hash(password));
 * }
 * }</pre>
 *
 * <p>Defaults are OWASP's minimum for Argon2id: 19 MiB of memory, 2 iterations, parallelism 1, a
 * 16-byte random salt and a 32-byte hash; one hash takes tens of milliseconds and 19 MiB of heap.
 * Parameters below that minimum are refused. Comparison is constant-time. Immutable and
 * thread-safe.
 */
public final class PasswordHasher {

  /**
   * Argon2id cost parameters.
   *
   * @param memoryKiB memory in KiB, at least 19456 (19 MiB)
   * @param iterations passes over memory, at least 2
   * @param parallelism lanes, 1 to 16
   */
  public record Parameters(int memoryKiB, int iterations, int parallelism) {
    /** OWASP's minimum for Argon2id (Password Storage Cheat Sheet). */
    public static final Parameters OWASP_MINIMUM = new Parameters(19 * 1024, 2, 1);

    public Parameters {
      if (memoryKiB < 19 * 1024 || memoryKiB > 4 * 1024 * 1024) {
        throw new IllegalArgumentException(
            "Argon2id memoryKiB: " + memoryKiB + " (expected: 19456 (19 MiB, OWASP) to 4194304)");
      }
      if (iterations < 2 || iterations > 100) {
        throw new IllegalArgumentException(
            "Argon2id iterations: " + iterations + " (expected: 2 (OWASP) to 100)");
      }
      if (parallelism < 1 || parallelism > 16) {
        throw new IllegalArgumentException(
            "Argon2id parallelism: " + parallelism + " (expected: 1 to 16)");
      }
    }
  }

  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getDecoder();

  private final Parameters parameters;
  private final SecureRandom random = new SecureRandom();
  private final String dummy;

  private PasswordHasher(Parameters parameters) {
    this.parameters = Objects.requireNonNull(parameters, "parameters");
    // Random salt and random "hash": verifying against it derives with this hasher's parameters,
    // exactly as a stored hash costs, without deriving one at construction (~0.3 s at start-up).
    byte[] salt = new byte[SALT_BYTES];
    byte[] hash = new byte[HASH_BYTES];
    random.nextBytes(salt);
    random.nextBytes(hash);
    this.dummy = encode(salt, hash);
  }

  /** Argon2id with {@link Parameters#OWASP_MINIMUM}. */
  public static PasswordHasher argon2id() {
    return new PasswordHasher(Parameters.OWASP_MINIMUM);
  }

  /** Argon2id with the given (stronger) parameters. */
  public static PasswordHasher argon2id(Parameters parameters) {
    return new PasswordHasher(parameters);
  }

  public Parameters parameters() {
    return parameters;
  }

  /** A new PHC-encoded hash of {@code password} with a fresh random salt. */
  public String hash(String password) {
    Objects.requireNonNull(password, "password");
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] hash =
        derive(
            password,
            salt,
            parameters.memoryKiB(),
            parameters.iterations(),
            parameters.parallelism(),
            HASH_BYTES);
    return encode(salt, hash);
  }

  private String encode(byte[] salt, byte[] hash) {
    return "$argon2id$v=19$m="
        + parameters.memoryKiB()
        + ",t="
        + parameters.iterations()
        + ",p="
        + parameters.parallelism()
        + "$"
        + B64.encodeToString(salt)
        + "$"
        + B64.encodeToString(hash);
  }

  /**
   * Whether {@code password} matches {@code encoded}, compared in constant time, using the
   * parameters stored in {@code encoded}.
   *
   * @throws IllegalArgumentException when {@code encoded} is not a PHC Argon2id string
   */
  public boolean verify(String password, String encoded) {
    Objects.requireNonNull(password, "password");
    Phc phc = Phc.parse(encoded);
    byte[] actual = derive(password, phc.salt(), phc.m(), phc.t(), phc.p(), phc.hash().length);
    return MessageDigest.isEqual(actual, phc.hash());
  }

  /**
   * Like {@link #verify(String, String)}, but when {@code encoded} is empty (no such user) it
   * hashes against a dummy hash and returns false, so an unknown account costs the same time as a
   * wrong password and the response time does not reveal which accounts exist.
   */
  public boolean verify(String password, Optional<String> encoded) {
    boolean ok = verify(password, encoded.orElse(dummy));
    return ok && encoded.isPresent();
  }

  /**
   * Whether {@code encoded} was made with other parameters (or another algorithm) than this
   * hasher's: hash the password again after a successful login and store the new hash.
   */
  public boolean needsRehash(String encoded) {
    try {
      Phc phc = Phc.parse(encoded);
      return phc.m() != parameters.memoryKiB()
          || phc.t() != parameters.iterations()
          || phc.p() != parameters.parallelism()
          || phc.hash().length != HASH_BYTES
          || phc.salt().length < SALT_BYTES;
    } catch (IllegalArgumentException e) {
      return true;
    }
  }

  private static byte[] derive(String password, byte[] salt, int m, int t, int p, int length) {
    var generator = new Argon2BytesGenerator();
    generator.init(
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(m)
            .withIterations(t)
            .withParallelism(p)
            .withSalt(salt)
            .build());
    byte[] out = new byte[length];
    byte[] pw = password.getBytes(StandardCharsets.UTF_8);
    try {
      generator.generateBytes(pw, out);
    } finally {
      Arrays.fill(pw, (byte) 0);
    }
    return out;
  }

  // Raw parameters: a hash made with older, weaker ones still verifies (and needs a rehash).
  private record Phc(int m, int t, int p, byte[] salt, byte[] hash) {
    static Phc parse(String encoded) {
      Objects.requireNonNull(encoded, "encoded");
      String[] parts = encoded.split("\\$", -1);
      // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
      if (parts.length != 6 || !parts[0].isEmpty() || !parts[1].equals("argon2id")) {
        throw malformed("expected $argon2id$v=19$m=..,t=..,p=..$salt$hash");
      }
      if (!parts[2].equals("v=19")) throw malformed("only Argon2 version 19 (v=19) is supported");
      int m = -1;
      int t = -1;
      int p = -1;
      for (String kv : parts[3].split(",", -1)) {
        String[] pair = kv.split("=", 2);
        if (pair.length != 2) throw malformed("parameter '" + kv + "' is not name=value");
        int value;
        try {
          value = Integer.parseInt(pair[1]);
        } catch (NumberFormatException e) {
          throw malformed("parameter '" + kv + "' is not a number");
        }
        switch (pair[0]) {
          case "m" -> m = value;
          case "t" -> t = value;
          case "p" -> p = value;
          default -> throw malformed("unknown parameter '" + pair[0] + "'");
        }
      }
      try {
        byte[] salt = B64D.decode(parts[4]);
        byte[] hash = B64D.decode(parts[5]);
        if (salt.length < 8 || hash.length < 16) throw malformed("salt or hash too short");
        if (m < 8 || m > 4 * 1024 * 1024 || t < 1 || t > 100 || p < 1 || p > 16) {
          throw malformed("parameters m=" + m + ",t=" + t + ",p=" + p + " out of range");
        }
        return new Phc(m, t, p, salt, hash);
      } catch (IllegalArgumentException e) {
        throw malformed(e.getMessage());
      }
    }

    private static IllegalArgumentException malformed(String why) {
      return new IllegalArgumentException(
          "password hash is not a PHC Argon2id string (" + why + "); store hashes made by hash()");
    }
  }
}
