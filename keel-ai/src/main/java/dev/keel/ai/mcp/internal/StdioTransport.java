package dev.keel.ai.mcp.internal;

import dev.keel.security.Principal;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * MCP's stdio transport: one JSON-RPC message per line on standard input, answers one per line on
 * standard output (nothing else may be written there). Each request runs on a virtual thread of its
 * own, so a ping is answered while a tool runs; the session is the process, for one principal.
 */
public final class StdioTransport {
  private static final Logger log = LoggerFactory.getLogger(StdioTransport.class);
  private final Dispatcher dispatcher;
  private final JsonMapper mapper;

  public StdioTransport(Dispatcher dispatcher, JsonMapper mapper) {
    this.dispatcher = dispatcher;
    this.mapper = mapper;
  }

  /** Serves until {@code in} ends; then waits for the calls still running. */
  public void serve(InputStream in, OutputStream out, Principal principal) throws IOException {
    var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String[] version = {Dispatcher.VERSIONS.getFirst()};
    try (ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor()) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank()) continue;
        JsonNode message;
        JsonRpc.Kind kind;
        try {
          message = mapper.readTree(line);
          kind = JsonRpc.kind(message);
        } catch (JacksonException e) {
          write(out, JsonRpc.error(null, JsonRpc.PARSE_ERROR, "Parse error: the line is not JSON"));
          continue;
        } catch (JsonRpc.Failure f) {
          write(out, JsonRpc.error(null, f.code(), f.getMessage()));
          continue;
        }
        if (kind != JsonRpc.Kind.REQUEST) continue; // notifications and responses need no answer
        if (message.get("method").asString().equals("initialize")) {
          JsonNode params =
              message.has("params") ? message.get("params") : mapper.createObjectNode();
          version[0] = Dispatcher.negotiate(params);
        }
        String agreed = version[0];
        JsonNode request = message;
        calls.submit(
            () -> write(out, dispatcher.handle(request, agreed, principal, n -> write(out, n))));
      }
    }
    log.debug("MCP stdio input ended");
  }

  private void write(OutputStream out, ObjectNode message) {
    byte[] line = (mapper.writeValueAsString(message) + "\n").getBytes(StandardCharsets.UTF_8);
    synchronized (out) {
      try {
        out.write(line);
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
