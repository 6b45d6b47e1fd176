package dev.keel.ai.embed;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns text into a vector whose cosine similarity to another text's vector says how close their
 * meanings are. Implementations are thread-safe; see {@link Embedders} for the ones Keel ships.
 */
public interface Embedder {
  /** The length of every vector this embedder returns (384 for all-MiniLM-L6-v2). */
  int dimension();

  /** The vector of {@code text}. */
  float[] embed(String text);

  /** The vectors of {@code texts}, in order; implementations batch where the model allows. */
  default List<float[]> embedAll(List<String> texts) {
    List<float[]> out = new ArrayList<>(texts.size());
    for (String t : texts) out.add(embed(t));
    return out;
  }
}
