package dev.keel.ai.vector;

import java.util.List;

/**
 * Stores vectors with their text and metadata and finds the nearest to a query by cosine
 * similarity. Thread-safe; writes are durable when the call returns. Close it when the app stops.
 */
public interface VectorStore extends AutoCloseable {
  /** The vector length every entry and query must have. */
  int dimension();

  /** Adds the entries, replacing those whose id is stored already. */
  void upsert(List<VectorEntry> entries);

  /** Removes the entries whose metadata passes {@code filter}; returns how many went. */
  long delete(MetadataFilter filter);

  /**
   * Removes the entries {@code old} lets through and adds {@code entries}, as one change where the
   * store can: a search meanwhile sees the old entries or the new ones, never neither (re-ingesting
   * a document). This default does the two steps one after the other.
   */
  default void replace(MetadataFilter old, List<VectorEntry> entries) {
    delete(old);
    if (!entries.isEmpty()) upsert(entries);
  }

  /**
   * The {@code k} entries nearest to {@code query} among those {@code filter} lets through, closest
   * first. Approximate (HNSW) in both shipped stores: see the module's benchmark for its recall.
   */
  List<VectorMatch> search(float[] query, int k, MetadataFilter filter);

  /** How many entries are stored. */
  long count();

  @Override
  void close();

  /** Throws when {@code vector} is not of {@code dimension}; stores call it on every input. */
  static void checkDimension(float[] vector, int dimension) {
    if (vector.length != dimension) {
      throw new IllegalArgumentException(
          "vector has "
              + vector.length
              + " dimensions, the store holds "
              + dimension
              + ": embed with the same model the store was built with");
    }
  }
}
