package dev.keel.jobs;

import static dev.keel.jobs.JobsTest.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.core.ConfigException;
import dev.keel.db.Dialect;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RecurringTest {
  record Tick(String by) {}

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void aScheduleFiresOncePerSlotAcrossTwoInstances(Dialect dialect) throws Exception {
    List<String> runs = new CopyOnWriteArrayList<>();
    try (var db = TestDatabase.create(dialect);
        var a =
            TestApp.start(
                db.url,
                jobs ->
                    jobs.handle(Tick.class, (j, c) -> runs.add("a:" + c.enqueuedAt()))
                        .recurring("tick", "* * * * * *", new Tick("a")));
        var b =
            TestApp.start(
                db.url,
                jobs ->
                    jobs.handle(Tick.class, (j, c) -> runs.add("b:" + c.enqueuedAt()))
                        .recurring("tick", "0 0 1 1 *", new Tick("b")),
                // the configuration overrides the code's schedule
                "keel.jobs.recurring.tick.cron=* * * * * *",
                "keel.jobs.recurring.tick.zone=Europe/Paris")) {
      Thread.sleep(3_500);
      a.jobs.pause("default"); // both instances fire slots, but no more runs are counted
      Thread.sleep(200);
      waitFor(() -> a.jobs.queues().stream().allMatch(q -> q.running() == 0));
      List<String> seen = List.copyOf(runs);
      var slots =
          a.db
              .sql("select slot from keel_job_slot where name = :n order by slot")
              .bind("n", "tick")
              .list(Long.class);
      long ready = a.jobs.queues().getFirst().ready();
      assertThat(slots).doesNotHaveDuplicates().hasSize(seen.size() + (int) ready);
      assertThat(seen.size()).isGreaterThanOrEqualTo(3);
      for (int i = 1; i < slots.size(); i++) {
        assertThat(slots.get(i) - slots.get(i - 1)).isEqualTo(1000L); // every second, none twice
      }
    }
  }

  @Test
  void settingsAreValidatedWithTheRestOfTheConfiguration() throws Exception {
    try (var db = TestDatabase.create(Dialect.SQLITE)) {
      var args =
          new String[] {"--keel.db.url=" + db.url, "--keel.server.port=0", "--keel.jobs.workerz=3"};
      var app =
          dev.keel.core.Keel.create(args)
              .install(dev.keel.db.Database.create())
              .install(Jobs.create());
      assertThatThrownBy(app::start)
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("keel.jobs.workerz")
          .hasMessageContaining("keel.jobs.workers");
      args[2] = "--keel.jobs.workers=3";
      var ok =
          dev.keel.core.Keel.create(args)
              .install(dev.keel.db.Database.create())
              .install(Jobs.create());
      ok.start();
      ok.stop();
    }
  }

  @Test
  void aMalformedCronStopsStartUpNamingTheKey() throws Exception {
    try (var db = TestDatabase.create(Dialect.SQLITE)) {
      assertThatThrownBy(
              () ->
                  TestApp.start(
                      db.url,
                      jobs ->
                          jobs.handle(Tick.class, (j, c) -> {})
                              .recurring("nightly", "0 3 * *", new Tick("x"))))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("keel.jobs.recurring.nightly.cron")
          .hasMessageContaining("'0 3 * *' is not a cron expression")
          .hasMessageContaining("write five fields");
      assertThatThrownBy(
              () ->
                  TestApp.start(
                      db.url,
                      jobs ->
                          jobs.handle(Tick.class, (j, c) -> {})
                              .recurring("nightly", "0 3 * * *", new Tick("x")),
                      "keel.jobs.recurring.nightly.zone=Mars/Olympus"))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("keel.jobs.recurring.nightly.zone")
          .hasMessageContaining("'Mars/Olympus' is not a time zone");
    }
  }
}
