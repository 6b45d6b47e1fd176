package dev.keel.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * API keys of the form {@code <prefix>_<id>_<secret>}, e.g. {@code keel_3f9a1c0b7d2e4f61_Zx…}: the
 * prefix tells what the key is (secret scanners match it), the id finds the stored record, the
 * 256-bit secret is checked against a SHA-256 hash (a fast hash suits a random secret; passwords
 * need {@link PasswordHasher}). The full key is shown once, at creation.
 *
 * <pre>{@code
 * ApiKeys apiKeys = new ApiKeys("myapp", ApiKeyStore.inMemory());
 * ApiKeys.Created created = apiKeys.create(user, Set.of("articles:read"));
 * show(created.key());                                   // only now; Keel keeps the hash
 * app.install(Security.create(); // X-API-Key: <key>
 * apiKeys.revoke(created.id());
 * }</pre>
 *
 * <p>A request authenticated by a key gets the owner's id and roles, and the key's scopes as its
 * permissions. Thread-safe.
 */
public final class ApiKeys {
  private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9]{1,15}");

  /**
   * A newly created key.
   *
   * @param id the key's public id
   * @param key the full key to hand to the client; not retrievable later
   */
  public record Created(String id, String key) {}

  private final String prefix;
  private final ApiKeyStore store;
  private final SecureRandom random = new SecureRandom();
  private final Clock clock = Clock.systemUTC();

  /**
   * @param prefix lower-case letters and digits, 2-16 characters, e.g. your app's name
   */
  public ApiKeys(String prefix, ApiKeyStore store) {
    if (!PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException(
          "API key prefix: '" + prefix + "' (expected: 2-16 lower-case letters and digits)");
    }
    this.prefix = prefix;
    this.store = Objects.requireNonNull(store, "store");
  }

  /** Creates a key for {@code owner} granting {@code scopes}. */
  public Created create(Principal owner, Set<String> scopes) {
    byte[] idBytes = new byte[8];
    byte[] secret = new byte[32];
    random.nextBytes(idBytes);
    random.nextBytes(secret);
    String id = HexFormat.of().formatHex(idBytes);
    String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    store.save(new ApiKey(id, hash(secretText), owner, scopes, clock.instant(), false));
    return new Created(id, prefix + "_" + id + "_" + secretText);
  }

  /**
   * The principal of a valid, unrevoked key.
   *
   * @throws TokenRejected when the key is malformed, unknown, revoked or wrong
   */
  public Principal authenticate(String key) {
    String[] parts = key.split("_", 3);
    if (parts.length != 3 || !parts[0].equals(prefix) || parts[1].length() != 16) {
      throw new TokenRejected("not a " + prefix + "_ API key");
    }
    ApiKey stored = store.find(parts[1]).orElse(null);
    String actual = hash(parts[2]);
    if (stored == null
        || !MessageDigest.isEqual(
            actual.getBytes(StandardCharsets.US_ASCII),
            stored.hash().getBytes(StandardCharsets.US_ASCII))) {
      throw new TokenRejected("unknown API key");
    }
    if (stored.revoked()) throw new TokenRejected("revoked API key");
    return new Principal(stored.owner().id(), stored.owner().roles(), stored.scopes());
  }

  /** Revokes the key; later requests with it get 401. Unknown ids are ignored. */
  public void revoke(String id) {
    store.find(id).ifPresent(k -> store.save(k.asRevoked()));
  }

  private static String hash(String secret) {
    return Sessions.digest(secret);
  }
}
