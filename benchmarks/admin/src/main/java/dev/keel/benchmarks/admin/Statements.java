package dev.keel.benchmarks.admin;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/** Counts the statements prepared through a wrapped {@link DataSource}. */
final class Statements {
  final AtomicInteger prepared = new AtomicInteger();

  DataSource wrap(DataSource ds) {
    return (DataSource)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              Object out = invoke(ds, method, args);
              return out instanceof Connection c ? connection(c) : out;
            });
  }

  private Connection connection(Connection c) {
    return (Connection)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (method.getName().startsWith("prepare")) prepared.incrementAndGet();
              return invoke(c, method, args);
            });
  }

  private static Object invoke(Object target, java.lang.reflect.Method m, Object[] args)
      throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** The statements {@code body} prepares. */
  int during(Runnable body) {
    int before = prepared.get();
    body.run();
    return prepared.get() - before;
  }
}
