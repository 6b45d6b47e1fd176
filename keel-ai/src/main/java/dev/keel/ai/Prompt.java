package dev.keel.ai;

import dev.keel.ai.internal.Engine;
import dev.keel.ai.internal.Exchange;
import dev.keel.ai.internal.Json;
import dev.keel.ai.internal.Transport;
import dev.keel.ai.tool.Tools;
import dev.keel.core.Context;
import dev.keel.core.HttpException;
import dev.keel.realtime.EventSink;
import dev.keel.realtime.ServerSentEvent;
import dev.keel.security.Principal;
import dev.keel.security.Security;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call to the model, set up then run: {@code ai.prompt("…").system("…").as(ctx).ask()}. A
 * prompt is used by one thread; each terminal method ({@link #ask()}, {@link #ask(Class)}, {@link
 * #reply()}, {@link #stream}, {@link #streamTo}) makes a new call. Failures are {@link
 * HttpException}s with an {@link AiProblems} type, so a handler that lets them through answers a
 * problem+json.
 */
public final class Prompt {
  private static final Logger log = LoggerFactory.getLogger(Prompt.class);

  private final Engine engine;
  private final String model;
  private final List<Exchange.Message> messages = new ArrayList<>();
  private Optional<String> system = Optional.empty();
  private Tools tools;
  private Optional<Principal> principal = Optional.empty();
  private int maxTokens;

  Prompt(Engine engine, String model, int maxTokens, Tools tools, String text) {
    this.engine = engine;
    this.model = model;
    this.maxTokens = maxTokens;
    this.tools = tools;
    messages.add(new Exchange.User(text));
  }

  /** The system prompt: instructions that frame the conversation. */
  public Prompt system(String instructions) {
    this.system = Optional.of(instructions);
    return this;
  }

  /** The tools offered to the model; the {@link Ai}'s own by default. */
  public Prompt tools(Tools tools) {
    this.tools = tools;
    return this;
  }

  /** Runs the model's tool calls with this principal's permissions; anonymous by default. */
  public Prompt as(Optional<Principal> principal) {
    this.principal = principal;
    return this;
  }

  /** Runs the model's tool calls as the request's principal (keel-security's {@code Security}). */
  public Prompt as(Context ctx) {
    return as(Security.principal(ctx));
  }

  /** The most tokens to generate per round; {@code keel.ai.max-tokens} by default. */
  public Prompt maxTokens(int maxTokens) {
    if (maxTokens < 1)
      throw new IllegalArgumentException("maxTokens : " + maxTokens + " (expected: > 0)");
    this.maxTokens = maxTokens;
    return this;
  }

  private Exchange exchange() {
    return new Exchange(model, maxTokens, system, messages, tools, Optional.empty());
  }

  /** The answer with its usage and finish reason. Blocks. */
  public Reply reply() {
    return engine.run(exchange(), principal, Optional.empty(), () -> false).reply();
  }

  /** The answer's text. Blocks. */
  public String ask() {
    return reply().text();
  }

  /**
   * The answer as a {@code type} record: the model is given the record's JSON Schema, and its
   * answer is validated with Bean Validation; when it does not fit, the model is told why and asked
   * once more, then {@link AiProblems#AI_INVALID_OUTPUT}.
   */
  public <T> T ask(Class<T> type) {
    if (!type.isRecord()) {
      throw new IllegalArgumentException("ask(" + type.getName() + "): typed answers are records");
    }
    return engine.ask(exchange(), type, principal);
  }

  /** Streams the answer's text tokens to {@code tokens} as they come. Blocks until the end. */
  public Reply stream(Consumer<String> tokens) {
    return engine.run(exchange(), principal, Optional.of(tokens), () -> false).reply();
  }

  /**
   * Streams the answer to a Server-Sent Events client: a {@code token} event per text token, then
   * {@code done} with {@code {"finishReason":…,"usage":{…}}}, or {@code error} with a problem
   * document when the call fails. When the client goes away the upstream call is cancelled and the
   * reply's {@link Reply#cancelled()} is true. Call it from a keel-realtime SSE handler.
   */
  public Reply streamTo(EventSink events) {
    Consumer<String> tokens =
        token -> {
          if (!events.send(ServerSentEvent.of("token", token))) throw new Transport.Cancelled();
        };
    try {
      Reply r =
          engine.run(exchange(), principal, Optional.of(tokens), () -> !events.isOpen()).reply();
      if (!r.cancelled()) {
        var done = Json.MAPPER.createObjectNode().put("finishReason", r.finishReason());
        done.putObject("usage")
            .put("inputTokens", r.usage().inputTokens())
            .put("outputTokens", r.usage().outputTokens());
        events.send(ServerSentEvent.of("done", done.toString()));
      }
      return r;
    } catch (HttpException e) {
      log.warn("streamed model call failed: {}", e.problem().detail());
      var p = e.problem();
      var doc = Json.MAPPER.createObjectNode().put("type", p.type()).put("title", p.title());
      doc.put("status", p.status()).put("detail", p.detail());
      events.send(ServerSentEvent.of("error", doc.toString()));
      return new Reply("", Usage.NONE, Reply.ERROR, 0);
    }
  }
}
