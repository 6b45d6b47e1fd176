package dev.keel.ai.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.ai.embed.Embedder;
import dev.keel.ai.embed.Embedders;
import dev.keel.core.HttpException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store for real: Lucene's HNSW index in a temporary folder. */
class LuceneVectorStoreTest {
  @TempDir Path folder;

  private static float[] vector(double... xs) {
    float[] v = new float[xs.length];
    for (int i = 0; i < xs.length; i++) v[i] = (float) xs[i];
    return v;
  }

  @Test
  void findsTheNearestByCosineWithScores() {
    try (VectorStore store = VectorStores.lucene(folder, 3)) {
      store.upsert(
          List.of(
              new VectorEntry("x", vector(1, 0, 0), "east", Map.of()),
              new VectorEntry("y", vector(0, 1, 0), "north", Map.of()),
              new VectorEntry("xy", vector(1, 1, 0), "north-east", Map.of())));
      List<VectorMatch> hits = store.search(vector(2, 0.1, 0), 2, MetadataFilter.none());
      assertThat(hits).extracting(h -> h.entry().id()).containsExactly("x", "xy");
      assertThat(hits.getFirst().score())
          .isCloseTo(0.9988, org.assertj.core.data.Offset.offset(1e-3));
      assertThat(hits.get(1).score()).isCloseTo(0.7421, org.assertj.core.data.Offset.offset(1e-3));
      assertThat(hits.getFirst().entry().text()).isEqualTo("east");
    }
  }

  @Test
  void metadataFiltersRestrictTheCandidates() {
    try (VectorStore store = VectorStores.lucene(folder, 3)) {
      store.upsert(
          List.of(
              new VectorEntry("a", vector(1, 0, 0), "a", Map.of("lang", "en", "tag", "x")),
              new VectorEntry("b", vector(0.9, 0.1, 0), "b", Map.of("lang", "de", "tag", "x")),
              new VectorEntry("c", vector(0, 1, 0), "c", Map.of("lang", "en", "tag", "y")),
              new VectorEntry("d", vector(0, 0, 1), "d", Map.of("lang", "fr", "tag", "y"))));
      float[] q = vector(1, 0, 0);
      assertThat(store.search(q, 10, MetadataFilter.none().with("lang", "de")))
          .extracting(h -> h.entry().id())
          .containsExactly("b");
      assertThat(store.search(q, 10, MetadataFilter.none().with("lang", "en", "fr")))
          .extracting(h -> h.entry().id())
          .containsExactly("a", "c", "d");
      assertThat(store.search(q, 10, MetadataFilter.none().with("lang", "en").with("tag", "y")))
          .extracting(h -> h.entry().id())
          .containsExactly("c");
      assertThat(store.search(q, 10, MetadataFilter.none().with("lang", "xx"))).isEmpty();
      assertThat(store.search(q, 1, MetadataFilter.none()).getFirst().entry().metadata())
          .isEqualTo(Map.of("lang", "en", "tag", "x"));
      assertThat(store.delete(MetadataFilter.none().with("tag", "y"))).isEqualTo(2);
      assertThat(store.count()).isEqualTo(2);
    }
  }

  @Test
  void upsertReplacesAnEntryWithTheSameId() {
    try (VectorStore store = VectorStores.lucene(folder, 3)) {
      store.upsert(List.of(new VectorEntry("a", vector(1, 0, 0), "old", Map.of())));
      store.upsert(List.of(new VectorEntry("a", vector(0, 1, 0), "new", Map.of())));
      assertThat(store.count()).isEqualTo(1);
      VectorMatch hit = store.search(vector(0, 1, 0), 5, MetadataFilter.none()).getFirst();
      assertThat(hit.entry().text()).isEqualTo("new");
      assertThat(hit.score()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
    }
  }

  @Test
  void entriesSurviveCloseAndReopen() {
    Embedder embedder = Embedders.local();
    List<String> texts =
        List.of(
            "PostgreSQL stores the jobs table.",
            "The cat chased a mouse through the garden.",
            "HNSW builds a navigable small-world graph for nearest-neighbour search.");
    List<float[]> vectors = embedder.embedAll(texts);
    try (VectorStore store = VectorStores.lucene(folder, 384)) {
      List<VectorEntry> entries = new ArrayList<>();
      for (int i = 0; i < texts.size(); i++) {
        entries.add(new VectorEntry("t" + i, vectors.get(i), texts.get(i), Map.of("n", "" + i)));
      }
      store.upsert(entries);
    }
    try (VectorStore reopened = VectorStores.lucene(folder, 384)) {
      assertThat(reopened.count()).isEqualTo(3);
      List<VectorMatch> hits =
          reopened.search(
              embedder.embed("approximate nearest neighbour graph index"),
              1,
              MetadataFilter.none());
      assertThat(hits.getFirst().entry().id()).isEqualTo("t2");
      assertThat(hits.getFirst().entry().metadata()).containsEntry("n", "2");
    }
    assertThatThrownBy(() -> VectorStores.lucene(folder, 768))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("holds 384-dimensional vectors, not 768");
  }

  @Test
  void manyVectorsAreFoundLikeExactSearchWouldFindThem() {
    Random random = new Random(7);
    int n = 3000;
    int dim = 32;
    float[][] all = new float[n][];
    List<VectorEntry> entries = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      all[i] = new float[dim];
      for (int d = 0; d < dim; d++) all[i][d] = (float) random.nextGaussian();
      entries.add(new VectorEntry("v" + i, all[i], "", Map.of()));
    }
    try (VectorStore store = VectorStores.lucene(folder, dim)) {
      store.upsert(entries);
      int found = 0;
      for (int q = 0; q < 20; q++) {
        float[] query = all[random.nextInt(n)];
        assertThat(store.search(query, 1, MetadataFilter.none()).getFirst().score())
            .isGreaterThan(0.9999);
        found += store.search(query, 10, MetadataFilter.none()).size();
      }
      assertThat(found).isEqualTo(200);
    }
  }

  @Test
  void badInputIsRefusedClearly() {
    try (VectorStore store = VectorStores.lucene(folder, 3)) {
      assertThatThrownBy(() -> store.search(vector(1, 0), 3, MetadataFilter.none()))
          .hasMessageContaining("vector has 2 dimensions, the store holds 3");
      assertThatThrownBy(() -> MetadataFilter.none().with("lang'; drop", "x"))
          .isInstanceOfSatisfying(
              HttpException.class,
              e -> {
                assertThat(e.problem().is(VectorProblems.VECTOR_FILTER_INVALID)).isTrue();
                assertThat(e.getMessage()).contains("is not a plain name");
              });
      assertThatThrownBy(() -> MetadataFilter.none().with("lang"))
          .hasMessageContaining("metadata filter key 'lang' has no values");
    }
  }
}
