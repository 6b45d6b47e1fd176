package dev.keel.core;

import dev.keel.core.spi.RouteBinder;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;

/** The generated route binders on the class path, loaded once on first use. */
final class Binders {
  private static volatile Map<Class<?>, RouteBinder> byController;

  private Binders() {}

  static RouteBinder find(Class<?> controller) {
    RouteBinder binder = all().get(controller);
    if (binder == null) {
      throw new IllegalArgumentException(
          "no generated routes for controller "
              + controller.getName()
              + ": annotate it with @dev.keel.web.Controller and add dev.keel:keel-processor to the"
              + " compiler's annotationProcessorPaths, so that "
              + controller.getSimpleName()
              + "Routes is generated");
    }
    return binder;
  }

  private static Map<Class<?>, RouteBinder> all() {
    Map<Class<?>, RouteBinder> map = byController;
    if (map == null) {
      synchronized (Binders.class) {
        map = byController;
        if (map == null) {
          map = new HashMap<>();
          for (RouteBinder b : ServiceLoader.load(RouteBinder.class, loader())) {
            map.put(b.controller(), b);
          }
          byController = map;
        }
      }
    }
    return map;
  }

  private static ClassLoader loader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : Binders.class.getClassLoader();
  }
}
