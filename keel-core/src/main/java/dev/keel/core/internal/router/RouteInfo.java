package dev.keel.core.internal.router;

import java.util.Objects;

/** One registered route, for printing a route table. Implicit HEAD and OPTIONS are not listed. */
public record RouteInfo(String method, String pattern, String description) {
  public RouteInfo {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(description, "description");
  }
}
