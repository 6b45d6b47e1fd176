package dev.keel.ai.internal;

import dev.keel.ai.AiProblems;
import dev.keel.ai.Reply;
import dev.keel.ai.Usage;
import dev.keel.ai.tool.ToolResult;
import dev.keel.core.HttpException;
import dev.keel.openapi.spi.JsonSchemas;
import dev.keel.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs a call: sends the exchange, runs the tools the model asks for (as the principal) and sends
 * their results back, round after round up to {@code keel.ai.max-tool-rounds}; for typed output,
 * validates the answer and asks once more, with the reasons, when it does not fit.
 */
public final class Engine {
  private static final Logger log = LoggerFactory.getLogger(Engine.class);

  private final AiSettings settings;
  private final Wire wire;
  private final Transport transport;
  private final Telemetry telemetry;
  private final Map<Class<?>, ObjectNode> schemas = new ConcurrentHashMap<>();

  public Engine(AiSettings settings, Transport transport, Telemetry telemetry) {
    this.settings = settings;
    this.wire = settings.wire();
    this.transport = transport;
    this.telemetry = telemetry;
  }

  /** A finished call: the reply, the last turn and the conversation before it. */
  public record Result(Reply reply, Turn last, List<Exchange.Message> history) {}

  /** Runs {@code exchange}; streamed when {@code tokens} is present. */
  public Result run(
      Exchange exchange,
      Optional<Principal> principal,
      Optional<Consumer<String>> tokens,
      BooleanSupplier cancelled) {
    Telemetry.Call call = telemetry.start();
    var history = new ArrayList<>(exchange.messages());
    Usage total = Usage.NONE;
    int rounds = 0;
    String outcome = "error";
    try {
      while (true) {
        Exchange e = exchange.with(history);
        Turn turn;
        boolean complete = true;
        if (tokens.isEmpty()) {
          turn = wire.turn(transport.call(wire.body(e, false)));
        } else {
          Wire.StreamParser parser = wire.streamParser();
          complete = transport.stream(wire.body(e, true), parser, tokens.get(), cancelled);
          turn = parser.turn();
        }
        rounds++;
        total = total.plus(turn.usage());
        call.round(turn.usage());
        if (!complete) {
          outcome = Reply.CANCELLED;
          return new Result(new Reply(turn.text(), total, Reply.CANCELLED, rounds), turn, history);
        }
        boolean answered =
            turn.calls().stream().anyMatch(c -> c.name().equals(Exchange.ANSWER_TOOL));
        if (turn.calls().isEmpty() || answered) {
          outcome = "ok";
          return new Result(
              new Reply(
                  answer(turn, exchange.output().isPresent()), total, turn.finishReason(), rounds),
              turn,
              history);
        }
        if (rounds > settings.maxToolRounds()) {
          throw new HttpException(
              AiProblems.AI_TOOL_ROUNDS,
              "The model still called tools ("
                  + turn.calls().stream().map(Exchange.ToolCall::name).toList()
                  + ") after "
                  + settings.maxToolRounds()
                  + " rounds, the limit of keel.ai.max-tool-rounds.");
        }
        history.add(new Exchange.Assistant(turn.text(), turn.calls()));
        var outcomes = new ArrayList<Exchange.Outcome>();
        for (Exchange.ToolCall c : turn.calls()) {
          ToolResult r = exchange.tools().call(c.name(), c.arguments(), principal);
          log.debug("tool {} called by the model: error={}", c.name(), r.error());
          outcomes.add(new Exchange.Outcome(c, r));
        }
        history.add(new Exchange.ToolResults(outcomes));
      }
    } catch (Wire.MalformedReply x) {
      outcome = AiProblems.AI_MALFORMED_REPLY.code();
      throw new HttpException(
          AiProblems.AI_MALFORMED_REPLY,
          StreamReader.upper(settings.endpoint()) + " sent " + x.getMessage() + ".");
    } catch (Wire.ReportedError x) {
      outcome = AiProblems.AI_UPSTREAM_FAILED.code();
      throw new HttpException(
          AiProblems.AI_UPSTREAM_FAILED,
          StreamReader.upper(settings.endpoint()) + " reported an error: " + x.getMessage());
    } catch (HttpException x) {
      outcome = x.problem().type().substring(x.problem().type().lastIndexOf('/') + 1);
      throw x;
    } finally {
      call.end(total, rounds, outcome);
    }
  }

  /** A typed answer: validated, and asked for once more with the reasons when it does not fit. */
  public <T> T ask(Exchange exchange, Class<T> type, Optional<Principal> principal) {
    ObjectNode schema = schemas.computeIfAbsent(type, JsonSchemas::of);
    Exchange typed =
        new Exchange(
            exchange.model(),
            exchange.maxTokens(),
            exchange.system(),
            exchange.messages(),
            exchange.tools(),
            Optional.of(new Exchange.Output(type.getSimpleName(), schema)));
    Result first = run(typed, principal, Optional.empty(), () -> false);
    Json.Checked<T> checked = Json.read(first.reply().text(), type);
    if (checked.ok()) return checked.value();
    log.info(
        "the model's answer does not fit {}: {}; asking once more",
        type.getSimpleName(),
        checked.problem());
    var history = new ArrayList<>(first.history());
    correct(history, first.last(), type.getSimpleName(), checked.problem());
    Result second = run(typed.with(history), principal, Optional.empty(), () -> false);
    Json.Checked<T> again = Json.read(second.reply().text(), type);
    if (again.ok()) return again.value();
    throw new HttpException(
        AiProblems.AI_INVALID_OUTPUT,
        "The model's answer does not fit "
            + type.getSimpleName()
            + ", also after being told why: "
            + again.problem()
            + ". Try a more capable model, or loosen the record's constraints.");
  }

  /** Tells the model why its answer did not fit, the way its last turn gave the answer. */
  private static void correct(
      List<Exchange.Message> history, Turn last, String type, String problem) {
    String why =
        "The answer does not fit the JSON Schema of "
            + type
            + ": "
            + problem
            + ". Answer again, fixing this.";
    history.add(new Exchange.Assistant(last.text(), last.calls()));
    if (last.calls().isEmpty()) {
      history.add(new Exchange.User(why));
    } else {
      history.add(
          new Exchange.ToolResults(
              last.calls().stream()
                  .map(c -> new Exchange.Outcome(c, ToolResult.error(why)))
                  .toList()));
    }
  }

  /** The text of the answer: the answer tool's input, or the text without a Markdown fence. */
  private static String answer(Turn turn, boolean typed) {
    for (Exchange.ToolCall c : turn.calls()) {
      if (c.name().equals(Exchange.ANSWER_TOOL)) return c.arguments();
    }
    if (!typed) return turn.text();
    String t = turn.text().strip();
    if (t.startsWith("```") && t.endsWith("```") && t.length() > 6) {
      t = t.substring(t.indexOf('\n') + 1, t.length() - 3).strip(); // local models like fences
    }
    return t;
  }
}
