package dev.keel.core.internal.json;

import java.util.Locale;

/**
 * The two characters no request text may carry into an application: NUL (U+0000) and an unpaired
 * UTF-16 surrogate (U+D800-U+DFFF without its partner). PostgreSQL refuses both ("invalid byte
 * sequence for encoding UTF8"), SQLite and most encoders silently store {@code ?} instead, and NUL
 * truncates strings in C libraries and log pipelines. JSON escapes (<code>&#92;u0000</code>, <code>
 * &#92;ud800</code>) and percent-encoding ({@code %00}) can produce them, so every text value is
 * checked where it enters.
 */
public final class Unicode {
  private Unicode() {}

  /** The index of the first NUL or unpaired surrogate in {@code s}, or -1 when it has none. */
  public static int firstBadChar(CharSequence s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c == 0) return i;
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c)
            && i + 1 < n
            && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++; // a well-formed pair: one character outside the Basic Multilingual Plane
        } else {
          return i;
        }
      }
    }
    return -1;
  }

  /** What is wrong at {@code index} (from {@link #firstBadChar}), for an error message. */
  public static String describe(CharSequence s, int index) {
    char c = s.charAt(index);
    if (c == 0) return "contains a NUL character (U+0000) at index " + index + "; remove it";
    return "contains an unpaired UTF-16 surrogate (U+"
        + Integer.toHexString(c).toUpperCase(Locale.ROOT)
        + ") at index "
        + index
        + "; send well-formed Unicode";
  }
}
