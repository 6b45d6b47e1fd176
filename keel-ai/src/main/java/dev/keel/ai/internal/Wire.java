package dev.keel.ai.internal;

import java.net.http.HttpRequest;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A provider's wire format: its path, headers, request JSON and replies, blocking and streamed. */
public interface Wire {
  /** The path appended to {@code keel.ai.base-url}. */
  String path();

  void headers(HttpRequest.Builder request, Optional<String> apiKey);

  ObjectNode body(Exchange exchange, boolean stream);

  /** The turn in a blocking reply; {@link MalformedReply} when it is not this wire's shape. */
  Turn turn(JsonNode reply);

  /** A fresh parser for one streamed reply. */
  StreamParser streamParser();

  /** Reads one streamed reply's events, handing text tokens on as they come. */
  interface StreamParser {
    /** One Server-Sent Event of the reply; {@code event} is empty when unnamed. */
    void event(String event, String data, Consumer<String> tokens);

    /** Whether the stream's end marker was seen. */
    boolean done();

    Turn turn();
  }

  /** The endpoint answered something that is not its wire format. */
  final class MalformedReply extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MalformedReply(String message) {
      super(message);
    }
  }

  /** The endpoint reported an error inside a 200 reply or stream. */
  final class ReportedError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ReportedError(String message) {
      super(message);
    }
  }
}
