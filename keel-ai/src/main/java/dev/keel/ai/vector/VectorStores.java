package dev.keel.ai.vector;

import dev.keel.ai.vector.internal.LuceneVectorStore;
import dev.keel.ai.vector.internal.PgVectorStore;
import dev.keel.db.Database;
import java.nio.file.Path;

/** The vector stores Keel ships. */
public final class VectorStores {
  private VectorStores() {}

  /**
   * An embedded store: a Lucene index (HNSW graph, M 16, beam width 100, 100 candidates per search)
   * in {@code folder}, created when missing and reopened as it was left. One store per folder per
   * process.
   *
   * @throws IllegalStateException when the folder holds vectors of another dimension
   */
  public static VectorStore lucene(Path folder, int dimension) {
    return new LuceneVectorStore(folder, dimension, 16, 100, 100);
  }

  /**
   * As {@link #lucene(Path, int)} with HNSW's graph degree {@code maxConnections}, insertion beam
   * {@code beamWidth} and search beam {@code candidates} (at least k is used): higher is better
   * recall; the first two cost indexing time and disk, the last query time.
   */
  public static VectorStore lucene(
      Path folder, int dimension, int maxConnections, int beamWidth, int candidates) {
    return new LuceneVectorStore(folder, dimension, maxConnections, beamWidth, candidates);
  }

  /**
   * A table {@code table} on {@code db} (PostgreSQL) with pgvector's {@code vector} type and an
   * HNSW index over cosine distance, created when missing together with the extension.
   *
   * @throws dev.keel.core.HttpException {@code pgvector-missing} (503) when the server has no
   *     pgvector or it cannot be created in the database; the detail says how to install it
   */
  public static VectorStore pgvector(Database db, String table, int dimension) {
    return new PgVectorStore(db, table, dimension);
  }

  /** Whether {@code db}'s server offers pgvector ({@code pg_available_extensions}). */
  public static boolean pgvectorAvailable(Database db) {
    return PgVectorStore.available(db.dataSource());
  }
}
