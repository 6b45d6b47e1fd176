package dev.keel.graphql.spi;

import java.util.List;

/** Where a {@link GraphQlBinder} registers its resolvers. */
public interface Wiring {
  /**
   * Resolves {@code type.field} with {@code resolver}; {@code requires} are keel-security
   * permissions the caller must hold (none: public).
   */
  void field(String type, String field, List<String> requires, Resolver resolver);

  /** Resolves {@code type.field} for many parents at once, through a DataLoader per request. */
  void batched(String type, String field, List<String> requires, BatchResolver resolver);
}
