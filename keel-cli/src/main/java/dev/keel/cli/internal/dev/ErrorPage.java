package dev.keel.cli.internal.dev;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.keel.core.ProblemType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the app's port answers while the app cannot run: every request gets the problem, as an HTML
 * page for browsers (reloading itself until the app is back) and as {@code
 * application/problem+json} for API clients. The JDK's small HTTP server serves it, so a broken app
 * needs none of its own code to explain itself.
 */
final class ErrorPage implements AutoCloseable {
  /** One located message: {@code file} is relative to the project, {@code line} 1-based or -1. */
  record Entry(String file, long line, long column, String message, String code) {}

  private final HttpServer server;

  private ErrorPage(HttpServer server) {
    this.server = server;
  }

  /** Serves {@code type} with {@code detail} and {@code entries} on {@code port}, all addresses. */
  static ErrorPage serve(int port, ProblemType type, String detail, List<Entry> entries) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(port), 16);
      byte[] json = json(type, detail, entries).getBytes(StandardCharsets.UTF_8);
      byte[] html = html(type, detail, entries).getBytes(StandardCharsets.UTF_8);
      server.createContext(
          "/",
          exchange -> {
            try (exchange) {
              boolean browser = accepts(exchange, "text/html");
              byte[] body = browser ? html : json;
              exchange
                  .getResponseHeaders()
                  .set(
                      "Content-Type",
                      browser ? "text/html; charset=utf-8" : "application/problem+json");
              exchange.getResponseHeaders().set("Cache-Control", "no-store");
              boolean head = exchange.getRequestMethod().equals("HEAD");
              exchange.sendResponseHeaders(type.status(), head ? -1 : body.length);
              if (!head) exchange.getResponseBody().write(body);
            }
          });
      server.start();
      return new ErrorPage(server);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve the error page on port " + port, e);
    }
  }

  private static boolean accepts(HttpExchange exchange, String type) {
    String accept = exchange.getRequestHeaders().getFirst("Accept");
    return accept != null && accept.contains(type);
  }

  static String json(ProblemType type, String detail, List<Entry> entries) {
    var b = new StringBuilder();
    b.append("{\"type\":").append(quote(type.uri()));
    b.append(",\"title\":").append(quote(type.title()));
    b.append(",\"status\":").append(type.status());
    b.append(",\"detail\":").append(quote(detail));
    b.append(",\"errors\":[");
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      if (i > 0) b.append(',');
      b.append("{\"file\":").append(e.file() == null ? "null" : quote(e.file()));
      b.append(",\"line\":").append(e.line());
      b.append(",\"column\":").append(e.column());
      b.append(",\"message\":").append(quote(e.message())).append('}');
    }
    return b.append("]}").toString();
  }

  static String html(ProblemType type, String detail, List<Entry> entries) {
    var b = new StringBuilder();
    b.append("<!doctype html><html><head><meta charset=\"utf-8\">")
        .append("<meta http-equiv=\"refresh\" content=\"2\">") // back by itself once it is fixed
        .append("<title>")
        .append(escape(type.title()))
        .append("</title><style>body{font:15px system-ui;margin:2em;color:#222}")
        .append("pre{background:#f6f6f6;padding:1em;overflow:auto}h1{color:#b00020}")
        .append("</style></head><body><h1>")
        .append(escape(type.title()))
        .append("</h1><p>")
        .append(escape(detail))
        .append("</p>");
    for (Entry e : entries) {
      b.append("<h2>")
          .append(escape(e.file() == null ? "" : e.file()))
          .append(e.line() > 0 ? ":" + e.line() : "")
          .append("</h2><pre>")
          .append(escape(e.message()));
      if (!e.code().isEmpty()) {
        b.append("\n\n").append(e.line()).append(" | ").append(escape(e.code()));
      }
      b.append("</pre>");
    }
    b.append("<p><small>keel dev: this page reloads itself; fix the code and save.</small></p>");
    return b.append("</body></html>").toString();
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  static String quote(String s) {
    var b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
          else b.append(c);
        }
      }
    }
    return b.append('"').toString();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
