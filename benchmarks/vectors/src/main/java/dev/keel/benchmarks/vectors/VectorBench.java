package dev.keel.benchmarks.vectors;

import dev.keel.ai.vector.MetadataFilter;
import dev.keel.ai.vector.VectorEntry;
import dev.keel.ai.vector.VectorMatch;
import dev.keel.ai.vector.VectorStore;
import dev.keel.ai.vector.VectorStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Indexes N vectors into {@link VectorStores#lucene}, then for Q queries compares its top 10 with
 * an exact (brute-force cosine) top 10 and times each search. Prints one table row per setting.
 *
 * <p>Arguments: {@code data} ({@code clustered} or {@code uniform}), {@code n}, {@code dimension},
 * {@code queries}, {@code candidates} (comma separated: HNSW's search beam), folder.
 */
public final class VectorBench {
  private static final int K = 10;

  private VectorBench() {}

  public static void main(String[] args) throws Exception {
    String data = args[0];
    int n = Integer.parseInt(args[1]);
    int dim = Integer.parseInt(args[2]);
    int queries = Integer.parseInt(args[3]);
    int[] candidates = Arrays.stream(args[4].split(",")).mapToInt(Integer::parseInt).toArray();
    Path folder = Path.of(args[5]);
    Random random = new Random(42);
    float[][] vectors = new float[n][];
    float[][] query = new float[queries][];
    if (data.equals("clustered") || data.equals("diffuse")) {
      float noise = data.equals("clustered") ? 0.7f : 1.2f;
      Clustered c = new Clustered(random, dim, Math.max(10, n / 1000), noise);
      for (int i = 0; i < n; i++) vectors[i] = c.next();
      for (int i = 0; i < queries; i++) query[i] = c.next();
    } else {
      for (int i = 0; i < n; i++) vectors[i] = uniform(random, dim);
      for (int i = 0; i < queries; i++) query[i] = uniform(random, dim);
    }
    System.out.printf(
        Locale.ROOT, "%s data: %,d vectors of %d dimensions, %d queries%n", data, n, dim, queries);

    deleteRecursively(folder);
    long t0 = System.nanoTime();
    try (VectorStore store = VectorStores.lucene(folder, dim)) {
      List<VectorEntry> batch = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        batch.add(
            new VectorEntry(
                Integer.toString(i), vectors[i], "", Map.of("bucket", Integer.toString(i % 10))));
        if (batch.size() == 10_000 || i == n - 1) {
          store.upsert(batch);
          batch.clear();
        }
      }
    }
    double indexSeconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "indexed in %.1f s (%,.0f vectors/s), %d MB on disk%n",
        indexSeconds,
        n / indexSeconds,
        folderBytes(folder) >> 20);

    long e0 = System.nanoTime();
    int[][] exact = new int[queries][];
    int[][] exactFiltered = new int[queries][];
    float[] norms = new float[n];
    for (int i = 0; i < n; i++) norms[i] = norm(vectors[i]);
    IntStream.range(0, queries)
        .parallel()
        .forEach(
            q -> {
              exact[q] = exactTop(vectors, norms, query[q], -1);
              exactFiltered[q] = exactTop(vectors, norms, query[q], q % 10);
            });
    System.out.printf(
        Locale.ROOT,
        "exact search: %.1f ms per query (brute force, %d threads)%n",
        (System.nanoTime() - e0) / 1e6 / queries / 2,
        Runtime.getRuntime().availableProcessors());

    System.out.println();
    System.out.println("| search | candidates | recall@10 | p50 | p99 | mean |");
    System.out.println("|---|---|---|---|---|---|");
    for (int c : candidates) {
      try (VectorStore store = VectorStores.lucene(folder, dim, 16, 100, c)) {
        measure(store, "all", c, query, exact, -1);
        measure(store, "filter 10%", c, query, exactFiltered, 0);
      }
    }
  }

  private static void measure(
      VectorStore store,
      String name,
      int candidates,
      float[][] query,
      int[][] exact,
      int filtered) {
    int queries = query.length;
    // warm-up: JIT, page cache
    for (int r = 0; r < 3; r++) {
      for (int q = 0; q < queries; q++) store.search(query[q], K, filter(filtered, q));
    }
    long[] nanos = new long[queries];
    double recall = 0;
    for (int q = 0; q < queries; q++) {
      MetadataFilter f = filter(filtered, q);
      long s = System.nanoTime();
      List<VectorMatch> hits = store.search(query[q], K, f);
      nanos[q] = System.nanoTime() - s;
      Set<String> truth = new HashSet<>();
      for (int id : exact[q]) truth.add(Integer.toString(id));
      int found = 0;
      for (VectorMatch m : hits) if (truth.contains(m.entry().id())) found++;
      recall += found / (double) K;
    }
    Arrays.sort(nanos);
    double mean = Arrays.stream(nanos).average().orElse(0);
    System.out.printf(
        Locale.ROOT,
        "| %s | %d | %.3f | %.2f ms | %.2f ms | %.2f ms |%n",
        name,
        candidates,
        recall / queries,
        nanos[queries / 2] / 1e6,
        nanos[(int) Math.ceil(queries * 0.99) - 1] / 1e6,
        mean / 1e6);
  }

  private static MetadataFilter filter(int filtered, int q) {
    return filtered < 0
        ? MetadataFilter.none()
        : MetadataFilter.none().with("bucket", Integer.toString(q % 10));
  }

  /** The ids of the K most cosine-similar vectors (only bucket {@code bucket} unless -1). */
  private static int[] exactTop(float[][] vectors, float[] norms, float[] q, int bucket) {
    float qn = norm(q);
    PriorityQueue<float[]> heap = new PriorityQueue<>((a, b) -> Float.compare(a[0], b[0]));
    for (int i = 0; i < vectors.length; i++) {
      if (bucket >= 0 && i % 10 != bucket) continue;
      float[] v = vectors[i];
      float dot = 0;
      for (int d = 0; d < q.length; d++) dot += q[d] * v[d];
      float cos = dot / (qn * norms[i]);
      if (heap.size() < K) heap.add(new float[] {cos, i});
      else if (cos > heap.peek()[0]) {
        heap.poll();
        heap.add(new float[] {cos, i});
      }
    }
    return heap.stream().mapToInt(e -> (int) e[1]).toArray();
  }

  /**
   * Sentence-embedding-like data: topics (unit centres), each with 10 sub-topics, each vector a
   * sub-topic plus noise of norm {@code noise}: 0.7 ({@code clustered}) puts neighbours at cosine
   * ~0.65, tight groups; 1.2 ({@code diffuse}) at ~0.4, groups that blur into each other, closer to
   * MiniLM on a varied corpus, where related sentences score 0.4-0.7.
   */
  static final class Clustered {
    private final Random random;
    private final int dim;
    private final float[][] subtopics;
    private final float noise;

    Clustered(Random random, int dim, int topics, float noise) {
      this.random = random;
      this.dim = dim;
      this.noise = noise;
      this.subtopics = new float[topics * 10][];
      for (int t = 0; t < topics; t++) {
        float[] centre = unit(gaussian(random, dim, 1));
        for (int s = 0; s < 10; s++) {
          subtopics[t * 10 + s] =
              unit(add(centre, gaussian(random, dim, 0.6f / (float) Math.sqrt(dim))));
        }
      }
    }

    float[] next() {
      float[] sub = subtopics[random.nextInt(subtopics.length)];
      return unit(add(sub, gaussian(random, dim, noise / (float) Math.sqrt(dim))));
    }
  }

  private static float[] uniform(Random random, int dim) {
    float[] v = new float[dim];
    for (int d = 0; d < dim; d++) v[d] = random.nextFloat() * 2 - 1;
    return v;
  }

  private static float[] gaussian(Random random, int dim, float sigma) {
    float[] v = new float[dim];
    for (int d = 0; d < dim; d++) v[d] = (float) random.nextGaussian() * sigma;
    return v;
  }

  private static float[] add(float[] a, float[] b) {
    float[] v = new float[a.length];
    for (int d = 0; d < a.length; d++) v[d] = a[d] + b[d];
    return v;
  }

  private static float[] unit(float[] v) {
    float n = norm(v);
    for (int d = 0; d < v.length; d++) v[d] /= n;
    return v;
  }

  private static float norm(float[] v) {
    double s = 0;
    for (float x : v) s += x * x;
    return (float) Math.sqrt(s);
  }

  private static long folderBytes(Path folder) throws Exception {
    try (var files = Files.list(folder)) {
      return files.mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static void deleteRecursively(Path folder) throws Exception {
    if (!Files.exists(folder)) return;
    try (var files = Files.walk(folder)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
