package dev.keel.security;

import java.util.Objects;

/**
 * An insecure setting found by {@link Security#deployCheck()}, in the manner of Django's {@code
 * check --deploy}.
 *
 * @param id a stable id such as {@code keel.security.W001}, documented in the module README
 * @param problem what is insecure
 * @param fix what to set
 */
public record DeployFinding(String id, String problem, String fix) {
  public DeployFinding {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(problem, "problem");
    Objects.requireNonNull(fix, "fix");
  }

  @Override
  public String toString() {
    return id + ": " + problem + " Fix: " + fix;
  }
}
