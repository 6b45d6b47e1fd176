package dev.keel.examples.ask;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A stand-in for an OpenAI-compatible chat server (Ollama, vLLM, OpenAI) on a local port: every
 * {@code POST /v1/chat/completions} is answered with {@code tokens} as the streamed chunks of the
 * OpenAI wire format (the same shape keel-ai's recorded transcripts have), and the request bodies
 * are kept for the test to read.
 */
final class ModelServer implements AutoCloseable {
  final LinkedBlockingQueue<String> requests = new LinkedBlockingQueue<>();
  private final HttpServer server;

  ModelServer(List<String> tokens) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/v1/chat/completions",
        exchange -> {
          requests.add(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            for (String token : tokens) {
              chunk(
                  out,
                  "{\"index\":0,\"delta\":{\"content\":"
                      + quote(token)
                      + "},\"finish_reason\":null}");
            }
            chunk(out, "{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}");
            out.write(
                ("data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"model\":\"test\","
                        + "\"choices\":[],\"usage\":{\"prompt_tokens\":90,\"completion_tokens\":"
                        + tokens.size()
                        + ",\"total_tokens\":"
                        + (90 + tokens.size())
                        + "}}\n\ndata: [DONE]\n\n")
                    .getBytes(StandardCharsets.UTF_8));
          }
        });
    server.start();
  }

  private static void chunk(OutputStream out, String choice) throws IOException {
    out.write(
        ("data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"model\":\"test\","
                + "\"choices\":["
                + choice
                + "]}\n\n")
            .getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
