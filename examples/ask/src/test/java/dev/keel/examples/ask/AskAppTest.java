package dev.keel.examples.ask;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.Keel;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example end to end: articles saved over HTTP are embedded by keel-jobs with the real local
 * model into a real Lucene index; search finds them by meaning; ask streams a (local stand-in) chat
 * model's answer after the passages it was given, and the model got those passages.
 */
class AskAppTest {
  private static final String BREAD =
      "Feed the sourdough starter the night before. Mix flour, water and salt, fold the dough every"
          + " half hour, let it rise until doubled, then bake it in a hot oven for forty minutes.";
  private static final String BIKES =
      "To fix a flat tyre on a bicycle, take the wheel off, lever the tyre away from the rim, find"
          + " the puncture in the inner tube and patch it, then pump it up again.";
  private static final String TAXES =
      "File your income tax return before the deadline; keep receipts for deductions such as work"
          + " equipment and charitable donations.";

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();
  private ModelServer model;
  private Keel app;

  @BeforeEach
  void start() throws Exception {
    model = new ModelServer(List.of("Let it rise", " until doubled", " [1]."));
    app =
        AskApp.app(
                "--keel.server.port=0",
                "--keel.db.url=jdbc:sqlite:" + dir.resolve("ask.db"),
                "--ask.index=" + dir.resolve("index"),
                "--keel.ai.base-url=" + model.baseUrl(),
                "--keel.ai.model=test")
            .start();
  }

  @AfterEach
  void stop() {
    if (app != null) app.stop();
    model.close();
  }

  @Test
  void savedArticlesAreFoundByMeaningAndAnswersStreamAfterTheirSources() throws Exception {
    String bread = created(post("/api/articles", article("Sourdough at home", BREAD)));
    created(post("/api/articles", article("Bicycle repair", BIKES)));
    created(post("/api/articles", article("Taxes", TAXES)));
    awaitIndexed(3);

    // no word in common with the bread article but its meaning
    String hits = get("/api/search?q=" + enc("How do I make a loaf of bread?")).body();
    assertThat(firstArticle(hits)).as(hits).isEqualTo("/api/articles/" + bread);

    var response =
        http.send(
            HttpRequest.newBuilder(uri("/api/ask?q=" + enc("How long should the dough rise?")))
                .header("Accept", "text/event-stream")
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    List<String[]> events = new ArrayList<>();
    try (var in =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      String event = null;
      for (String line; (line = in.readLine()) != null; ) {
        if (line.startsWith("event: ")) event = line.substring(7);
        if (line.startsWith("data: ")) events.add(new String[] {event, line.substring(6)});
      }
    }
    assertThat(events.getFirst()[0]).isEqualTo("sources");
    assertThat(firstArticle(events.getFirst()[1])).isEqualTo("/api/articles/" + bread);
    StringBuilder answer = new StringBuilder();
    for (String[] e : events) if ("token".equals(e[0])) answer.append(e[1]);
    assertThat(answer.toString()).isEqualTo("Let it rise until doubled [1].");
    assertThat(events.getLast()[0]).isEqualTo("done");
    // the model was asked the question with the bread passage numbered [1]
    String sent = model.requests.poll(5, TimeUnit.SECONDS);
    assertThat(sent)
        .contains("How long should the dough rise?")
        .contains("[1]")
        .contains("sourdough starter");
  }

  @Test
  void badQuestionsAndArticlesAreClearProblems() throws Exception {
    var noQuestion = get("/api/ask");
    assertThat(noQuestion.statusCode()).isEqualTo(400);
    assertThat(noQuestion.body()).contains("Ask a question with ?q=");
    assertThat(get("/api/ask?q=" + "x".repeat(501)).body()).contains("at most 500");
    var blank = get("/api/search?q=%20"); // present but blank: a constraint, so 422
    assertThat(blank.statusCode()).isEqualTo(422);
    assertThat(blank.body()).contains("\"q\"");
    assertThat(get("/api/search?q=bread&limit=lots").statusCode()).isEqualTo(400);
    var typed = post("/api/articles", "{\"title\": 12, \"body\": \"text\"}");
    assertThat(typed.statusCode()).isEqualTo(400);
    assertThat(typed.body()).contains("title");
    assertThat(get("/api/articles/99").statusCode()).isEqualTo(404);
    assertThat(model.requests).isEmpty(); // nothing reached the model
  }

  private void awaitIndexed(int documents) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      String body = get("/api/search?q=anything&limit=20").body();
      long distinct =
          java.util.regex.Pattern.compile("\"article\":\"([^\"]+)\"")
              .matcher(body)
              .results()
              .map(m -> m.group(1))
              .distinct()
              .count();
      if (distinct >= documents) return;
      Thread.sleep(200);
    }
    throw new AssertionError("the articles were not indexed within 90 s");
  }

  private static String firstArticle(String json) {
    var m = java.util.regex.Pattern.compile("\"article\":\"([^\"]+)\"").matcher(json);
    assertThat(m.find()).as(json).isTrue();
    return m.group(1);
  }

  private static String created(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    var m = java.util.regex.Pattern.compile("\"id\":(\\d+)").matcher(response.body());
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private static String article(String title, String body) {
    return "{\"title\":\"" + title + "\",\"body\":\"" + body + "\"}";
  }

  private HttpResponse<String> post(String path, String json) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + app.port() + path);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
