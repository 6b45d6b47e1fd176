package dev.keel.ai.internal;

import dev.keel.ai.Usage;
import dev.keel.ai.tool.Tool;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Anthropic's Messages API ({@code POST /v1/messages}, {@code anthropic-version: 2023-06-01}).
 * Content is a list of blocks ({@code text}, {@code tool_use}, {@code tool_result}); typed output
 * is asked for as a call of the tool {@value Exchange#ANSWER_TOOL} whose input schema is the
 * record's; a stream is named events from {@code message_start} to {@code message_stop}.
 */
public final class AnthropicWire implements Wire {
  private final String version;

  public AnthropicWire(String version) {
    this.version = version;
  }

  @Override
  public String path() {
    return "/v1/messages";
  }

  @Override
  public void headers(HttpRequest.Builder request, Optional<String> apiKey) {
    apiKey.ifPresent(k -> request.header("x-api-key", k));
    request.header("anthropic-version", version);
  }

  @Override
  public ObjectNode body(Exchange e, boolean stream) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("model", e.model());
    body.put("max_tokens", e.maxTokens());
    e.system().ifPresent(s -> body.put("system", s));
    ArrayNode messages = body.putArray("messages");
    for (Exchange.Message m : e.messages()) {
      switch (m) {
        case Exchange.User u -> messages.addObject().put("role", "user").put("content", u.text());
        case Exchange.Assistant a -> {
          ArrayNode content = messages.addObject().put("role", "assistant").putArray("content");
          if (!a.text().isEmpty()) content.addObject().put("type", "text").put("text", a.text());
          for (Exchange.ToolCall c : a.calls()) {
            ObjectNode use = content.addObject().put("type", "tool_use").put("id", c.id());
            use.put("name", c.name()).set("input", input(c.arguments()));
          }
        }
        case Exchange.ToolResults r -> {
          ArrayNode content = messages.addObject().put("role", "user").putArray("content");
          for (Exchange.Outcome o : r.outcomes()) {
            ObjectNode block = content.addObject().put("type", "tool_result");
            block.put("tool_use_id", o.call().id()).put("content", o.result().content());
            if (o.result().error()) block.put("is_error", true);
          }
        }
      }
    }
    if (!e.tools().isEmpty() || e.output().isPresent()) {
      ArrayNode tools = body.putArray("tools");
      for (Tool<?> t : e.tools().list()) {
        ObjectNode tool =
            tools.addObject().put("name", t.name()).put("description", t.description());
        tool.set("input_schema", e.tools().schema(t.name()));
      }
      e.output()
          .ifPresent(
              o -> {
                ObjectNode tool = tools.addObject().put("name", Exchange.ANSWER_TOOL);
                tool.put(
                    "description", "Give your final answer as " + o.name() + " through this tool.");
                tool.set("input_schema", o.schema());
                // with tools of the app the model may call them first; without, it must answer
                if (e.tools().isEmpty()) {
                  body.putObject("tool_choice")
                      .put("type", "tool")
                      .put("name", Exchange.ANSWER_TOOL);
                } else {
                  body.putObject("tool_choice").put("type", "any");
                }
              });
    }
    if (stream) body.put("stream", true);
    return body;
  }

  private static JsonNode input(String arguments) {
    try {
      JsonNode n = Json.MAPPER.readTree(arguments.isBlank() ? "{}" : arguments);
      return n.isObject() ? n : Json.MAPPER.createObjectNode();
    } catch (JacksonException e) {
      return Json.MAPPER.createObjectNode(); // the model's own malformed input, told in the result
    }
  }

  @Override
  public Turn turn(JsonNode reply) {
    if (reply.path("type").asString("").equals("error")) {
      throw new ReportedError(reply.path("error").path("message").asString(reply.toString()));
    }
    JsonNode content = reply.path("content");
    if (!content.isArray()) throw new MalformedReply("a message without a content array");
    var text = new StringBuilder();
    List<Exchange.ToolCall> calls = new ArrayList<>();
    for (JsonNode block : content) {
      switch (block.path("type").asString("")) {
        case "text" -> text.append(block.path("text").asString(""));
        case "tool_use" ->
            calls.add(
                new Exchange.ToolCall(
                    block.path("id").asString(""),
                    block.path("name").asString(""),
                    block.path("input").toString()));
        default -> {} // thinking and other blocks carry no answer
      }
    }
    return new Turn(
        text.toString(), calls, usage(reply.path("usage")), reply.path("stop_reason").asString(""));
  }

  private static Usage usage(JsonNode u) {
    return new Usage(u.path("input_tokens").asLong(0), u.path("output_tokens").asLong(0));
  }

  @Override
  public StreamParser streamParser() {
    return new Events();
  }

  /** Accumulates a Messages stream: text deltas, tool_use blocks with their partial JSON. */
  private static final class Events implements StreamParser {
    private final StringBuilder text = new StringBuilder();
    private final TreeMap<Integer, String[]> calls = new TreeMap<>(); // index -> id, name, json
    private long input;
    private long output;
    private String stop = "";
    private boolean done;

    @Override
    public void event(String event, String data, Consumer<String> tokens) {
      JsonNode e;
      try {
        e = Json.MAPPER.readTree(data);
      } catch (JacksonException x) {
        throw new MalformedReply("a stream event that is not JSON: " + OpenAiWire.abbreviate(data));
      }
      String type = e.path("type").asString(event);
      switch (type) {
        case "message_start" -> {
          input = e.path("message").path("usage").path("input_tokens").asLong(0);
          output = e.path("message").path("usage").path("output_tokens").asLong(0);
        }
        case "content_block_start" -> {
          JsonNode block = e.path("content_block");
          if (block.path("type").asString("").equals("tool_use")) {
            calls.put(
                e.path("index").asInt(0),
                new String[] {block.path("id").asString(""), block.path("name").asString(""), ""});
          }
        }
        case "content_block_delta" -> {
          JsonNode delta = e.path("delta");
          switch (delta.path("type").asString("")) {
            case "text_delta" -> {
              String token = delta.path("text").asString("");
              text.append(token);
              if (!token.isEmpty()) tokens.accept(token);
            }
            case "input_json_delta" -> {
              String[] call = calls.get(e.path("index").asInt(0));
              if (call == null)
                throw new MalformedReply("input_json_delta for a block that is no tool_use");
              call[2] += delta.path("partial_json").asString("");
            }
            default -> {}
          }
        }
        case "message_delta" -> {
          if (e.path("delta").path("stop_reason").isString())
            stop = e.path("delta").path("stop_reason").asString();
          if (e.path("usage").has("output_tokens"))
            output = e.path("usage").path("output_tokens").asLong(0);
          if (e.path("usage").has("input_tokens"))
            input = Math.max(input, e.path("usage").path("input_tokens").asLong(0));
        }
        case "message_stop" -> done = true;
        case "error" -> throw new ReportedError(e.path("error").path("message").asString(data));
        case "ping", "content_block_stop" -> {}
        default -> {} // new event types are ignored, as Anthropic's versioning policy asks
      }
    }

    @Override
    public boolean done() {
      return done;
    }

    @Override
    public Turn turn() {
      List<Exchange.ToolCall> list = new ArrayList<>();
      for (String[] c : calls.values())
        list.add(new Exchange.ToolCall(c[0], c[1], c[2].isEmpty() ? "{}" : c[2]));
      return new Turn(text.toString(), list, new Usage(input, output), stop);
    }
  }
}
