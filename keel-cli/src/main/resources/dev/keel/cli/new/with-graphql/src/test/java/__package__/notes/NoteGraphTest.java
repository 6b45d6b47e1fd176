package {{package}}.notes;

import static org.assertj.core.api.Assertions.assertThat;

import {{package}}.App;
import dev.keel.test.TestClient;
import dev.keel.test.TestResponse;
{{#sqlite}}
import java.nio.file.Path;
{{/sqlite}}
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
{{#sqlite}}
import org.junit.jupiter.api.io.TempDir;
{{/sqlite}}

/** The notes over GraphQL: a mutation, a query, and a validation error as GraphQL errors. */
class NoteGraphTest {
{{#sqlite}}
  @TempDir Path dir;
{{/sqlite}}
  private TestClient client;

  @BeforeEach
  void start() {
{{#sqlite}}
    client =
        TestClient.inProcess(
            App.app("--keel.profile=test", "--keel.db.url=jdbc:sqlite:" + dir.resolve("test.db")));
{{/sqlite}}
{{#postgres}}
    client = TestClient.inProcess(App.app("--keel.profile=test"));
{{/postgres}}
  }

  @AfterEach
  void stop() {
    client.close();
  }

  private TestResponse graphql(String query) {
    return client.post("/graphql").json(Map.of("query", query)).send();
  }

  @Test
  void createsANoteAndReadsItBack() {
    TestResponse created =
        graphql("mutation { createNote(input: {title: \"Milk\", body: \"two litres\"}) { id title } }");
    assertThat(created.status()).as(created.text()).isEqualTo(200);
    long id = created.json().at("/data/createNote/id").asLong();
    assertThat(created.json().at("/data/createNote/title").asString()).isEqualTo("Milk");

    TestResponse listed = graphql("{ notes(limit: 10) { id title body } }");
    assertThat(listed.json().at("/data/notes/0/body").asString()).isEqualTo("two litres");
    TestResponse one = graphql("{ note(id: " + id + ") { title } }");
    assertThat(one.json().at("/data/note/title").asString()).isEqualTo("Milk");
    TestResponse missing = graphql("{ note(id: 999999) { title } }");
    assertThat(missing.json().at("/errors/0/extensions/code").asString()).isEqualTo("NOT_FOUND");
  }

  @Test
  void aBlankTitleIsAValidationErrorNamingTheField() {
    TestResponse r = graphql("mutation { createNote(input: {title: \" \"}) { id } }");
    assertThat(r.json().at("/errors/0/extensions/code").asString()).isEqualTo("VALIDATION");
    assertThat(r.text()).contains("title");
  }

  @Test
  void aRequestThatIsNotGraphQlIsA400Problem() {
    TestResponse r = client.post("/graphql").json(Map.of("query", 12)).send();
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.text()).contains("graphql-request");
  }
}
