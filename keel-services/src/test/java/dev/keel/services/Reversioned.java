package dev.keel.services;

import dev.keel.services.spi.Arguments;
import dev.keel.services.spi.ComponentDescriptor;
import dev.keel.services.spi.RemoteCalls;
import java.util.Optional;

/** A component as built from another version of its interface: only the version differs. */
record Reversioned<T>(ComponentDescriptor<T> real, String version)
    implements ComponentDescriptor<T> {
  @Override
  public Class<T> type() {
    return real.type();
  }

  @Override
  public String name() {
    return real.name();
  }

  @Override
  public Optional<T> wire(Components components) {
    return real.wire(components);
  }

  @Override
  public T local(T implementation) {
    return real.local(implementation);
  }

  @Override
  public T remote(RemoteCalls calls) {
    return real.remote(calls);
  }

  @Override
  public Object invoke(T implementation, String method, Arguments arguments) throws Exception {
    return real.invoke(implementation, method, arguments);
  }

  @Override
  public Optional<Exception> exception(String type, String message) {
    return real.exception(type, message);
  }
}
