package dev.keel.services.spi;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Objects;

/**
 * Generic types spelled out by generated code, e.g. {@code Types.of(List.class, Article.class)} for
 * {@code List<Article>}, so the JSON codec decodes element types without reflection on the
 * interface.
 */
public final class Types {
  private Types() {}

  /** {@code raw<arguments>}. */
  public static ParameterizedType of(Class<?> raw, Type... arguments) {
    return new Parameterized(raw, arguments.clone());
  }

  private record Parameterized(Class<?> raw, Type[] arguments) implements ParameterizedType {
    @Override
    public Type[] getActualTypeArguments() {
      return arguments.clone();
    }

    @Override
    public Type getRawType() {
      return raw;
    }

    @Override
    public Type getOwnerType() {
      return raw.getDeclaringClass();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ParameterizedType p
          && raw.equals(p.getRawType())
          && Objects.equals(getOwnerType(), p.getOwnerType())
          && Arrays.equals(arguments, p.getActualTypeArguments());
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(arguments) ^ raw.hashCode() ^ Objects.hashCode(getOwnerType());
    }

    @Override
    public String toString() {
      return raw.getTypeName()
          + Arrays.stream(arguments)
              .map(Type::getTypeName)
              .collect(java.util.stream.Collectors.joining(", ", "<", ">"));
    }
  }
}
