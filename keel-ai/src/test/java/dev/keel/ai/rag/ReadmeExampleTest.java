package dev.keel.ai.rag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.ai.embed.Embedder;
import dev.keel.ai.embed.Embedders;
import dev.keel.ai.vector.PgTestDatabase;
import dev.keel.ai.vector.VectorStore;
import dev.keel.ai.vector.VectorStores;
import dev.keel.core.Config;
import dev.keel.core.Keel;
import dev.keel.db.Database;
import dev.keel.jobs.Jobs;
import dev.keel.test.TestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example of keel-ai's README section "Embeddings, vector search and RAG", run for real: the
 * local model, a Lucene index, keel-jobs on PostgreSQL. The README shows this code.
 */
class ReadmeExampleTest {
  // --- README example start
  static Keel app(Keel app, Path vectorFolder, Generator generator) {
    Database db = Database.create();
    Jobs jobs = Jobs.create();
    Embedder embedder = Embedders.local(); // all-MiniLM-L6-v2 in-process: no network, no key
    VectorStore store = VectorStores.lucene(vectorFolder, embedder.dimension());
    Rag rag = Rag.create(embedder, store).ingestWith(jobs); // ingestion runs as keel-jobs jobs
    app.install(db).install(jobs).onStop(store);

    app.put(
        "/documents/{id}", // text/plain, text/markdown or text/html; anything else: 415 problem
        ctx -> {
          String id = ctx.pathParam("id");
          var format = DocumentFormat.ofMediaType(ctx.header("Content-Type").orElse(""));
          long job =
              rag.enqueue(new Document(id, "/documents/" + id, format, ctx.bodyText(), Map.of()));
          ctx.status(202);
          return Map.of("job", job);
        });
    app.get(
        "/ask", // the answer with the chunks it cites: [{number, source, text, score}, ...]
        ctx -> rag.answer(ctx.query("q").orElse(""), 3, generator));
    return app;
  }

  // --- README example end

  /** Deterministic stand-in for a chat model: quotes the first sentence of the best source. */
  static final Generator QUOTE_FIRST =
      (question, sources) ->
          sources.isEmpty()
              ? "I do not know."
              : sources.getFirst().text().split("(?<=\\.)\\s", 2)[0] + " [1]";

  @Test
  void documentsIngestedByJobsAnswerQuestionsWithCitations(@TempDir Path folder) throws Exception {
    try (var tdb = PgTestDatabase.create()) {
      Keel app =
          app(
              Keel.create(
                  Config.builder()
                      .defaults(Map.of("keel.db.url", tdb.url, "keel.jobs.poll-interval", "100ms"))
                      .build()),
              folder,
              QUOTE_FIRST);
      app.start();
      try (var client = TestClient.inProcess(app)) {
        var put =
            client
                .put("/documents/retries")
                .body(
                    "# Retries\n\nA job that throws is retried with exponential backoff and"
                        + " jitter. After its last attempt it is kept as failed.",
                    "text/markdown")
                .send();
        assertThat(put.status()).isEqualTo(202);
        assertThat(put.json().path("job").asLong()).isPositive();
        client
            .put("/documents/cats")
            .body(
                "<h1>Cats</h1><p>Cats sleep for most of the day. They hunt at dusk.</p>",
                "text/html; charset=utf-8")
            .send();
        assertThat(client.put("/documents/x").body("%PDF-1.7", "application/pdf").send().status())
            .isEqualTo(415);

        Database db = app.plugin(Database.class).orElseThrow();
        waitUntil(() -> db.sql("select count(*) from keel_job").one(Long.class) == 0);

        var answer = client.get("/ask").query("q", "What happens when a job fails?").send();
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("text").asString())
            .isEqualTo(
                "Retries\n\nA job that throws is retried with exponential backoff and jitter. [1]");
        var cited = answer.json().path("citations");
        assertThat(cited.size()).isEqualTo(1);
        assertThat(cited.get(0).path("source").asString()).isEqualTo("/documents/retries");
        assertThat(cited.get(0).path("score").asDouble()).isBetween(0.2, 1.0);

        var problem = client.get("/ask").query("q", " ").send();
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.json().path("type").asString()).endsWith("/question-invalid");
      } finally {
        app.stop();
      }
    }
  }

  @Test
  void theReadmeShowsThisExample() throws Exception {
    String test = Files.readString(Path.of("src/test/java/dev/keel/ai/rag/ReadmeExampleTest.java"));
    String example =
        test.substring(
            test.indexOf("// --- README example start") + 28,
            test.indexOf("  // --- README example end"));
    assertThat(squash(Files.readString(Path.of("README.md")))).contains(squash(example));
  }

  private static String squash(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }

  static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long until = System.nanoTime() + 60_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > until) throw new AssertionError("not done within 60 s");
      Thread.sleep(50);
    }
  }
}
