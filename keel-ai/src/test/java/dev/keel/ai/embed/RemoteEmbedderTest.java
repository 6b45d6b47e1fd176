package dev.keel.ai.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.keel.ai.vector.VectorProblems;
import dev.keel.core.Config;
import dev.keel.core.HttpException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAI-compatible embedder against a small local server that speaks {@code POST
 * /v1/embeddings} as OpenAI documents it: a vector per input, with its index, in reverse order to
 * check that the client orders by index.
 */
class RemoteEmbedderTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private HttpServer server;
  private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private volatile String mode = "ok";

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/v1/embeddings",
        exchange -> {
          JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
          requests.add(body);
          authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
          String answer;
          int status = 200;
          switch (mode) {
            case "unauthorized" -> {
              status = 401;
              answer = "{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"x\"}}";
            }
            case "garbage" -> answer = "<html>proxy error</html>";
            case "slow" -> {
              sleep(1500);
              answer = "{}";
            }
            default -> answer = embeddings(body.path("input"));
          }
          byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
  }

  /** Vector of a text: [length, vowels, 1]; items in reverse order. */
  private static String embeddings(JsonNode inputs) {
    StringBuilder sb = new StringBuilder("{\"object\":\"list\",\"data\":[");
    for (int i = inputs.size() - 1; i >= 0; i--) {
      String t = inputs.get(i).asString();
      long vowels = t.chars().filter(c -> "aeiou".indexOf(c) >= 0).count();
      sb.append("{\"object\":\"embedding\",\"index\":").append(i);
      sb.append(",\"embedding\":[").append(t.length()).append(',').append(vowels).append(",1]}");
      if (i > 0) sb.append(',');
    }
    return sb.append("],\"model\":\"m\",\"usage\":{\"prompt_tokens\":1,\"total_tokens\":1}}")
        .toString();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
  }

  private Embedder fromConfig(Map<String, String> extra) {
    Map<String, String> keys = new java.util.HashMap<>(extra);
    keys.put("keel.ai.embeddings.provider", "openai");
    keys.put("keel.ai.embeddings.base-url", base().toString());
    keys.put("keel.ai.embeddings.model", "nomic-embed-text");
    keys.put("keel.ai.embeddings.api-key", "sk-test");
    keys.put("keel.ai.embeddings.batch-size", "2");
    return Embedders.fromConfig(Config.builder().defaults(keys).build());
  }

  @Test
  void sendsModelInputsAndKeyAndOrdersVectorsByIndex() {
    Embedder embedder = fromConfig(Map.of());
    List<float[]> vectors = embedder.embedAll(List.of("hello", "ai", "keel"));
    assertThat(vectors).hasSize(3);
    assertThat(vectors.get(0)).containsExactly(5f, 2f, 1f);
    assertThat(vectors.get(1)).containsExactly(2f, 2f, 1f);
    assertThat(vectors.get(2)).containsExactly(4f, 2f, 1f);
    // batch size 2: two requests
    assertThat(requests).hasSize(2);
    assertThat(requests.getFirst().path("model").asString()).isEqualTo("nomic-embed-text");
    assertThat(requests.getFirst().path("input").size()).isEqualTo(2);
    assertThat(authorizations).containsOnly("Bearer sk-test");
    assertThat(embedder.dimension()).isEqualTo(3);
  }

  @Test
  void anErrorFromTheEndpointIsAnEmbeddingFailedProblemWithItsMessage() {
    mode = "unauthorized";
    assertThatThrownBy(() -> fromConfig(Map.of()).embed("x"))
        .isInstanceOfSatisfying(
            HttpException.class,
            e -> {
              assertThat(e.problem().is(VectorProblems.EMBEDDING_FAILED)).isTrue();
              assertThat(e.status()).isEqualTo(502);
              assertThat(e.getMessage())
                  .contains("answered 401: Incorrect API key provided")
                  .contains("keel.ai.embeddings.api-key")
                  .doesNotContain("sk-test");
            });
  }

  @Test
  void anAnswerThatIsNotJsonOrTooSlowFailsClearly() {
    mode = "garbage";
    assertThatThrownBy(() -> fromConfig(Map.of()).embed("x"))
        .hasMessageContaining("not an embeddings response");
    mode = "slow";
    Embedder impatient =
        Embedders.remote(
            new EmbedderSettings(
                "openai", base(), "m", Optional.empty(), 0, Duration.ofMillis(300), 8));
    assertThatThrownBy(() -> impatient.embed("x"))
        .hasMessageContaining("did not answer within 300 ms");
  }

  @Test
  void aWrongDimensionIsRefused() {
    Embedder e = fromConfig(Map.of("keel.ai.embeddings.dimensions", "384"));
    assertThatThrownBy(() -> e.embed("x"))
        .hasMessageContaining("returned 3 dimensions, keel.ai.embeddings.dimensions says 384");
    assertThat(requests.getFirst().path("dimensions").asInt()).isEqualTo(384);
  }

  @Test
  void anUnreachableEndpointFails() {
    server.stop(0);
    assertThatThrownBy(() -> fromConfig(Map.of()).embed("x"))
        .isInstanceOf(HttpException.class)
        .hasMessageContaining("cannot be reached");
  }

  @Test
  void theDefaultProviderIsTheLocalModelAndAnUnknownOneIsRefused() {
    assertThat(Embedders.fromConfig(Config.builder().build())).isSameAs(Embedders.local());
    assertThatThrownBy(
            () ->
                Embedders.fromConfig(
                    Config.builder()
                        .defaults(Map.of("keel.ai.embeddings.provider", "cohere"))
                        .build()))
        .hasMessageContaining(
            "keel.ai.embeddings.provider is 'cohere' (expected: local or openai)");
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
