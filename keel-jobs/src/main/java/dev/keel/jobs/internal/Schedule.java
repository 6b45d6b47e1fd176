package dev.keel.jobs.internal;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A parsed cron expression (Unix: minute hour day-of-month month day-of-week, via cron-utils) in an
 * explicit time zone.
 */
public record Schedule(String expression, ZoneId zone, ExecutionTime times) {
  private static final CronParser UNIX =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
  private static final CronParser WITH_SECONDS =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.SPRING53));

  /**
   * @throws IllegalArgumentException saying what is wrong with {@code expression}
   */
  public static Schedule parse(String expression, ZoneId zone) {
    Cron cron;
    try {
      String text = expression.strip();
      cron = (text.split("\\s+").length == 6 ? WITH_SECONDS : UNIX).parse(text);
      cron.validate();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "'"
              + expression
              + "' is not a cron expression ("
              + e.getMessage()
              + "); write five fields (minute hour day-of-month month day-of-week) or six with seconds first, e.g. '0 3 * *"
              + " *' for 03:00 every day");
    }
    return new Schedule(expression.strip(), zone, ExecutionTime.forCron(cron));
  }

  /** The first fire time strictly after {@code after}. */
  public Optional<ZonedDateTime> next(ZonedDateTime after) {
    // whole seconds, so that every instance computes the same slot
    return times
        .nextExecution(after.withZoneSameInstant(zone).truncatedTo(ChronoUnit.SECONDS))
        .map(t -> t.truncatedTo(ChronoUnit.SECONDS));
  }
}
