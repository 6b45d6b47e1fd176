package dev.keel.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.test.TestClient;
import dev.keel.test.TestResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Apollo's automatic persisted queries: a hash first, the query once, then the hash alone. */
class PersistedQueryTest {
  static Blog blog;
  static TestClient client;

  @BeforeAll
  static void start() throws Exception {
    blog = new Blog(Map.of());
    blog.seed();
    client = TestClient.overSocket(blog.app);
  }

  @AfterAll
  static void stop() {
    client.close();
    blog.app.stop();
  }

  @Test
  void unknownHashThenQueryThenHashAlone() throws Exception {
    String query = "{ article(slug: \"article-5\") { title } }";
    String hash =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(query.getBytes(StandardCharsets.UTF_8)));
    var extensions = Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));

    TestResponse miss = client.post("/graphql").json(Map.of("extensions", extensions)).send();
    assertThat(miss.json().get("errors").get(0).get("message").asString())
        .isEqualTo("PersistedQueryNotFound");

    TestResponse register =
        client.post("/graphql").json(Map.of("query", query, "extensions", extensions)).send();
    assertThat(register.json().get("data").get("article").get("title").asString())
        .isEqualTo("Article 5");

    TestResponse hit = client.post("/graphql").json(Map.of("extensions", extensions)).send();
    assertThat(hit.status()).isEqualTo(200);
    assertThat(hit.json().get("data").get("article").get("title").asString())
        .isEqualTo("Article 5");

    var wrong = Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", "0".repeat(64)));
    TestResponse mismatch =
        client.post("/graphql").json(Map.of("query", query, "extensions", wrong)).send();
    assertThat(mismatch.json().get("errors").get(0).get("message").asString())
        .isEqualTo("PersistedQueryIdInvalid");
  }
}
