package dev.keel.ai.embed;

import dev.keel.ai.embed.internal.MiniLmEmbedder;
import dev.keel.ai.embed.internal.OpenAiEmbedder;
import dev.keel.core.Config;

/** The embedders Keel ships. */
public final class Embedders {
  private Embedders() {}

  /**
   * all-MiniLM-L6-v2 (384 dimensions, English, sentences and short paragraphs up to ~256 word
   * pieces; longer text is cut) in this process on ONNX Runtime. The model (an 80 MB jar) comes in
   * a Maven artifact, so it needs no network; loading it takes about a second, so share one
   * instance. The JVM should run with {@code --enable-native-access=ALL-UNNAMED}.
   */
  public static Embedder local() {
    return MiniLmEmbedder.shared();
  }

  /** An OpenAI-compatible {@code /v1/embeddings} endpoint, as {@code settings} say. */
  public static Embedder remote(EmbedderSettings settings) {
    return new OpenAiEmbedder(settings);
  }

  /** The embedder {@code keel.ai.embeddings.*} names; see {@link EmbedderSettings}. */
  public static Embedder fromConfig(Config config) {
    EmbedderSettings settings = EmbedderSettings.from(config);
    return settings.provider().equals("local") ? local() : remote(settings);
  }
}
