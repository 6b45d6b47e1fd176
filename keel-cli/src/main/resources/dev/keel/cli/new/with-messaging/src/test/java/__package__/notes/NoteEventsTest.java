package {{package}}.notes;

import static org.assertj.core.api.Assertions.assertThat;

import {{package}}.App;
import dev.keel.core.Keel;
import dev.keel.db.Database;
import dev.keel.test.TestClient;
import dev.keel.test.TestResponse;
{{#sqlite}}
import java.nio.file.Path;
{{/sqlite}}
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
{{#sqlite}}
import org.junit.jupiter.api.io.TempDir;
{{/sqlite}}

/**
 * Creating a note sends NoteCreated through the outbox to the broker (NATS at 127.0.0.1:4222 unless
 * KEEL_APP_BROKER_URL says otherwise) and the group note-log writes it to note_event. Each run uses
 * a topic of its own, so runs never see each other's messages.
 */
class NoteEventsTest {
{{#sqlite}}
  @TempDir Path dir;
{{/sqlite}}
  private final String topic = "notes-created-test-" + UUID.randomUUID();
  private Database db;
  private TestClient client;

  @BeforeEach
  void start() {
    List<String> args = new ArrayList<>(List.of("--keel.profile=test", "--keel.app.notes-topic=" + topic));
{{#sqlite}}
    args.add("--keel.db.url=jdbc:sqlite:" + dir.resolve("test.db"));
{{/sqlite}}
    Keel app = App.app(args.toArray(String[]::new));
    db = app.plugin(Database.class).orElseThrow();
    client = TestClient.inProcess(app);
  }

  @AfterEach
  void stop() {
    client.close();
  }

  @Test
  void aCreatedNoteReachesTheSubscriberOnce() throws InterruptedException {
    TestResponse created = client.post("/api/notes").json(Map.of("title", "Milk")).send();
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    long id = created.json().get("id").asLong();

    List<String> titles = waitForEvents(id, 1);
    assertThat(titles).containsExactly("Milk");
    Thread.sleep(300); // a second copy would arrive about now: the subscription is idempotent
    assertThat(events(id)).hasSize(1);
  }

  @Test
  void aRejectedNoteSendsNothing() throws InterruptedException {
    TestResponse refused = client.post("/api/notes").json(Map.of("title", " ")).send();
    assertThat(refused.status()).isEqualTo(422);
    TestResponse created = client.post("/api/notes").json(Map.of("title", "Bread")).send();
    long id = created.json().get("id").asLong();
    waitForEvents(id, 1);
    // messages arrive in order on one topic: had the refused one been sent, it would be here too
    assertThat(db.sql("select title from note_event").list(String.class)).containsExactly("Bread");
  }

  private List<String> waitForEvents(long noteId, int count) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
    List<String> titles = events(noteId);
    while (titles.size() < count && Instant.now().isBefore(deadline)) {
      Thread.sleep(50);
      titles = events(noteId);
    }
    assertThat(titles).as("NoteCreated for note " + noteId + " on " + topic).hasSize(count);
    return titles;
  }

  private List<String> events(long noteId) {
    return db.sql("select title from note_event where note_id = :id")
        .bind("id", noteId)
        .list(String.class);
  }
}
