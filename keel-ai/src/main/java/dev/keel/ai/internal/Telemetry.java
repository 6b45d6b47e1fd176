package dev.keel.ai.internal;

import dev.keel.ai.Usage;

/** Where token usage goes: keel-ops' metrics and traces when installed, else nowhere. */
public interface Telemetry {
  /** A call begins (a span opens when tracing). */
  Call start();

  /** One call to the model, every round of it. */
  interface Call {
    /** One request to the model, with the tokens it used. */
    void round(Usage usage);

    /** The call ended with {@code outcome}: ok, cancelled or a problem code. */
    void end(Usage total, int rounds, String outcome);
  }

  Telemetry NONE =
      () ->
          new Call() {
            @Override
            public void round(Usage usage) {}

            @Override
            public void end(Usage total, int rounds, String outcome) {}
          };
}
