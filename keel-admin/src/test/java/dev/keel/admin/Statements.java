package dev.keel.admin;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Counts the statements prepared through a wrapped {@link DataSource}; while {@link #catalogueLost}
 * is set, reading foreign keys from the catalogue fails as a lost connection does.
 */
final class Statements {
  final AtomicInteger prepared = new AtomicInteger();
  volatile boolean catalogueLost;
  final java.util.List<String> sql = new java.util.concurrent.CopyOnWriteArrayList<>();

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
              if (method.getName().startsWith("prepare")) {
                prepared.incrementAndGet();
                if (args != null && args[0] instanceof String text) sql.add(text);
              }
              Object out = invoke(c, method, args);
              return out instanceof DatabaseMetaData meta ? catalogue(meta) : out;
            });
  }

  private DatabaseMetaData catalogue(DatabaseMetaData meta) {
    return (DatabaseMetaData)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {DatabaseMetaData.class},
            (proxy, method, args) -> {
              if (catalogueLost && method.getName().endsWith("portedKeys")) {
                throw new SQLTransientConnectionException("connection lost", "08006");
              }
              return invoke(meta, method, args);
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
