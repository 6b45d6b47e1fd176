package dev.keel.cli.internal.app;

import dev.keel.core.Config;
import dev.keel.db.Database;
import dev.keel.db.DatabaseException;
import dev.keel.jobs.JobInfo;
import dev.keel.jobs.Jobs;
import dev.keel.jobs.QueueInfo;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/** {@code keel jobs list|queues|retry|discard} on the app's database, with its configuration. */
final class JobsCommand {
  private JobsCommand() {}

  /**
   * @param args the id or state, then the app's arguments
   */
  static int run(String command, String[] args, PrintStream out) {
    String target = args[0];
    String[] appArgs = Arrays.copyOf(Arrays.copyOfRange(args, 1, args.length), args.length);
    appArgs[args.length - 1] = "--keel.db.migrate=false"; // never migrate as a side effect
    Config config = Config.load(appArgs);
    try (Database db = Database.connect(config)) {
      Jobs jobs = Jobs.operate(db);
      switch (command) {
        case "list" -> {
          List<JobInfo> found = jobs.list(target, 100);
          out.printf("%-10s %-12s %-40s %-8s %s%n", "id", "queue", "type", "attempts", "run at");
          for (JobInfo j : found) {
            out.printf(
                "%-10d %-12s %-40s %-8s %s%n",
                j.id(), j.queue(), j.type(), j.attempts() + "/" + j.maxAttempts(), j.runAt());
            j.error().ifPresent(e -> out.println("    " + e.lines().findFirst().orElse("")));
          }
          out.println("keel jobs: " + found.size() + " " + target + " job(s) on " + db.url());
        }
        case "queues" -> {
          out.printf(
              "%-20s %8s %8s %8s %12s %s%n", "queue", "ready", "running", "failed", "oldest", "");
          for (QueueInfo q : jobs.queues()) {
            out.printf(
                "%-20s %8d %8d %8d %12s %s%n",
                q.name(),
                q.ready(),
                q.running(),
                q.failed(),
                q.oldestReady(),
                q.paused() ? "paused" : "");
          }
        }
        case "retry", "discard" -> {
          long id = Long.parseLong(target);
          boolean done = command.equals("retry") ? jobs.retry(id) : jobs.discard(id);
          if (!done) {
            throw new AppMain.AppCommandException(
                "jobs "
                    + command
                    + ": there is no "
                    + (command.equals("retry") ? "failed" : "failed or waiting")
                    + " job "
                    + id
                    + " on "
                    + db.url()
                    + "; keel jobs list shows the failed ones",
                1);
          }
          out.println(
              "keel jobs: job "
                  + id
                  + (command.equals("retry") ? " will run again" : " was discarded"));
        }
        default -> throw new AppMain.AppCommandException("unknown jobs command " + command, 2);
      }
      return 0;
    } catch (DatabaseException | IllegalArgumentException e) {
      throw new AppMain.AppCommandException("jobs " + command + ": " + e.getMessage(), 1);
    } catch (NoClassDefFoundError e) {
      throw new AppMain.AppCommandException(
          "keel-jobs is not on the app's class path: add dev.keel:keel-jobs to its pom.xml", 1);
    }
  }
}
