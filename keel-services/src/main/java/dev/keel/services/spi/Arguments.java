package dev.keel.services.spi;

import java.lang.reflect.Type;

/** The arguments of a remote call, as the generated dispatch reads them. */
public interface Arguments {
  /** The argument {@code name} decoded as {@code type}; a missing one is null (or 0, false). */
  Object get(String name, Type type);
}
