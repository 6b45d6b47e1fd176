package dev.keel.graphql.spi;

/**
 * The generated half of a {@link dev.keel.graphql.GraphQlApi} class: keel-processor writes one
 * {@code <Class>GraphQl} implementation per class, with the schema's text and a {@link Resolver}
 * per field that calls the class's methods and the records' accessors directly.
 *
 * <p>Implementations need a public no-argument constructor and must be stateless.
 */
public interface GraphQlBinder {
  /** The annotated class this binder wires. */
  Class<?> api();

  /** The schema's text (SDL) for this class: its root fields, records, inputs and enums. */
  String schema();

  /** Registers a resolver for every field of {@link #schema()}, calling {@code api}. */
  void bind(Object api, Wiring wiring);
}
