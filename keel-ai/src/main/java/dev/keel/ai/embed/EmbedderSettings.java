package dev.keel.ai.embed;

import dev.keel.core.Config;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where embeddings come from, read from {@code keel.ai.embeddings.*}.
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code keel.ai.embeddings.provider}</td><td>local</td><td>{@code local}
 *       (all-MiniLM-L6-v2 in-process) or {@code openai} (any OpenAI-compatible
 *       {@code /v1/embeddings}: OpenAI, Ollama, vLLM, llama.cpp, LM Studio)</td></tr>
 *   <tr><td>{@code keel.ai.embeddings.base-url}</td><td>https://api.openai.com/v1</td><td>the
 *       endpoint's base; {@code /embeddings} is appended</td></tr>
 *   <tr><td>{@code keel.ai.embeddings.model}</td><td>text-embedding-3-small</td><td>the model
 *       name sent</td></tr>
 *   <tr><td>{@code keel.ai.embeddings.api-key}</td><td>none</td><td>bearer key; set it through
 *       the environment ({@code KEEL_AI_EMBEDDINGS_API_KEY}), never in a file</td></tr>
 *   <tr><td>{@code keel.ai.embeddings.dimensions}</td><td>the model's</td><td>asked of models
 *       that can shorten their vectors; also the expected length</td></tr>
 *   <tr><td>{@code keel.ai.embeddings.timeout}</td><td>30s</td><td>per request</td></tr>
 *   <tr><td>{@code keel.ai.embeddings.batch-size}</td><td>64</td><td>texts per request</td></tr>
 * </table>
 *
 * @param provider {@code local} or {@code openai}
 * @param baseUrl the OpenAI-compatible base URL
 * @param model the remote model's name
 * @param apiKey the bearer key, if any
 * @param dimensions the vector length to ask for, 0 for the model's own
 * @param timeout per request
 * @param batchSize texts per request
 */
public record EmbedderSettings(
    String provider,
    URI baseUrl,
    String model,
    Optional<String> apiKey,
    int dimensions,
    Duration timeout,
    int batchSize) {
  public EmbedderSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(apiKey, "apiKey");
    if (!provider.equals("local") && !provider.equals("openai")) {
      throw new IllegalArgumentException(
          "keel.ai.embeddings.provider is '" + provider + "' (expected: local or openai)");
    }
    if (dimensions < 0) throw new IllegalArgumentException("dimensions: " + dimensions + " < 0");
    if (batchSize < 1) throw new IllegalArgumentException("batchSize: " + batchSize + " < 1");
  }

  /** Reads {@code keel.ai.embeddings.*} from {@code config}. */
  public static EmbedderSettings from(Config config) {
    return new EmbedderSettings(
        config.string("keel.ai.embeddings.provider", "local"),
        URI.create(config.string("keel.ai.embeddings.base-url", "https://api.openai.com/v1")),
        config.string("keel.ai.embeddings.model", "text-embedding-3-small"),
        config.string("keel.ai.embeddings.api-key").filter(k -> !k.isBlank()),
        config.integer("keel.ai.embeddings.dimensions", 0, 0, 65_536),
        config.duration("keel.ai.embeddings.timeout", Duration.ofSeconds(30)),
        config.integer("keel.ai.embeddings.batch-size", 64, 1, 2048));
  }

  /** Remote settings for an OpenAI-compatible endpoint at {@code baseUrl} serving {@code model}. */
  public static EmbedderSettings openAi(URI baseUrl, String model, Optional<String> apiKey) {
    return new EmbedderSettings("openai", baseUrl, model, apiKey, 0, Duration.ofSeconds(30), 64);
  }
}
