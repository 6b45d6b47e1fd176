package dev.keel.graphql.internal;

import dev.keel.core.Keel;

/** GraphiQL, served from the jar. */
public final class GraphiQl {
  private GraphiQl() {}

  public static void route(Keel app, String path, String endpoint) {
    // filled in below
  }
}
