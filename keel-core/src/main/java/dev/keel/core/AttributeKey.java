package dev.keel.core;

import java.util.Objects;

/**
 * A typed key for per-request attributes ({@link Context#attribute(AttributeKey)}). Keys compare by
 * identity: keep each one in a constant.
 */
public final class AttributeKey<T> {
  private final String name;
  private final Class<T> type;

  private AttributeKey(String name, Class<T> type) {
    this.name = Objects.requireNonNull(name, "name");
    this.type = Objects.requireNonNull(type, "type");
  }

  public static <T> AttributeKey<T> of(String name, Class<T> type) {
    return new AttributeKey<>(name, type);
  }

  public String name() {
    return name;
  }

  public Class<T> type() {
    return type;
  }

  @Override
  public String toString() {
    return "AttributeKey[" + name + ": " + type.getSimpleName() + "]";
  }
}
