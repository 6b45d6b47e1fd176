package dev.keel.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * keel-db is an optional dependency: an application without it installs Ops. Regression test for
 * the {@code NoClassDefFoundError: dev/keel/db/spi/DataSourceObserver} that asking {@code
 * DatabaseObserver} whether keel-db was present raised (linking it needs keel-db's interface).
 */
class WithoutDatabaseModuleTest {
  /** The test class path with keel-db's classes hidden, as in an application that lacks it. */
  private static final class WithoutKeelDb extends URLClassLoader {
    WithoutKeelDb(URL[] urls) {
      super(urls, ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.startsWith("dev.keel.db.")) throw new ClassNotFoundException(name + " (hidden)");
      return super.loadClass(name, resolve);
    }
  }

  @Test
  void opsInstallsAndStartsWithoutKeelDb() throws Exception {
    List<URL> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      urls.add(url(entry));
    }
    try (var loader = new WithoutKeelDb(urls.toArray(URL[]::new))) {
      Class<?> keel = loader.loadClass("dev.keel.core.Keel");
      Class<?> plugin = loader.loadClass("dev.keel.core.Plugin");
      Object app =
          keel.getMethod("create", String[].class)
              .invoke(null, (Object) new String[] {"--keel.server.port=0"});
      Object ops = loader.loadClass("dev.keel.ops.Ops").getMethod("create").invoke(null);
      keel.getMethod("install", plugin).invoke(app, ops);
      keel.getMethod("start").invoke(app);
      try {
        assertThat((int) keel.getMethod("port").invoke(app)).isPositive();
      } finally {
        keel.getMethod("stop").invoke(app);
      }
    }
  }

  private static URL url(String entry) {
    try {
      return Path.of(entry).toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }
}
