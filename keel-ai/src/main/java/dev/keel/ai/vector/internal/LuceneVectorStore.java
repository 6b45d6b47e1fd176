package dev.keel.ai.vector.internal;

import dev.keel.ai.vector.MetadataFilter;
import dev.keel.ai.vector.VectorEntry;
import dev.keel.ai.vector.VectorMatch;
import dev.keel.ai.vector.VectorStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene103.Lucene103Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * A Lucene index in a folder: one document per entry with the vector in an HNSW graph, the text
 * stored, and each metadata pair as an exact-match term ({@code m.KEY}) that filters use. Every
 * write commits, so an entry survives a crash once {@link #upsert} returned.
 */
public final class LuceneVectorStore implements VectorStore {
  private static final String ID = "id";
  private static final String VECTOR = "vector";
  private static final String TEXT = "text";
  private static final String META = "m.";
  private static final String DIMENSION = "keel.dimension";

  private final int dimension;
  private final int candidates;
  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;

  /**
   * Opens (or creates) the index at {@code folder}.
   *
   * @param maxConnections HNSW's M: graph neighbours per node (Lucene's default 16)
   * @param beamWidth candidates considered while inserting (Lucene's default 100)
   * @param candidates candidates a search collects before it keeps the best k (HNSW's ef)
   */
  public LuceneVectorStore(
      Path folder, int dimension, int maxConnections, int beamWidth, int candidates) {
    if (dimension < 1 || dimension > 4096) {
      throw new IllegalArgumentException("dimension: " + dimension + " (expected: 1 to 4096)");
    }
    if (candidates < 1) throw new IllegalArgumentException("candidates: " + candidates + " < 1");
    this.dimension = dimension;
    this.candidates = candidates;
    KnnVectorsFormat format = new Lucene99HnswVectorsFormat(maxConnections, beamWidth);
    IndexWriterConfig config =
        new IndexWriterConfig()
            .setCodec(
                new Lucene103Codec() {
                  @Override
                  public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                    return format;
                  }
                })
            .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    try {
      this.directory = FSDirectory.open(folder);
      this.writer = new IndexWriter(directory, config);
      checkStoredDimension(folder);
      this.searchers = new SearcherManager(writer, null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the vector index at " + folder, e);
    }
  }

  private void checkStoredDimension(Path folder) throws IOException {
    String stored = null;
    var data = writer.getLiveCommitData();
    if (data != null) {
      for (var e : data) if (e.getKey().equals(DIMENSION)) stored = e.getValue();
    }
    if (stored != null && Integer.parseInt(stored) != dimension) {
      writer.close();
      throw new IllegalStateException(
          "the vector index at "
              + folder
              + " holds "
              + stored
              + "-dimensional vectors, not "
              + dimension
              + ": use the embedder it was built with, or a new folder");
    }
    writer.setLiveCommitData(Map.of(DIMENSION, Integer.toString(dimension)).entrySet());
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public void upsert(List<VectorEntry> entries) {
    try {
      add(entries);
      commit();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to the vector index", e);
    }
  }

  /** One commit for both steps: searchers see the index before or after, never in between. */
  @Override
  public void replace(MetadataFilter old, List<VectorEntry> entries) {
    try {
      writer.deleteDocuments(old.isEmpty() ? new MatchAllDocsQuery() : query(old));
      add(entries);
      commit();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to the vector index", e);
    }
  }

  private void add(List<VectorEntry> entries) throws IOException {
    for (VectorEntry e : entries) {
      VectorStore.checkDimension(e.vector(), dimension);
      Document doc = new Document();
      doc.add(new StringField(ID, e.id(), Field.Store.YES));
      doc.add(new KnnFloatVectorField(VECTOR, e.vector(), VectorSimilarityFunction.COSINE));
      doc.add(new StoredField(TEXT, e.text()));
      e.metadata().forEach((k, v) -> doc.add(new StringField(META + k, v, Field.Store.YES)));
      writer.updateDocument(new Term(ID, e.id()), doc);
    }
  }

  @Override
  public long delete(MetadataFilter filter) {
    Query query = filter.isEmpty() ? new MatchAllDocsQuery() : query(filter);
    try {
      long before = count();
      writer.deleteDocuments(query);
      commit();
      return before - count();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete from the vector index", e);
    }
  }

  @Override
  public List<VectorMatch> search(float[] query, int k, MetadataFilter filter) {
    VectorStore.checkDimension(query, dimension);
    if (k < 1) throw new IllegalArgumentException("k: " + k + " (expected: >= 1)");
    // Lucene's k is also the search's beam: a small k alone gets stuck in local minima
    Query knn =
        new KnnFloatVectorQuery(
            VECTOR, query, Math.max(k, candidates), filter.isEmpty() ? null : query(filter));
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        List<VectorMatch> out = new ArrayList<>();
        var stored = searcher.storedFields();
        for (ScoreDoc hit : searcher.search(knn, k).scoreDocs) {
          out.add(new VectorMatch(entry(stored.document(hit.doc)), 2.0 * hit.score - 1.0));
        }
        return out;
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot search the vector index", e);
    }
  }

  @Override
  public long count() {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        return searcher.getIndexReader().numDocs();
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void commit() throws IOException {
    writer.commit();
    searchers.maybeRefreshBlocking();
  }

  private static Query query(MetadataFilter filter) {
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    filter
        .allowed()
        .forEach(
            (key, values) -> {
              BooleanQuery.Builder any = new BooleanQuery.Builder();
              for (String v : values) {
                any.add(new TermQuery(new Term(META + key, v)), BooleanClause.Occur.SHOULD);
              }
              all.add(any.build(), BooleanClause.Occur.FILTER);
            });
    return all.build();
  }

  private static VectorEntry entry(Document doc) {
    Map<String, String> metadata = new HashMap<>();
    for (IndexableField f : doc.getFields()) {
      if (f.name().startsWith(META))
        metadata.put(f.name().substring(META.length()), f.stringValue());
    }
    return new VectorEntry(doc.get(ID), new float[0], doc.get(TEXT), metadata);
  }

  @Override
  public void close() {
    try {
      searchers.close();
      writer.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the vector index", e);
    }
  }
}
