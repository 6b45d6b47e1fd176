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
    RouteBinder binder = byName(controller);
    if (binder != null) return binder;
    binder = all().get(controller);
    if (binder == null && controller.getClassLoader() != null) {
      // loaded by another class loader than the context one (plugins, tests): look there once
      for (RouteBinder b : ServiceLoader.load(RouteBinder.class, controller.getClassLoader())) {
        if (b.controller() == controller) binder = b;
      }
    }
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

  /**
   * The generated class by its conventional name ({@code a.b.Outer_InnerRoutes} for {@code
   * a.b.Outer.Inner}): one class loaded from where the controller is, instead of reading the
   * service files of every jar. Reflection here runs once per controller, at start-up.
   */
  private static RouteBinder byName(Class<?> controller) {
    String name = controller.getName();
    int dot = name.lastIndexOf('.');
    String routes =
        name.substring(0, dot + 1) + name.substring(dot + 1).replace('$', '_') + "Routes";
    try {
      Class<?> type = Class.forName(routes, true, controller.getClassLoader());
      if (!RouteBinder.class.isAssignableFrom(type)) return null;
      var binder = (RouteBinder) type.getConstructor().newInstance();
      return binder.controller() == controller ? binder : null;
    } catch (ReflectiveOperationException | LinkageError e) {
      return null; // not generated under that name: fall back to the service files
    }
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
