package dev.keel.examples.ask;

import dev.keel.ai.Ai;
import dev.keel.ai.embed.Embedder;
import dev.keel.ai.embed.Embedders;
import dev.keel.ai.rag.Citation;
import dev.keel.ai.rag.Rag;
import dev.keel.ai.vector.VectorStore;
import dev.keel.ai.vector.VectorStores;
import dev.keel.core.BadRequest;
import dev.keel.core.Config;
import dev.keel.core.Keel;
import dev.keel.db.Database;
import dev.keel.jobs.Jobs;
import dev.keel.realtime.EventSink;
import dev.keel.realtime.Realtime;
import dev.keel.realtime.ServerSentEvent;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * Articles with semantic search and a streaming "ask the articles" endpoint that cites them. Every
 * saved article is embedded by a keel-jobs job (all-MiniLM-L6-v2, in-process) into a Lucene vector
 * index on disk; {@code /api/search} finds articles by meaning, {@code /api/ask} streams a chat
 * model's answer from the closest passages as Server-Sent Events, after the passages it was given.
 */
public final class AskApp {
  /** Longest question: a question is embedded and sent to the model, so it is kept short. */
  static final int MAX_QUESTION = 500;

  /** Passages given to the model per question. */
  static final int PASSAGES = 3;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private AskApp() {}

  /** Builds the application; {@link #main} starts it, tests start it on a random port. */
  public static Keel app(String... args) {
    return app(Config.load(args));
  }

  public static Keel app(Config config) {
    var db = Database.create();
    var jobs = Jobs.create();
    Embedder embedder = Embedders.fromConfig(config); // local by default: no network, no key
    Path index = Path.of(config.string("ask.index", "ask-index"));
    VectorStore store = VectorStores.lucene(index, embedder.dimension());
    Rag rag = Rag.create(embedder, store).ingestWith(jobs);
    var realtime = Realtime.create();
    var ai = Ai.create(); // keel.ai.* in keel.properties: which model answers
    Keel app = Keel.create(config).install(db).install(jobs).install(realtime).install(ai);
    app.onStop(store);
    app.controllers(new ArticlesController(db, rag), new SearchController(rag));
    // the question is checked before the stream starts: a bad one is a 400 problem, not a stream
    realtime.sse(
        "/api/ask",
        ctx -> {
          String question = question(ctx.query("q"));
          return events -> ask(ai, rag, question, events);
        });
    return app;
  }

  /**
   * Sends the passages as a {@code sources} event, then the model's answer as {@code token} events
   * and a {@code done} event (keel-ai's stream), which cites the passages as [1], [2], ...
   */
  static void ask(Ai ai, Rag rag, String question, EventSink events) {
    List<Citation> passages = rag.retrieve(question, PASSAGES);
    var sources = passages.stream().map(SearchController.Hit::of).toList();
    if (!events.send(ServerSentEvent.of("sources", JSON.writeValueAsString(sources)))) return;
    ai.prompt(Rag.prompt(question, passages))
        .system("You answer questions about the articles of this site, citing them.")
        .streamTo(events);
  }

  /** The question of {@code ?q=}, or a 400 that says what is wrong with it. */
  static String question(java.util.Optional<String> q) {
    String text = q.orElse("").strip();
    if (text.isEmpty()) {
      throw new BadRequest("Ask a question with ?q=, e.g. /api/ask?q=how+do+I+bake+bread");
    }
    if (text.length() > MAX_QUESTION) {
      throw new BadRequest(
          "The question has " + text.length() + " characters; ask in at most " + MAX_QUESTION);
    }
    return text;
  }

  public static void main(String[] args) {
    Keel app = app(args).start();
    System.out.println();
    System.out.println("  ask is running on " + app.url() + "  (Ctrl-C stops it)");
    System.out.println(
        "    curl -X POST -H 'Content-Type: application/json' -d '{\"title\":\"Sourdough\","
            + "\"body\":\"Feed the starter the night before...\"}' "
            + app.url()
            + "/api/articles");
    System.out.println("    curl '" + app.url() + "/api/search?q=bread'");
    System.out.println("    curl -N '" + app.url() + "/api/ask?q=how+do+I+bake+bread'");
    System.out.println();
  }
}
