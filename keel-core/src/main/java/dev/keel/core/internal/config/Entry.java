package dev.keel.core.internal.config;

import java.util.Objects;

/**
 * One key-value pair as found in one source.
 *
 * @param key the key as written in the source (environment names are shown in dotted form)
 * @param value the raw value
 * @param origin where it came from, in words, e.g. {@code environment variable KEEL_SERVER_PORT}
 */
public record Entry(String key, String value, String origin) {

  public Entry {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(origin, "origin");
  }

  public String canonical() {
    return Keys.canonical(key);
  }

  @Override
  public String toString() {
    return key + "=" + Keys.display(key, value) + " (from " + origin + ")";
  }
}
