package dev.keel.core.spi;

import dev.keel.core.Routes;

/**
 * Registers the routes of one controller class. Keel's annotation processor ({@code
 * keel-processor}) generates one implementation per {@code @Controller} class, named {@code
 * <Controller>Routes}, and lists it in {@code META-INF/services/dev.keel.core.spi.RouteBinder};
 * {@link dev.keel.core.Keel#controllers(Object...)} finds it by the controller's class once, at
 * start-up. Nothing reflects on the request path: the generated handlers call the controller's
 * methods directly.
 *
 * <p>Implementations need a public no-argument constructor and must be stateless.
 */
public interface RouteBinder {
  /** The controller class whose routes this binder registers. */
  Class<?> controller();

  /** Registers the routes of {@code controller}, an instance of {@link #controller()}. */
  void bind(Object controller, Routes routes);
}
