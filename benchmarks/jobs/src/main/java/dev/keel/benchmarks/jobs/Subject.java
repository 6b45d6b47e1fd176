package dev.keel.benchmarks.jobs;

/** One framework under test, on a fresh database. */
interface Subject extends AutoCloseable {
  /** Creates what it needs (tables, client); workers not started. */
  void setUp(String jdbcUrl, int workers) throws Exception;

  /** Enqueues {@code n} jobs as fast as its bulk API allows, workers stopped. */
  void backlog(int n) throws Exception;

  /** Starts {@code workers} worker threads. */
  void start() throws Exception;

  /** Enqueues one job now, stamped with {@code System.nanoTime()}, in its own transaction. */
  void enqueue() throws Exception;

  @Override
  void close();
}
