package dev.keel.core.internal.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Relaxed key names, secret detection and "did you mean" suggestions. */
public final class Keys {

  /** Values are masked when a key segment is, or ends with, one of these words. */
  private static final Set<String> SECRET_WORDS = Set.of("password", "secret", "token", "key");

  public static final String MASK = "****";

  private Keys() {}

  /**
   * The form keys are compared in: lower case, with {@code -} and {@code _} read as {@code .}, so
   * {@code keel.server.max-connections} and {@code KEEL_SERVER_MAX_CONNECTIONS} are one key.
   */
  public static String canonical(String key) {
    return key.toLowerCase(Locale.ROOT).replace('-', '.').replace('_', '.');
  }

  /**
   * A key given to a getter, checked so a typo in code fails loudly rather than matching nothing.
   */
  public static String requireKey(String key) {
    if (key.isBlank()) {
      throw new IllegalArgumentException("configuration key must not be blank");
    }
    return key;
  }

  /**
   * A prefix in canonical form ending with a dot, so {@code keel.db} does not cover {@code
   * keel.dbx}.
   */
  public static String canonicalPrefix(String prefix) {
    String canonical = canonical(requireKey(prefix));
    return canonical.endsWith(".") ? canonical : canonical + ".";
  }

  public static boolean isSecret(String key) {
    for (String segment : canonical(key).split("\\.")) {
      for (String word : SECRET_WORDS) {
        if (segment.endsWith(word)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The value as it may appear in a message or log: masked for secrets, control characters escaped.
   */
  public static String display(String key, String value) {
    if (isSecret(key)) {
      return MASK;
    }
    return value.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
  }

  /** The known key closest to {@code key}, if it is close enough to be a likely typo. */
  public static Optional<String> suggest(String key, Collection<String> known) {
    String target = canonical(key);
    int limit = target.length() < 12 ? 1 : target.length() < 24 ? 2 : 3;
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int distance = distance(target, canonical(candidate));
      boolean better =
          distance < bestDistance || (distance == bestDistance && candidate.compareTo(best) < 0);
      if (distance <= limit && better) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Edit distance counting a swap of two neighbours as one edit (optimal string alignment). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
