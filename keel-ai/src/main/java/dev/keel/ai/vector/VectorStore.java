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
