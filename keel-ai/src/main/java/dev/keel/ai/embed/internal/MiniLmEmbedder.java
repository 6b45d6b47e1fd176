package dev.keel.ai.embed.internal;

import dev.keel.ai.embed.Embedder;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/**
 * all-MiniLM-L6-v2 through LangChain4j's ONNX wrapper (tokenizer, mean pooling, normalisation). One
 * shared instance: the ONNX session is thread-safe and costs ~90 MB and a second to load.
 */
public final class MiniLmEmbedder implements Embedder {
  private static volatile MiniLmEmbedder shared;

  private final AllMiniLmL6V2EmbeddingModel model;

  private MiniLmEmbedder() {
    // its own executor runs batches on the caller's thread: no pool of platform threads per app
    this.model = new AllMiniLmL6V2EmbeddingModel(Runnable::run);
  }

  /** The process's one instance, loaded on first use. */
  public static MiniLmEmbedder shared() {
    MiniLmEmbedder m = shared;
    if (m == null) {
      synchronized (MiniLmEmbedder.class) {
        m = shared;
        if (m == null) shared = m = new MiniLmEmbedder();
      }
    }
    return m;
  }

  @Override
  public int dimension() {
    return 384;
  }

  @Override
  public float[] embed(String text) {
    return model.embed(text).content().vector();
  }

  @Override
  public List<float[]> embedAll(List<String> texts) {
    List<TextSegment> segments = new ArrayList<>(texts.size());
    for (String t : texts) segments.add(TextSegment.from(t));
    List<float[]> out = new ArrayList<>(texts.size());
    for (Embedding e : model.embedAll(segments).content()) out.add(e.vector());
    return out;
  }
}
