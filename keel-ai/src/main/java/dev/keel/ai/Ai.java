package dev.keel.ai;

import dev.keel.ai.internal.AiSettings;
import dev.keel.ai.internal.Engine;
import dev.keel.ai.internal.OpsTelemetry;
import dev.keel.ai.internal.Telemetry;
import dev.keel.ai.internal.Transport;
import dev.keel.ai.tool.Tools;
import dev.keel.core.Keel;
import dev.keel.core.Plugin;
import dev.keel.realtime.EventSink;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A chat model for the application: an OpenAI-compatible endpoint (OpenAI, Ollama, vLLM, llama.cpp,
 * LM Studio) or Anthropic's Messages API, configured by {@code keel.ai.*}:
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code keel.ai.provider}</td><td>{@code openai}</td><td>{@code openai} or {@code anthropic}</td></tr>
 *   <tr><td>{@code keel.ai.base-url}</td><td>the provider's</td><td>e.g. {@code http://127.0.0.1:11434} for Ollama</td></tr>
 *   <tr><td>{@code keel.ai.model}</td><td>(required)</td><td>the model's name</td></tr>
 *   <tr><td>{@code keel.ai.api-key-env}</td><td>{@code OPENAI_API_KEY} / {@code ANTHROPIC_API_KEY}</td><td>the environment variable holding the key; none sent when unset</td></tr>
 *   <tr><td>{@code keel.ai.connect-timeout}</td><td>10 s</td><td>to open a connection</td></tr>
 *   <tr><td>{@code keel.ai.read-timeout}</td><td>120 s</td><td>for a blocking answer, or a stream's first byte</td></tr>
 *   <tr><td>{@code keel.ai.idle-timeout}</td><td>30 s</td><td>longest silence inside a stream</td></tr>
 *   <tr><td>{@code keel.ai.max-retries}</td><td>3</td><td>retries on 429, 5xx and refused connections</td></tr>
 *   <tr><td>{@code keel.ai.retry-backoff}</td><td>500 ms</td><td>first backoff, doubled each retry, unless {@code Retry-After} says</td></tr>
 *   <tr><td>{@code keel.ai.max-retry-wait}</td><td>30 s</td><td>a longer {@code Retry-After} fails at once</td></tr>
 *   <tr><td>{@code keel.ai.max-tokens}</td><td>1024</td><td>tokens generated per round</td></tr>
 *   <tr><td>{@code keel.ai.max-tool-rounds}</td><td>5</td><td>rounds of tool calls per call</td></tr>
 * </table>
 *
 * <p>Thread-safe. With keel-ops installed, token usage is counted in {@code keel_ai_tokens_total}
 * and set on the current span. Calls block the (virtual) thread; streams run on the caller's
 * thread.
 */
public final class Ai implements Plugin {
  private static final Logger log = LoggerFactory.getLogger(Ai.class);

  private final Tools tools;
  private final Function<String, String> environment;
  private AiSettings settings;
  private volatile Engine engine;
  private Transport transport;

  private Ai(Tools tools, Function<String, String> environment) {
    this.tools = tools;
    this.environment = environment;
  }

  /** A chat model configured from {@code keel.ai.*} when installed, with no tools. */
  public static Ai create() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** What configuration cannot hold: the tools, and where the API key is read from. */
  public static final class Builder {
    private Tools tools = Tools.none();
    private Function<String, String> environment = System::getenv;

    private Builder() {}

    /** The tools every prompt offers the model, unless it sets its own. */
    public Builder tools(Tools tools) {
      this.tools = Objects.requireNonNull(tools, "tools");
      return this;
    }

    /** Where {@code keel.ai.api-key-env} is looked up; the process environment by default. */
    public Builder environment(Function<String, String> environment) {
      this.environment = Objects.requireNonNull(environment, "environment");
      return this;
    }

    public Ai build() {
      return new Ai(tools, environment);
    }
  }

  @Override
  public void install(Keel app) {
    if (settings != null) throw new IllegalStateException("this Ai is installed already");
    settings = AiSettings.read(app.config(), environment);
    app.onStart(
        () -> {
          // keel-ops is optional: OpsTelemetry (which links against it) is loaded only when present
          Telemetry telemetry =
              present("dev.keel.ops.Ops")
                  ? OpsTelemetry.of(app, settings).orElse(Telemetry.NONE)
                  : Telemetry.NONE;
          transport = new Transport(settings, settings.wire());
          engine = new Engine(settings, transport, telemetry);
          if (settings.apiKey().isEmpty() && settings.baseUrl().getScheme().equals("https")) {
            log.warn(
                "keel.ai: no API key in the environment variable {} for {}",
                settings.apiKeyEnv(),
                settings.endpoint());
          }
        });
    app.onStop(
        () -> {
          engine = null;
          if (transport != null) transport.close();
        });
  }

  private static boolean present(String className) {
    try {
      Class.forName(className, false, Ai.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** A prompt to set up (system prompt, tools, principal) before it runs. */
  public Prompt prompt(String text) {
    Engine e = engine;
    if (e == null) {
      throw new IllegalStateException(
          "Ai is not running: install it (app.install(ai)) and start the app first");
    }
    return new Prompt(
        e, settings.model(), settings.maxTokens(), tools, Objects.requireNonNull(text, "text"));
  }

  /** The answer's text to {@code prompt}. Blocks. */
  public String ask(String prompt) {
    return prompt(prompt).ask();
  }

  /** The answer as a validated {@code type} record; see {@link Prompt#ask(Class)}. Blocks. */
  public <T> T ask(String prompt, Class<T> type) {
    return prompt(prompt).ask(type);
  }

  /** Streams the answer's tokens to {@code tokens}. Blocks until the end. */
  public Reply stream(String prompt, Consumer<String> tokens) {
    return prompt(prompt).stream(tokens);
  }

  /** Streams the answer to a Server-Sent Events client; see {@link Prompt#streamTo}. */
  public Reply streamTo(String prompt, EventSink events) {
    return prompt(prompt).streamTo(events);
  }

  public Tools tools() {
    return tools;
  }
}
