package dev.keel.graphql;

import dev.keel.graphql.spi.GraphQlBinder;
import dev.keel.graphql.spi.Wiring;

/** A binder as a hand-written one might be: its field's type {@code Gadget} is declared nowhere. */
public final class SchemaAtStartTest_BrokenGraphQl implements GraphQlBinder {
  @Override
  public Class<?> api() {
    return SchemaAtStartTest.Broken.class;
  }

  @Override
  public String schema() {
    return "type Query {\n  gadgets: [Gadget!]!\n}\n";
  }

  @Override
  public void bind(Object api, Wiring wiring) {}
}
