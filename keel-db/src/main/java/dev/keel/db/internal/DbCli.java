package dev.keel.db.internal;

import dev.keel.core.Config;
import dev.keel.db.Database;
import dev.keel.db.DatabaseException;
import java.util.Arrays;

/**
 * {@code ./keel db migrate|status|info|validate NAME}: runs against the database the app's
 * configuration names ({@code keel.properties}, {@code KEEL_DB_URL}, ...), on the app's classpath
 * so its {@code db/migration} files are found. Exit code 0 on success, 1 on failure.
 */
public final class DbCli {
  private DbCli() {}

  public static void main(String[] args) {
    String command = args.length == 0 ? "help" : args[0];
    String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
    if (!command.matches("migrate|status|info|validate")) {
      System.err.println(
          "usage: ./keel db migrate|status|info|validate NAME   (NAME is a folder of examples/)");
      System.exit(command.equals("help") ? 0 : 2);
    }
    // never migrate as a side effect of connecting: the command says what to do
    String[] withArgs = Arrays.copyOf(rest, rest.length + 1);
    withArgs[rest.length] = "--keel.db.migrate=false";
    Config config = Config.load(withArgs);
    try (Database db = Database.connect(config)) {
      String location = config.string("keel.db.migrations", "classpath:db/migration");
      Migrator m = new Migrator(db.dataSource(), db.dialect(), location);
      switch (command) {
        case "migrate" -> {
          int n = m.migrate();
          System.out.println("keel db: applied " + n + " migration(s) to " + db.url());
          System.out.println("keel db: " + m.status());
        }
        case "status" -> System.out.println("keel db: " + db.url() + ": " + m.status());
        case "info" -> {
          System.out.println("keel db: " + db.url());
          System.out.printf(
              "%-10s %-40s %-10s %s%n", "version", "description", "state", "installed");
          m.info().forEach(System.out::println);
        }
        case "validate" -> {
          m.validate();
          System.out.println("keel db: migrations match " + db.url());
        }
        default -> throw new IllegalStateException(command);
      }
    } catch (DatabaseException | IllegalArgumentException e) {
      System.err.println("keel db " + command + ": " + e.getMessage());
      System.exit(1);
    }
  }
}
