package dev.keel.ai.vector;

import java.util.Map;
import java.util.Objects;

/**
 * One stored vector.
 *
 * @param id unique in its store; storing the same id again replaces the entry
 * @param vector the embedding, of the store's dimension
 * @param text the text it embeds, returned with matches
 * @param metadata plain keys (letters, digits, {@code _ - .}) to string values, for filters
 */
public record VectorEntry(String id, float[] vector, String text, Map<String, String> metadata) {
  public VectorEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(vector, "vector");
    Objects.requireNonNull(text, "text");
    metadata = Map.copyOf(metadata);
    for (String key : metadata.keySet()) MetadataFilter.checkKey(key);
    if (id.isEmpty()) throw new IllegalArgumentException("a vector entry's id must not be empty");
  }
}
