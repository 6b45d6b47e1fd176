package dev.keel.ai.internal;

import dev.keel.core.Config;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code keel.ai.*} settings of the chat client, read once at install.
 *
 * @param provider {@code openai} (any OpenAI-compatible endpoint) or {@code anthropic}
 * @param apiKeyEnv the environment variable the key is read from (its value never logged)
 */
public record AiSettings(
    String provider,
    URI baseUrl,
    String model,
    String apiKeyEnv,
    Optional<String> apiKey,
    Duration connectTimeout,
    Duration readTimeout,
    Duration idleTimeout,
    int maxRetries,
    Duration retryBackoff,
    Duration maxRetryWait,
    int maxTokens,
    int maxToolRounds,
    String anthropicVersion) {

  public static AiSettings read(Config c, Function<String, String> environment) {
    String provider = c.string("keel.ai.provider", "openai");
    boolean anthropic = provider.equals("anthropic");
    if (!anthropic && !provider.equals("openai")) {
      c.reject(
          "keel.ai.provider", "must be openai (also for Ollama, vLLM, llama.cpp) or anthropic");
    }
    String base =
        c.string(
            "keel.ai.base-url", anthropic ? "https://api.anthropic.com" : "https://api.openai.com");
    URI url = null;
    try {
      url = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
      if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) url = null;
    } catch (IllegalArgumentException e) {
      url = null;
    }
    if (url == null) {
      c.reject(
          "keel.ai.base-url", "must be an http:// or https:// URL such as http://127.0.0.1:11434");
      url = URI.create("http://invalid");
    }
    String model = c.string("keel.ai.model", "");
    if (model.isBlank()) {
      c.reject(
          "keel.ai.model",
          "is required: the model's name, e.g. gpt-4o-mini, claude-sonnet-4-5 or llama3.2");
    }
    String env =
        c.string("keel.ai.api-key-env", anthropic ? "ANTHROPIC_API_KEY" : "OPENAI_API_KEY");
    Optional<String> key = Optional.ofNullable(environment.apply(env)).filter(k -> !k.isBlank());
    return new AiSettings(
        provider,
        url,
        model,
        env,
        key,
        c.duration("keel.ai.connect-timeout", Duration.ofSeconds(10)),
        c.duration("keel.ai.read-timeout", Duration.ofSeconds(120)),
        c.duration("keel.ai.idle-timeout", Duration.ofSeconds(30)),
        c.integer("keel.ai.max-retries", 3, 0, 10),
        c.duration("keel.ai.retry-backoff", Duration.ofMillis(500)),
        c.duration("keel.ai.max-retry-wait", Duration.ofSeconds(30)),
        c.integer("keel.ai.max-tokens", 1024, 1, 1_000_000),
        c.integer("keel.ai.max-tool-rounds", 5, 0, 100),
        c.string("keel.ai.anthropic-version", "2023-06-01"));
  }

  public Wire wire() {
    return provider.equals("anthropic") ? new AnthropicWire(anthropicVersion) : new OpenAiWire();
  }

  /** How problems name the endpoint: its URL and model, never the key. */
  public String endpoint() {
    return "the model endpoint " + baseUrl + " (" + provider + ", model " + model + ")";
  }
}
