package dev.keel.jobs;

/**
 * Runs jobs of one record type. Called on a virtual thread, with the application's database and
 * configuration at hand; may block. A thrown exception fails this attempt (the job is retried with
 * backoff until its last attempt) and never stops the worker. Must be safe to run again for the
 * same job: delivery is at least once.
 *
 * @param <T> the job's record type, its payload
 */
@FunctionalInterface
public interface JobHandler<T extends Record> {
  void run(T job, JobContext context) throws Exception;
}
