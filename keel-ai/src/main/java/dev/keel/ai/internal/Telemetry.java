package dev.keel.ai.internal;

import dev.keel.ai.Usage;
import java.time.Duration;

/** Where token usage goes: keel-ops' metrics and the current span when installed, else nowhere. */
public interface Telemetry {
  /** One request to the model, with the tokens it used. */
  void round(Usage usage);

  /** A whole call (every round), ended with {@code outcome}: ok, cancelled or a problem code. */
  void call(Usage total, int rounds, String outcome, Duration took);

  Telemetry NONE =
      new Telemetry() {
        @Override
        public void round(Usage usage) {}

        @Override
        public void call(Usage total, int rounds, String outcome, Duration took) {}
      };
}
