package dev.keel.ai.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** all-MiniLM-L6-v2 for real: the ONNX model from the Maven artifact, no network. */
class LocalEmbedderTest {
  private final Embedder embedder = Embedders.local();

  @Test
  void vectorsAreNormalisedAndOf384Dimensions() {
    float[] v = embedder.embed("Keel runs handlers on virtual threads.");
    assertThat(embedder.dimension()).isEqualTo(384);
    assertThat(v).hasSize(384);
    assertThat(norm(v)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
  }

  @Test
  void closeMeaningsAreCloserThanUnrelatedOnes() {
    float[] cat = embedder.embed("The cat sat on the mat.");
    float[] kitten = embedder.embed("A kitten was sitting on a rug.");
    float[] tax = embedder.embed("Quarterly tax filings are due in April.");
    assertThat(cosine(cat, kitten)).isGreaterThan(0.5).isGreaterThan(cosine(cat, tax) + 0.3);
  }

  @Test
  void aBatchGivesTheSameVectorsAsOneByOne() {
    List<String> texts = List.of("first sentence", "a second, longer sentence about databases");
    List<float[]> batch = embedder.embedAll(texts);
    for (int i = 0; i < texts.size(); i++) {
      assertThat(cosine(batch.get(i), embedder.embed(texts.get(i)))).isGreaterThan(0.9999);
    }
  }

  static double cosine(float[] a, float[] b) {
    double dot = 0;
    for (int i = 0; i < a.length; i++) dot += a[i] * b[i];
    return dot / (norm(a) * norm(b));
  }

  static double norm(float[] a) {
    double s = 0;
    for (float x : a) s += x * x;
    return Math.sqrt(s);
  }
}
