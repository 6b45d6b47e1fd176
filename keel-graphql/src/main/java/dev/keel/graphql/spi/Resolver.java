package dev.keel.graphql.spi;

/** Resolves one field for one parent. */
@FunctionalInterface
public interface Resolver {
  Object resolve(Call call) throws Exception;
}
