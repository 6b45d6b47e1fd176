package dev.keel.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.test.TestClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadmeExampleTest {
  @Test
  void theReadmeExampleWorks() {
    try (var client =
        TestClient.overSocket(ReadmeExample.app("--keel.server.port=0", "--keel.profile=test"))) {
      var wrong =
          client
              .post("/api/login")
              .json(Map.of("email", "alice@example.com", "password", "nope"))
              .send();
      assertThat(wrong.status()).isEqualTo(401);

      String token =
          client
              .post("/api/login")
              .json(
                  Map.of("email", "alice@example.com", "password", "correct horse battery staple"))
              .send()
              .json()
              .get("token")
              .asString();
      var edit =
          client
              .put("/api/articles/hello")
              .header("Authorization", "Bearer " + token)
              .json(Map.of("title", "Hello, Keel"))
              .send();
      assertThat(edit.status()).isEqualTo(200);
      assertThat(edit.json().get("title").asString()).isEqualTo("Hello, Keel");

      assertThat(client.put("/api/articles/hello").json(Map.of("title", "x")).send().status())
          .isEqualTo(401);
    }
  }
}
