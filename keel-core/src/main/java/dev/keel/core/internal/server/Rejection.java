package dev.keel.core.internal.server;

/**
 * Why the server refuses a request before any handler runs: the status and the sentence for the
 * problem's {@code detail}. Used in place of exceptions on the event loop, where refusals are
 * routine (limits, malformed messages) and a stack trace would be waste.
 */
record Rejection(int status, String detail) {
  static Rejection badRequest(String detail) {
    return new Rejection(400, detail);
  }
}
