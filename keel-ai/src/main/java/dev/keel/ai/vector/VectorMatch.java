package dev.keel.ai.vector;

/**
 * A search result.
 *
 * @param entry the stored entry (its vector is not loaded back: an empty array)
 * @param score cosine similarity to the query, from -1 to 1, higher is closer
 */
public record VectorMatch(VectorEntry entry, double score) {}
