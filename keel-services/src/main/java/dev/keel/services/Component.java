package dev.keel.services;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface as a component: a unit that runs in the caller's process or in another one, as
 * {@code keel-deploy.properties} says, with the caller's code unchanged. At compile time
 * keel-processor generates {@code <Interface>_Component}: the local stub, the remote stub, the
 * server-side dispatch and, when the implementation is compiled with it, the wiring. It reports as
 * compile errors what cannot cross a process boundary: overloaded or generic methods, parameter and
 * return types that are not records, enums, strings, numbers, {@code java.time} values or
 * collections of them, and exceptions without a {@code (String)} constructor.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Component {
  /**
   * The component's name in {@code keel-deploy.properties} and in its URL ({@code
   * /_keel/components/<name>/<method>}); the interface's simple name by default.
   */
  String value() default "";
}
