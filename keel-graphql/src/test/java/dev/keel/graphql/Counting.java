package dev.keel.graphql;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/** Counts the statements an application prepares, as keel-db's own RelationsTest does. */
final class Counting {
  private Counting() {}

  static DataSource wrap(DataSource ds, AtomicInteger statements) {
    return (DataSource)
        Proxy.newProxyInstance(
            Counting.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (p, m, a) -> {
              Object result = invoke(m, ds, a);
              if (!(result instanceof Connection c)) return result;
              return Proxy.newProxyInstance(
                  Counting.class.getClassLoader(),
                  new Class<?>[] {Connection.class},
                  (p2, m2, a2) -> {
                    if (m2.getName().startsWith("prepare")
                        || m2.getName().equals("createStatement")) {
                      statements.incrementAndGet();
                    }
                    return invoke(m2, c, a2);
                  });
            });
  }

  private static Object invoke(java.lang.reflect.Method m, Object target, Object[] args)
      throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
