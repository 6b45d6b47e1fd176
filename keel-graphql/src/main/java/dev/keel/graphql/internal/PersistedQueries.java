package dev.keel.graphql.internal;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.persisted.PersistedQueryCache;
import graphql.execution.preparsed.persisted.PersistedQueryCacheMiss;
import graphql.execution.preparsed.persisted.PersistedQueryNotFound;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Automatic persisted queries (Apollo's protocol) with at most {@code capacity} parsed documents,
 * least recently used dropped first: clients cannot grow the server's memory by sending new
 * queries. graphql-java checks that a query's SHA-256 matches the hash it is stored under.
 */
final class PersistedQueries implements PersistedQueryCache {
  private final Map<Object, PreparsedDocumentEntry> cache;

  PersistedQueries(int capacity) {
    this.cache =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Object, PreparsedDocumentEntry> e) {
            return size() > capacity;
          }
        };
  }

  @Override
  public CompletableFuture<PreparsedDocumentEntry> getPersistedQueryDocumentAsync(
      Object id, ExecutionInput input, PersistedQueryCacheMiss onMiss)
      throws PersistedQueryNotFound {
    PreparsedDocumentEntry entry;
    synchronized (cache) {
      entry = cache.get(id);
    }
    if (entry != null) return CompletableFuture.completedFuture(entry);
    String query = input.getQuery();
    if (query == null
        || query.isBlank()
        || query.equals(
            graphql.execution.preparsed.persisted.PersistedQuerySupport.PERSISTED_QUERY_MARKER)) {
      throw new PersistedQueryNotFound(id);
    }
    entry = onMiss.apply(query);
    synchronized (cache) {
      cache.put(id, entry);
    }
    return CompletableFuture.completedFuture(entry);
  }
}
