package dev.keel.examples.conduit;

import dev.keel.db.Database;
import dev.keel.jobs.Jobs;
import java.time.Duration;

/**
 * Conduit's background jobs: a welcome mail enqueued in the registration's transaction, and a
 * nightly clean-up of old mail records. "Sending" records the mail in {@code sent_mail}.
 */
final class Mail {
  /** Welcomes a new user; enqueued by {@link Users#register} in the same transaction. */
  record SendWelcomeMail(long userId) {}

  /** Forgets mail records older than 30 days; every night at 03:00 UTC, once per cluster. */
  record CleanUpMail() {}

  private Mail() {}

  static Jobs jobs(Database db) {
    return Jobs.create()
        .handle(
            SendWelcomeMail.class,
            (job, ctx) ->
                db.sql(
                        "insert into sent_mail (user_id, kind, sent_at) values (:u, 'welcome',"
                            + " :t)")
                    .bind("u", job.userId())
                    .bind("t", System.currentTimeMillis())
                    .update())
        .handle(
            CleanUpMail.class,
            (job, ctx) ->
                db.sql("delete from sent_mail where sent_at < :before")
                    .bind("before", System.currentTimeMillis() - Duration.ofDays(30).toMillis())
                    .update())
        .recurring("mail-cleanup", "0 3 * * *", new CleanUpMail());
  }
}
