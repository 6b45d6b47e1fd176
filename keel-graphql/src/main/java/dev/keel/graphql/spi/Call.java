package dev.keel.graphql.spi;

import dev.keel.security.Principal;
import java.util.List;
import java.util.Optional;

/** One field being resolved: its parent, its arguments and the caller. */
public interface Call {
  /** The parent object (a record) of a non-root field. */
  Object source();

  /** Argument {@code name} converted to {@code type}; {@code null} when absent or null. */
  <T> T argument(String name, Class<T> type);

  /** Argument {@code name}, a list, each element converted to {@code type}. */
  <T> List<T> arguments(String name, Class<T> type);

  /** The authenticated caller, if any. */
  Optional<Principal> principal();

  /** The authenticated caller; an UNAUTHENTICATED GraphQL error when there is none. */
  Principal authenticated();

  /** Makes a {@code Flow.Publisher} (a subscription's result) what graphql-java consumes. */
  Object publisher(java.util.concurrent.Flow.Publisher<?> events);
}
