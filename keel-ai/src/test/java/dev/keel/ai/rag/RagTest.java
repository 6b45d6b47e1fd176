package dev.keel.ai.rag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.ai.embed.Embedder;
import dev.keel.ai.embed.Embedders;
import dev.keel.ai.vector.MetadataFilter;
import dev.keel.ai.vector.PgTestDatabase;
import dev.keel.ai.vector.VectorProblems;
import dev.keel.ai.vector.VectorStore;
import dev.keel.ai.vector.VectorStores;
import dev.keel.core.Config;
import dev.keel.core.HttpException;
import dev.keel.core.Keel;
import dev.keel.db.Database;
import dev.keel.jobs.Jobs;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RAG for real: the local model, a Lucene index, and keel-jobs on PostgreSQL for ingestion. */
class RagTest {
  private static final Embedder EMBEDDER = Embedders.local();

  @TempDir Path folder;

  private static final String JOBS_MD =
      """
      # Jobs

      Keel stores background jobs in the application's own database. A worker claims a due job
      with FOR UPDATE SKIP LOCKED and holds a lease.

      ## Retries

      A job whose handler throws is retried with exponential backoff until its last attempt.
      """;

  private static final String GARDEN_HTML =
      """
      <article><h1>Tomatoes</h1><p>Tomato plants need full sun and regular watering.
      Pinch out side shoots to get larger fruit.</p></article>
      """;

  @Test
  void retrievesTheClosestChunksWithScoresAndFilters() {
    try (VectorStore store = VectorStores.lucene(folder, 384)) {
      Rag rag = Rag.create(EMBEDDER, store).chunking(120, 30);
      assertThat(rag.ingest(Document.markdown("jobs", "docs/jobs.md", JOBS_MD).with("lang", "en")))
          .isGreaterThan(2);
      assertThat(rag.ingest(Document.html("garden", "https://example.org/tomatoes", GARDEN_HTML)))
          .isPositive();
      rag.ingest(Document.text("empty", "nothing", "   "));

      List<Citation> hits = rag.retrieve("how often should I water tomato plants?", 3);
      assertThat(hits).hasSize(3);
      assertThat(hits.getFirst().documentId()).isEqualTo("garden");
      assertThat(hits.getFirst().source()).isEqualTo("https://example.org/tomatoes");
      assertThat(hits.getFirst().text()).contains("watering");
      assertThat(hits).extracting(Citation::number).containsExactly(1, 2, 3);
      assertThat(hits.get(0).score()).isGreaterThan(hits.get(1).score());

      List<Citation> retry = rag.retrieve("what happens when a handler throws an exception?", 1);
      assertThat(retry.getFirst().text()).contains("retried with exponential backoff");
      assertThat(retry.getFirst().chunkId()).startsWith("jobs#");

      List<Citation> english =
          rag.retrieve("tomato watering", 10, MetadataFilter.none().with("lang", "en"));
      assertThat(english)
          .isNotEmpty()
          .allSatisfy(c -> assertThat(c.documentId()).isEqualTo("jobs"));
    }
  }

  @Test
  void ingestingAgainReplacesTheChunksAndRemoveDeletesThem() {
    try (VectorStore store = VectorStores.lucene(folder, 384)) {
      Rag rag = Rag.create(EMBEDDER, store).chunking(120, 30);
      int first = rag.ingest(Document.markdown("jobs", "docs/jobs.md", JOBS_MD));
      assertThat(rag.ingest(Document.markdown("jobs", "docs/jobs.md", JOBS_MD))).isEqualTo(first);
      assertThat(store.count()).isEqualTo(first);
      rag.ingest(Document.text("jobs", "docs/jobs.txt", "Now a single short sentence."));
      assertThat(store.count()).isEqualTo(1);
      assertThat(rag.remove("jobs")).isEqualTo(1);
      assertThat(store.count()).isZero();
    }
  }

