package dev.keel.core;

import dev.keel.core.internal.config.Keys;
import java.util.Objects;

/**
 * A setting's effective value and where it came from.
 *
 * @param key the key as asked for
 * @param value the raw text, unmasked even for secrets; {@link #toString()} masks them
 * @param origin the source in words, e.g. {@code environment variable KEEL_SERVER_PORT}, {@code
 *     file ./keel-prod.properties line 3}, {@code classpath keel.properties line 7} or {@code
 *     default}
 */
public record ConfigValue(String key, String value, String origin) {

  public ConfigValue {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(origin, "origin");
  }

  /** Safe to log: secrets show as {@code ****}. */
  @Override
  public String toString() {
    return key + " = \"" + Keys.display(key, value) + "\" (from " + origin + ")";
  }
}
