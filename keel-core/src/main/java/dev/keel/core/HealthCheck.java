package dev.keel.core;

import java.util.Objects;

/**
 * A named check of something the application needs, such as its database pool or a message broker.
 * Applications and modules {@linkplain Keel#provide provide} checks as services; {@code keel-ops}
 * runs them for {@code /health/ready} (and {@code /health/live} for {@link Probe#LIVENESS} checks)
 * without the module depending on it.
 *
 * <pre>{@code
 * app.provide(HealthCheck.class, HealthCheck.of("database", () -> {
 *   try (var c = dataSource.getConnection()) {
 *     if (!c.isValid(1)) throw new IllegalStateException("connection is not valid");
 *   }
 * }));
 * }</pre>
 *
 * <p>A check is up when {@link #check()} returns normally and down when it throws; the exception's
 * message is shown as the reason, so make it say what failed. Checks may block: they run on virtual
 * threads, concurrently, with a time limit. They must be thread-safe.
 */
public interface HealthCheck {

  /** Which probe a check counts for. */
  enum Probe {
    /** The process itself is broken and should be restarted; rarely a dependency. */
    LIVENESS,
    /** The process cannot serve traffic right now (a dependency is down); the default. */
    READINESS
  }

  /** A short stable name, e.g. {@code database}, shown in health responses. */
  String name();

  /** Returns normally when healthy; throws with a message saying what is wrong otherwise. */
  void check() throws Exception;

  /** The probe this check counts for; {@link Probe#READINESS} unless overridden. */
  default Probe probe() {
    return Probe.READINESS;
  }

  /** The body of a check, for {@link #of(String, Body)}. */
  @FunctionalInterface
  interface Body {
    void run() throws Exception;
  }

  /** A readiness check named {@code name} that runs {@code body}. */
  static HealthCheck of(String name, Body body) {
    return of(name, Probe.READINESS, body);
  }

  /** A check named {@code name} for {@code probe} that runs {@code body}. */
  static HealthCheck of(String name, Probe probe, Body body) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(probe, "probe");
    Objects.requireNonNull(body, "body");
    if (name.isBlank()) throw new IllegalArgumentException("health check name must not be blank");
    return new HealthCheck() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void check() throws Exception {
        body.run();
      }

      @Override
      public Probe probe() {
        return probe;
      }

      @Override
      public String toString() {
        return "HealthCheck[" + name + ", " + probe + "]";
      }
    };
  }
}
