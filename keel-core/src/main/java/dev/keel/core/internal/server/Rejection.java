package dev.keel.core.internal.server;

import dev.keel.core.Problem;
import dev.keel.core.ProblemType;

/**
 * Why the server refuses a request before any handler runs: the kind of problem and the sentence
 * for its {@code detail}. Used in place of exceptions on the event loop, where refusals are routine
 * (limits, malformed messages) and a stack trace would be waste.
 */
record Rejection(ProblemType type, String detail) {
  Problem problem() {
    return Problem.of(type, detail);
  }
}
