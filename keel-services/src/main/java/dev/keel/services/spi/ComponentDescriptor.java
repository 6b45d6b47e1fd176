package dev.keel.services.spi;

import dev.keel.services.Components;
import java.util.Optional;

/**
 * What keel-processor generates for each {@code @Component} interface ({@code
 * <Interface>_Component}), listed in {@code
 * META-INF/services/dev.keel.services.spi.ComponentDescriptor} and found there by {@link
 * Components}. Applications never implement it.
 *
 * @param <T> the component interface
 */
public interface ComponentDescriptor<T> {
  /** The interface. */
  Class<T> type();

  /** The component's name: its {@code @Component} value, or the interface's simple name. */
  String name();

  /**
   * A hash of the interface's shape (method names, parameter names and types, return types,
   * idempotency, the records they use): two processes talk only when theirs are equal.
   */
  String version();

  /**
   * The implementation made from the only implementing class compiled with the interface, when its
   * constructor takes only components; empty when the application registers a factory instead.
   */
  Optional<T> wire(Components components);

  /** The local stub: plain calls to {@code implementation}. */
  T local(T implementation);

  /** The remote stub: every call goes through {@code calls}. */
  T remote(RemoteCalls calls);

  /**
   * Runs {@code method} on {@code implementation} with {@code arguments} (the host's side of a
   * remote call).
   *
   * @throws NoSuchMethodException when the interface has no method of that name
   */
  Object invoke(T implementation, String method, Arguments arguments) throws Exception;

  /**
   * The exception of a type declared in one of the interface's {@code throws} clauses, rebuilt from
   * its qualified name and message; empty for any other type.
   */
  Optional<Exception> exception(String type, String message);
}