  @Test
  void answersCiteTheChunksTheGeneratorUsed() {
    try (VectorStore store = VectorStores.lucene(folder, 384)) {
      Rag rag = Rag.create(EMBEDDER, store).chunking(120, 30);
      rag.ingest(Document.markdown("jobs", "docs/jobs.md", JOBS_MD));
      rag.ingest(Document.html("garden", "tomatoes.html", GARDEN_HTML));
      List<String> prompts = new java.util.ArrayList<>();
      Answer answer =
          rag.answer(
              "How does a worker claim a job?",
              3,
              (question, sources) -> {
                prompts.add(Rag.prompt(question, sources));
                int n =
                    sources.stream()
                        .filter(c -> c.text().contains("SKIP LOCKED"))
                        .findFirst()
                        .orElseThrow()
                        .number();
                return "With SKIP LOCKED [" + n + "], never from source [9].";
              });
      assertThat(answer.citations()).hasSize(1);
      assertThat(answer.citations().getFirst().text()).contains("SKIP LOCKED");
      assertThat(answer.text()).startsWith("With SKIP LOCKED [");
      assertThat(prompts.getFirst())
          .startsWith("Answer the question using only the numbered sources below.")
          .contains("[1] (docs/jobs.md) ")
          .endsWith("Question: How does a worker claim a job?");

      Answer uncited = rag.answer("tomatoes", 2, (q, s) -> "Sun and water.");
      assertThat(uncited.citations()).hasSize(2);
    }
  }

  @Test
  void badQuestionsAndDocumentsAreRefused() {
    try (VectorStore store = VectorStores.lucene(folder, 384)) {
      Rag rag = Rag.create(EMBEDDER, store);
      assertThatThrownBy(() -> rag.retrieve("  ", 3))
          .isInstanceOfSatisfying(
              HttpException.class,
              e -> assertThat(e.problem().is(VectorProblems.QUESTION_INVALID)).isTrue());
      assertThatThrownBy(() -> rag.retrieve("x".repeat(4001), 3))
          .hasMessageContaining("more than the limit of 4000");
      assertThatThrownBy(() -> DocumentFormat.ofMediaType("application/pdf"))
          .isInstanceOfSatisfying(
              HttpException.class,
              e -> {
                assertThat(e.status()).isEqualTo(415);
                assertThat(e.getMessage()).contains("send text/plain, text/markdown or text/html");
              });
      assertThat(DocumentFormat.ofMediaType("Text/Markdown; charset=utf-8"))
          .isEqualTo(DocumentFormat.MARKDOWN);
      assertThatThrownBy(() -> rag.ingest(Document.text("a", "s", "t").with("_chunk", "1")))
          .hasMessageContaining("keys starting with _ are Keel's");
      assertThatThrownBy(() -> rag.enqueue(Document.text("a", "s", "t")))
          .hasMessageContaining("call rag.ingestWith(jobs) before the application starts");
    }
    try (VectorStore other = VectorStores.lucene(folder.resolve("other"), 768)) {
      assertThatThrownBy(() -> Rag.create(EMBEDDER, other))
          .hasMessageContaining("the embedder makes 384-dimensional vectors, the store holds 768");
    }
  }

  @Test
  void aFailedIngestionJobIsRetriedByKeelJobs() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    Embedder flaky =
        new Embedder() {
          @Override
          public int dimension() {
            return 384;
          }

          @Override
          public float[] embed(String text) {
            return EMBEDDER.embed(text);
          }

          @Override
          public List<float[]> embedAll(List<String> texts) {
            if (calls.incrementAndGet() == 1) throw new IllegalStateException("endpoint down");
            return EMBEDDER.embedAll(texts);
          }
        };
    try (var tdb = PgTestDatabase.create();
        VectorStore store = VectorStores.lucene(folder, 384)) {
      Jobs jobs = Jobs.create();
      Rag rag = Rag.create(flaky, store).ingestWith(jobs);
      Keel app =
          Keel.create(
                  Config.builder()
                      .defaults(
                          Map.of(
                              "keel.db.url", tdb.url,
                              "keel.jobs.poll-interval", "100ms",
                              "keel.jobs.backoff", "50ms"))
                      .build())
              .install(Database.create())
              .install(jobs);
      app.start();
      try {
        long id = rag.enqueue(Document.markdown("jobs", "docs/jobs.md", JOBS_MD));
        assertThat(id).isPositive();
        ReadmeExampleTest.waitUntil(
            () ->
                store.count() > 0
                    && jobs.queues().stream().allMatch(q -> q.ready() + q.running() == 0));
        assertThat(calls.get()).isEqualTo(2);
        assertThat(jobs.failed(10)).isEmpty();
        assertThat(rag.retrieve("retry with backoff", 1).getFirst().documentId()).isEqualTo("jobs");
      } finally {
        app.stop();
      }
    }
  }
}
