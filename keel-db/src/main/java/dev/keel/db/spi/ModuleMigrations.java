package dev.keel.db.spi;

import dev.keel.db.Dialect;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The migrations a Keel module ships for its own tables (keel-jobs' queue, for example), applied
 * with the application's after them, each module with its own Flyway history table {@code
 * keel_<module>_schema_history} so that module and application version numbers never meet.
 *
 * <p>A module declares them in {@code META-INF/keel/module-migrations.properties} on its classpath,
 * one line per module: {@code jobs=classpath:dev/keel/jobs/migration/{dialect}}; {@code {dialect}}
 * becomes {@code sqlite} or {@code postgresql}, so each database gets DDL written for it. Found
 * through the class loader, never by scanning.
 *
 * @param module a lower-case name, {@code [a-z][a-z0-9_]*}
 * @param location a Flyway location, possibly with {@code {dialect}}
 */
public record ModuleMigrations(String module, String location) {
  /** Where modules declare their migrations. */
  public static final String RESOURCE = "META-INF/keel/module-migrations.properties";

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

  public ModuleMigrations {
    if (!NAME.matcher(module).matches()) {
      throw new IllegalArgumentException(
          "module name '" + module + "' in " + RESOURCE + " must match [a-z][a-z0-9_]*");
    }
    if (location.isBlank()) {
      throw new IllegalArgumentException(
          "module " + module + " in " + RESOURCE + " has no location");
    }
  }

  /** The Flyway history table of this module, e.g. {@code keel_jobs_schema_history}. */
  public String historyTable() {
    return "keel_" + module + "_schema_history";
  }

  /** The location for {@code dialect}, with {@code {dialect}} filled in. */
  public String location(Dialect dialect) {
    return location.replace("{dialect}", dialect.name().toLowerCase(Locale.ROOT));
  }

  /** Every module's migrations visible to {@code loader}, sorted by module name. */
  public static List<ModuleMigrations> discover(ClassLoader loader) {
    List<ModuleMigrations> found = new ArrayList<>();
    try {
      for (URL url : Collections.list(loader.getResources(RESOURCE))) {
        Properties p = new Properties();
        try (InputStream in = url.openStream()) {
          p.load(in);
        }
        for (String name : p.stringPropertyNames()) {
          found.add(new ModuleMigrations(name.strip(), p.getProperty(name).strip()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    found.sort(Comparator.comparing(ModuleMigrations::module));
    return List.copyOf(found);
  }
}
