package dev.keel.graphql.spi;

import java.util.List;

/** Resolves one field for many parents: one value per parent, in order. */
@FunctionalInterface
public interface BatchResolver {
  List<?> resolve(List<Object> parents, Call call) throws Exception;
}
