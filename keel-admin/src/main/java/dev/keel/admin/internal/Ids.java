package dev.keel.admin.internal;

import java.util.UUID;

/** Keys as they appear in admin URLs. */
final class Ids {
  private Ids() {}

  /**
   * The key value {@code raw} names.
   *
   * @throws IllegalArgumentException saying what a key of this type looks like
   */
  static Object parse(Field key, String raw) {
    Class<?> t = key.value();
    try {
      if (t == Long.class) return Long.parseLong(raw);
      if (t == Integer.class) return Integer.parseInt(raw);
      if (t == Short.class) return Short.parseShort(raw);
      if (t == UUID.class) return UUID.fromString(raw);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          t == UUID.class ? "ids here are UUIDs" : "ids here are whole numbers");
    }
    if (t == String.class) return raw;
    throw new IllegalArgumentException(
        "the admin links rows by a long, int, UUID or String key, not " + t.getSimpleName());
  }
}
