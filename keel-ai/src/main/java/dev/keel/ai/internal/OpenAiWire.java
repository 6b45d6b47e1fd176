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
 * OpenAI's Chat Completions ({@code POST /v1/chat/completions}), which Ollama, vLLM, llama.cpp and
 * LM Studio speak too. Typed output goes as {@code response_format: json_schema}; tools as {@code
 * function}s; a stream is {@code data:} chunks ending with {@code data: [DONE]}, the last chunk
 * carrying {@code usage} ({@code stream_options.include_usage}).
 */
public final class OpenAiWire implements Wire {
  @Override
  public String path() {
    return "/v1/chat/completions";
  }

  @Override
  public void headers(HttpRequest.Builder request, Optional<String> apiKey) {
    apiKey.ifPresent(k -> request.header("Authorization", "Bearer " + k));
  }

  @Override
  public ObjectNode body(Exchange e, boolean stream) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("model", e.model());
    body.put("max_tokens", e.maxTokens());
    ArrayNode messages = body.putArray("messages");
    e.system().ifPresent(s -> messages.addObject().put("role", "system").put("content", s));
    for (Exchange.Message m : e.messages()) {
      switch (m) {
        case Exchange.User u -> messages.addObject().put("role", "user").put("content", u.text());
        case Exchange.Assistant a -> {
          ObjectNode msg = messages.addObject().put("role", "assistant");
          msg.put("content", a.text());
          if (!a.calls().isEmpty()) {
            ArrayNode calls = msg.putArray("tool_calls");
            for (Exchange.ToolCall c : a.calls()) {
              ObjectNode call = calls.addObject().put("id", c.id()).put("type", "function");
              call.putObject("function").put("name", c.name()).put("arguments", c.arguments());
            }
          }
        }
        case Exchange.ToolResults r -> {
          for (Exchange.Outcome o : r.outcomes()) {
            String content =
                o.result().error() ? "ERROR: " + o.result().content() : o.result().content();
            messages
                .addObject()
                .put("role", "tool")
                .put("tool_call_id", o.call().id())
                .put("content", content);
          }
        }
      }
    }
    if (!e.tools().isEmpty()) {
      ArrayNode tools = body.putArray("tools");
      for (Tool<?> t : e.tools().list()) {
        ObjectNode f = tools.addObject().put("type", "function").putObject("function");
        f.put("name", t.name()).put("description", t.description());
        f.set("parameters", e.tools().schema(t.name()));
      }
    }
    e.output()
        .ifPresent(
            o -> {
              ObjectNode format = body.putObject("response_format").put("type", "json_schema");
              ObjectNode schema = format.putObject("json_schema").put("name", o.name());
              schema.set("schema", o.schema());
            });
    if (stream) {
      body.put("stream", true);
      body.putObject("stream_options").put("include_usage", true);
    }
    return body;
  }

  @Override
  public Turn turn(JsonNode reply) {
    JsonNode choice = reply.path("choices").path(0);
    JsonNode message = choice.path("message");
    if (!message.isObject()) {
      throw new MalformedReply("a chat completion without choices[0].message");
    }
    List<Exchange.ToolCall> calls = new ArrayList<>();
    for (JsonNode c : message.path("tool_calls")) {
      JsonNode f = c.path("function");
      if (!f.path("name").isString())
        throw new MalformedReply("a tool call without a function name");
      calls.add(
          new Exchange.ToolCall(
              c.path("id").asString(""), f.path("name").asString(), arguments(f)));
    }
    return new Turn(
        message.path("content").asString(""),
        calls,
        usage(reply.path("usage")),
        choice.path("finish_reason").asString(""));
  }

  private static String arguments(JsonNode function) {
    JsonNode a = function.path("arguments");
    return a.isString() ? a.asString() : a.isMissingNode() ? "{}" : a.toString();
  }

  private static Usage usage(JsonNode u) {
    return new Usage(u.path("prompt_tokens").asLong(0), u.path("completion_tokens").asLong(0));
  }

  @Override
  public StreamParser streamParser() {
    return new Chunks();
  }

  /** Accumulates {@code chat.completion.chunk}s: text deltas and tool calls by their index. */
  private static final class Chunks implements StreamParser {
    private final StringBuilder text = new StringBuilder();
    private final TreeMap<Integer, String[]> calls = new TreeMap<>(); // index -> id, name, args
    private Usage usage = Usage.NONE;
    private String finish = "";
    private boolean done;

    @Override
    public void event(String event, String data, Consumer<String> tokens) {
      if (data.equals("[DONE]")) {
        done = true;
        return;
      }
      JsonNode chunk;
      try {
        chunk = Json.MAPPER.readTree(data);
      } catch (JacksonException e) {
        throw new MalformedReply("a stream chunk that is not JSON: " + abbreviate(data));
      }
      if (chunk.has("error")) {
        throw new ReportedError(chunk.path("error").path("message").asString(chunk.toString()));
      }
      if (chunk.path("usage").isObject()) usage = usage(chunk.path("usage"));
      JsonNode choice = chunk.path("choices").path(0);
      if (choice.isMissingNode()) {
        if (!chunk.has("usage"))
          throw new MalformedReply("a stream chunk without choices: " + abbreviate(data));
        return;
      }
      if (choice.path("finish_reason").isString()) finish = choice.path("finish_reason").asString();
      JsonNode delta = choice.path("delta");
      String token = delta.path("content").asString("");
      if (!token.isEmpty()) {
        text.append(token);
        tokens.accept(token);
      }
      for (JsonNode c : delta.path("tool_calls")) {
        String[] call =
            calls.computeIfAbsent(c.path("index").asInt(0), i -> new String[] {"", "", ""});
        if (c.path("id").isString()) call[0] = c.path("id").asString();
        JsonNode f = c.path("function");
        if (f.path("name").isString()) call[1] += f.path("name").asString();
        if (f.path("arguments").isString()) call[2] += f.path("arguments").asString();
      }
    }

    @Override
    public boolean done() {
      return done;
    }

    @Override
    public Turn turn() {
      List<Exchange.ToolCall> list = new ArrayList<>();
      for (String[] c : calls.values()) list.add(new Exchange.ToolCall(c[0], c[1], c[2]));
      return new Turn(text.toString(), list, usage, finish);
    }
  }

  static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "…";
  }
}
