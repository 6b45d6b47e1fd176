package dev.keel.ai.rag;

import dev.keel.ai.embed.Embedder;
import dev.keel.ai.rag.internal.Chunker;
import dev.keel.ai.rag.internal.TextExtractor;
import dev.keel.ai.vector.MetadataFilter;
import dev.keel.ai.vector.VectorEntry;
import dev.keel.ai.vector.VectorMatch;
import dev.keel.ai.vector.VectorProblems;
import dev.keel.ai.vector.VectorStore;
import dev.keel.core.HttpException;
import dev.keel.jobs.Jobs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retrieval-augmented generation over a {@link VectorStore}: ingest documents as chunks, retrieve
 * the chunks closest to a question, answer from them with citations.
 *
 * <pre>{@code
 * Rag rag = Rag.create(Embedders.local(), VectorStores.lucene(Path.of("data/vectors"), 384))
 *     .ingestWith(jobs);                                   // before the app starts
 * rag.enqueue(Document.markdown("guide", "docs/guide.md", markdown)); // a keel-jobs job
 * Answer a = rag.answer("How do I retry a job?", 4, generator);
 * }</pre>
 *
 * <p>Chunks are stored with ids {@code documentId#index} and the metadata of their document plus
 * {@code _document}, {@code _source} and {@code _chunk}; keys starting with {@code _} are Keel's.
 * Ingesting a document again replaces its old chunks in one change (in the Lucene store), so a
 * search meanwhile sees the old chunks or the new ones. Defaults: chunks of at most 800 characters
 * (all-MiniLM-L6-v2 reads ~256 word pieces, about 1,000 characters of English) overlapping by 160.
 * Thread-safe once configured.
 */
public final class Rag {
  private static final Logger log = LoggerFactory.getLogger(Rag.class);
  private static final Pattern CITE = Pattern.compile("\\[(\\d{1,3})]");
  private static final int MAX_QUESTION = 4000;
  static final String DOCUMENT = "_document";
  static final String SOURCE = "_source";
  static final String CHUNK = "_chunk";

  private final Embedder embedder;
  private final VectorStore store;
  private Chunker chunker = new Chunker(800, 160);
  private volatile Jobs jobs;

  private Rag(Embedder embedder, VectorStore store) {
    this.embedder = embedder;
    this.store = store;
  }

  /**
   * RAG over {@code store}, embedding with {@code embedder}.
   *
   * @throws IllegalArgumentException when their dimensions differ
   */
  public static Rag create(Embedder embedder, VectorStore store) {
    if (embedder.dimension() != store.dimension()) {
      throw new IllegalArgumentException(
          "the embedder makes "
              + embedder.dimension()
              + "-dimensional vectors, the store holds "
              + store.dimension()
              + ": create the store with the embedder's dimension");
    }
    return new Rag(embedder, store);
  }

  /**
   * Chunks of at most {@code size} characters, each overlapping the previous by ~{@code overlap}.
   */
  public Rag chunking(int size, int overlap) {
    this.chunker = new Chunker(size, overlap);
    return this;
  }

  /**
   * Ingests documents as {@link IngestDocument} jobs of {@code jobs}: registers their handler, so
   * call it before the application starts. A failed ingestion (the embedder down) is retried by
   * keel-jobs with backoff; running one twice leaves the same chunks.
   */
  public Rag ingestWith(Jobs jobs) {
    jobs.handle(IngestDocument.class, (job, ctx) -> ingest(job.document()));
    this.jobs = jobs;
    return this;
  }

  /**
   * Enqueues {@code document}'s ingestion; inside a {@code db.transaction} it runs only if that
   * commits. Returns the job's id.
   */
  public long enqueue(Document document) {
    Jobs j = jobs;
    if (j == null) {
      throw new IllegalStateException(
          "no jobs to ingest with: call rag.ingestWith(jobs) before the application starts, or"
              + " ingest(document) to do it on this thread");
    }
    checkMetadata(document);
    return j.enqueue(new IngestDocument(document));
  }

  /** Extracts, chunks, embeds and stores {@code document} now; returns its number of chunks. */
  public int ingest(Document document) {
    checkMetadata(document);
    String text = TextExtractor.text(document.format(), document.content());
    List<String> chunks = chunker.chunks(text);
    List<float[]> vectors = chunks.isEmpty() ? List.of() : embedder.embedAll(chunks);
    List<VectorEntry> entries = new ArrayList<>(chunks.size());
    for (int i = 0; i < chunks.size(); i++) {
      Map<String, String> metadata = new HashMap<>(document.metadata());
      metadata.put(DOCUMENT, document.id());
      metadata.put(SOURCE, document.source());
      metadata.put(CHUNK, Integer.toString(i));
      entries.add(
          new VectorEntry(document.id() + "#" + i, vectors.get(i), chunks.get(i), metadata));
    }
    // old chunks out, new ones in, in one change: a search meanwhile never misses the document
    store.replace(MetadataFilter.none().with(DOCUMENT, document.id()), entries);
    log.debug("ingested {} ({}) as {} chunks", document.id(), document.source(), entries.size());
    return entries.size();
  }

  /** Removes the chunks of document {@code documentId}; returns how many there were. */
  public long remove(String documentId) {
    return store.delete(MetadataFilter.none().with(DOCUMENT, documentId));
  }

  /** The {@code k} chunks closest to {@code question}, most similar first. */
  public List<Citation> retrieve(String question, int k) {
    return retrieve(question, k, MetadataFilter.none());
  }

  /** The {@code k} chunks closest to {@code question} among those {@code filter} lets through. */
  public List<Citation> retrieve(String question, int k, MetadataFilter filter) {
    checkQuestion(question);
    if (k < 1 || k > 100) throw new IllegalArgumentException("k: " + k + " (expected: 1 to 100)");
    List<Citation> out = new ArrayList<>(k);
    for (VectorMatch m : store.search(embedder.embed(question), k, filter)) {
      Map<String, String> meta = m.entry().metadata();
      out.add(
          new Citation(
              out.size() + 1,
              m.entry().id(),
              meta.getOrDefault(DOCUMENT, m.entry().id()),
              meta.getOrDefault(SOURCE, ""),
              m.entry().text(),
              m.score()));
    }
    return out;
  }

  /** Answers {@code question} from its {@code k} closest chunks; see {@link Answer}. */
  public Answer answer(String question, int k, Generator generator) {
    return answer(question, k, MetadataFilter.none(), generator);
  }

  /** As {@link #answer(String, int, Generator)}, retrieving only what {@code filter} allows. */
  public Answer answer(String question, int k, MetadataFilter filter, Generator generator) {
    Objects.requireNonNull(generator, "generator");
    List<Citation> context = retrieve(question, k, filter);
    String text = generator.generate(question, context);
    return new Answer(text, cited(text, context));
  }

  /**
   * A prompt for a chat model: the rules (answer only from the sources, cite them as {@code [n]},
   * say so when they do not answer), the numbered sources, and the question.
   */
  public static String prompt(String question, List<Citation> context) {
    StringBuilder sb =
        new StringBuilder(
            "Answer the question using only the numbered sources below. Cite every source you use"
                + " as [n] right after the sentence it supports. If the sources do not contain the"
                + " answer, say that you do not know.\n\nSources:\n");
    for (Citation c : context) {
      sb.append('[').append(c.number()).append("] (").append(c.source()).append(") ");
      sb.append(c.text().replace('\n', ' ')).append('\n');
    }
    return sb.append("\nQuestion: ").append(question.strip()).toString();
  }

  private static List<Citation> cited(String answer, List<Citation> context) {
    TreeSet<Integer> numbers = new TreeSet<>();
    Matcher m = CITE.matcher(answer);
    while (m.find()) {
      int n = Integer.parseInt(m.group(1));
      if (n >= 1 && n <= context.size()) numbers.add(n);
    }
    if (numbers.isEmpty()) return context;
    List<Citation> out = new ArrayList<>(numbers.size());
    for (int n : numbers) out.add(context.get(n - 1));
    return out;
  }

  private static void checkQuestion(String question) {
    if (question == null || question.isBlank()) {
      throw new HttpException(VectorProblems.QUESTION_INVALID, "the question is empty; ask one");
    }
    if (question.length() > MAX_QUESTION) {
      throw new HttpException(
          VectorProblems.QUESTION_INVALID,
          "the question has "
              + question.length()
              + " characters, more than the limit of "
              + MAX_QUESTION
              + "; shorten it");
    }
  }

  private static void checkMetadata(Document document) {
    for (String key : document.metadata().keySet()) {
      if (key.startsWith("_")) {
        throw new IllegalArgumentException(
            "document "
                + document.id()
                + " has metadata key '"
                + key
                + "': keys starting with _ are Keel's (_document, _source, _chunk); rename it");
      }
    }
  }
}
