package dev.keel.examples.hello;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.test.TestClient;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The hello app through the test client, in-process and over a real socket. */
class HelloAppTest {

  static Stream<TestClient> clients() {
    return Stream.of(
        TestClient.inProcess(HelloApp.app("--keel.server.port=0")),
        TestClient.overSocket(HelloApp.app("--keel.server.port=0")));
  }

  @ParameterizedTest
  @MethodSource("clients")
  void notesRoundTrip(TestClient client) {
    try (client) {
      assertThat(client.get("/hello/you").send().json().get("greeting").asString())
          .isEqualTo("Hello, you!");

      var created = client.post("/notes").json(Map.of("text", "buy milk")).send();
      assertThat(created.status()).isEqualTo(201);
      assertThat(created.header("Location")).contains("/notes/1");
      assertThat(created.json(HelloApp.Note.class).text()).isEqualTo("buy milk");

      var list = client.get("/notes").query("limit", 10).send();
      assertThat(list.status()).isEqualTo(200);
      assertThat(list.header("Content-Type")).contains("application/json");
      assertThat(list.json().get(0).get("text").asString()).isEqualTo("buy milk");

      assertThat(client.delete("/notes/1").send().status()).isEqualTo(204);
      var missing = client.get("/notes/1").send();
      assertThat(missing.status()).isEqualTo(404);
      assertThat(missing.header("Content-Type")).contains("application/problem+json");
      assertThat(missing.json().get("detail").asString()).isEqualTo("There is no note 1.");
    }
  }

  @ParameterizedTest
  @MethodSource("clients")
  void badInputGetsClearProblems(TestClient client) {
    try (client) {
      var blank = client.post("/notes").json(Map.of("text", " ")).send();
      assertThat(blank.status()).isEqualTo(422);
      assertThat(blank.json().get("errors").get(0).get("field").asString()).isEqualTo("text");

      var malformed = client.post("/notes").body("{\"text\": ", "application/json").send();
      assertThat(malformed.status()).isEqualTo(400);
      assertThat(malformed.json().get("detail").asString()).contains("not valid JSON");

      var wrongType = client.get("/notes/abc").send();
      assertThat(wrongType.status()).isEqualTo(400);
      assertThat(wrongType.json().get("detail").asString())
          .isEqualTo("path parameter 'id' is 'abc', which is not a whole number.");

      var notAllowed = client.put("/notes/1").send();
      assertThat(notAllowed.status()).isEqualTo(405);
      assertThat(notAllowed.header("Allow")).contains("DELETE, GET, HEAD, OPTIONS");
    }
  }
}
