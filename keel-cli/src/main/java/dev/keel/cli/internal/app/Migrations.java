package dev.keel.cli.internal.app;

import dev.keel.core.Config;
import dev.keel.db.Database;
import dev.keel.db.DatabaseException;
import java.io.PrintStream;

/** {@code keel db migrate|status|info|validate} with the app's configuration. */
final class Migrations {
  private Migrations() {}

  /**
   * @param args the app's arguments; its configuration is loaded from them as the app loads it
   */
  static int run(String command, String[] args, PrintStream out) {
    // never migrate as a side effect of connecting: the command says what to do
    String[] withArgs = java.util.Arrays.copyOf(args, args.length + 1);
    withArgs[args.length] = "--keel.db.migrate=false";
    Config config = Config.load(withArgs);
    try (Database db = Database.connect(config)) {
      var m = db.migrations();
      switch (command) {
        case "migrate" -> {
          int n = m.migrate();
          out.println("keel db: applied " + n + " migration(s) to " + db.url());
          out.println("keel db: " + m.status());
        }
        case "status" -> out.println("keel db: " + db.url() + ": " + m.status());
        case "info" -> {
          out.println("keel db: " + db.url());
          out.printf("%-10s %-40s %-10s %s%n", "version", "description", "state", "installed");
          m.info().forEach(out::println);
        }
        case "validate" -> {
          m.validate();
          out.println("keel db: migrations match " + db.url());
        }
        default -> throw new AppMain.AppCommandException("unknown db command " + command, 2);
      }
      return 0;
    } catch (DatabaseException | IllegalArgumentException e) {
      throw new AppMain.AppCommandException("db " + command + ": " + e.getMessage(), 1);
    } catch (NoClassDefFoundError e) {
      throw new AppMain.AppCommandException(
          "keel-db is not on the app's class path: add dev.keel:keel-db to its pom.xml", 1);
    }
  }
}
