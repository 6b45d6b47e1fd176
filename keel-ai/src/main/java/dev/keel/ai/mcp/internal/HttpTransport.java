package dev.keel.ai.mcp.internal;

import dev.keel.ai.mcp.McpProblems;
import dev.keel.core.Context;
import dev.keel.core.HttpException;
import dev.keel.core.Keel;
import dev.keel.core.ProblemTypes;
import dev.keel.core.RenderedBody;
import dev.keel.core.StreamingBody;
import dev.keel.security.Principal;
import dev.keel.security.Security;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * MCP's streamable HTTP transport (spec 2025-11-25, "Transports"): {@code POST} carries one
 * JSON-RPC message and answers a request with an event stream (or JSON when the client accepts only
 * that); {@code GET} opens the session's stream for server-initiated messages; {@code DELETE} ends
 * the session. Every request needs an authenticated principal (keel-security) and, after {@code
 * initialize}, the {@code Mcp-Session-Id} that answer gave.
 */
public final class HttpTransport {
  private static final String SESSION = "Mcp-Session-Id";
  private static final String VERSION = "MCP-Protocol-Version";
  private static final long HEARTBEAT_MILLIS = 15_000;

  /** Settings read from {@code keel.ai.mcp.*}. */
  public record Settings(
      String path, List<String> allowedOrigins, Duration sessionIdle, int maxSessions) {}

  private final Dispatcher dispatcher;
  private final JsonMapper mapper;
  private final Settings settings;
  private final Sessions sessions;
  private final AtomicLong eventIds = new AtomicLong();
  private volatile boolean stopping;

  public HttpTransport(Dispatcher dispatcher, JsonMapper mapper, Settings settings) {
    this.dispatcher = dispatcher;
    this.mapper = mapper;
    this.settings = settings;
    this.sessions = new Sessions(settings.sessionIdle(), settings.maxSessions());
  }

  public void install(Keel app) {
    app.post(settings.path(), this::post);
    app.get(settings.path(), this::get);
    app.delete(settings.path(), this::delete);
    app.onStopping(this::stop); // open GET streams end, so the drain need not wait for them
  }

  private void stop() {
    stopping = true;
    sessions.closeAll();
  }

  private Object post(Context ctx) {
    Principal principal = admit(ctx);
    String type = ctx.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
    if (!type.startsWith("application/json")) {
      throw new HttpException(
          ProblemTypes.CONTENT_TYPE_UNSUPPORTED,
          "an MCP message is sent as Content-Type: application/json, not '" + type + "'");
    }
    boolean stream = accepts(ctx, "text/event-stream");
    if (!stream && !accepts(ctx, "application/json"))
      throw notAcceptable("application/json, text/event-stream");
    JsonNode message;
    JsonRpc.Kind kind;
    try {
      message = mapper.readTree(ctx.body());
      kind = JsonRpc.kind(message);
    } catch (JacksonException e) {
      return rpcError(
          ctx,
          400,
          JsonRpc.error(
              null,
              JsonRpc.PARSE_ERROR,
              "Parse error: the body is not JSON (" + e.getOriginalMessage() + ")"));
    } catch (JsonRpc.Failure f) {
      return rpcError(ctx, 400, JsonRpc.error(null, f.code(), f.getMessage()));
    }
    boolean initialize =
        kind == JsonRpc.Kind.REQUEST && message.get("method").asString().equals("initialize");
    Session session;
    if (initialize) {
      JsonNode params = message.has("params") ? message.get("params") : mapper.createObjectNode();
      session = sessions.create(principal, Dispatcher.negotiate(params));
      ctx.header(SESSION, session.id());
    } else {
      session = session(ctx, principal);
    }
    if (kind != JsonRpc.Kind.REQUEST) {
      ctx.status(202); // notifications and responses: accepted, no body
      return null;
    }
    if (!stream) {
      ObjectNode response =
          dispatcher.handle(message, session.protocolVersion(), principal, n -> {});
      return json(response);
    }
    ctx.header("Cache-Control", "no-cache");
    return StreamingBody.of(
        "text/event-stream",
        out -> {
          var events = new Events(out);
          ObjectNode response =
              dispatcher.handle(message, session.protocolVersion(), principal, events::send);
          events.send(response);
        });
  }

  private Object get(Context ctx) {
    Principal principal = admit(ctx);
    if (!accepts(ctx, "text/event-stream")) throw notAcceptable("text/event-stream");
    Session session = session(ctx, principal);
    if (!session.openStream()) {
      throw new HttpException(
          McpProblems.STREAM_OPEN,
          "this MCP session already has its GET event stream open; close it before opening another");
    }
    ctx.header("Cache-Control", "no-cache");
    return StreamingBody.of(
        "text/event-stream",
        out -> {
          try {
            var events = new Events(out);
            events.prime();
            while (!stopping && !session.closed()) {
              Optional<ObjectNode> next = session.next(HEARTBEAT_MILLIS);
              if (next.isPresent()) {
                events.send(next.get());
              } else if (!session.closed()) {
                events.comment("keep-alive"); // finds clients that went away
              }
              session.touch();
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } finally {
            session.streamClosed();
          }
        });
  }

  private Object delete(Context ctx) {
    Principal principal = admit(ctx);
    sessions.end(session(ctx, principal));
    return null;
  }

  /** The Origin check against DNS rebinding, then the principal (401 without one). */
  private Principal admit(Context ctx) {
    Optional<String> origin = ctx.header("Origin");
    if (origin.isPresent() && !originAllowed(origin.get(), ctx)) {
      throw new HttpException(
          McpProblems.ORIGIN_REFUSED,
          "requests from origin '"
              + origin.get()
              + "' are refused; list it in"
              + " keel.ai.mcp.allowed-origins if this page may call the MCP server");
    }
    return Security.authenticated(ctx);
  }

  private boolean originAllowed(String origin, Context ctx) {
    if (settings.allowedOrigins().contains(origin)) return true;
    try {
      URI uri = URI.create(origin);
      String host = uri.getHost();
      if (host == null) return false;
      if (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]")) return true;
      String authority = uri.getAuthority();
      return ctx.header("Host").map(h -> h.equalsIgnoreCase(authority)).orElse(false);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private Session session(Context ctx, Principal principal) {
    String id =
        ctx.header(SESSION)
            .orElseThrow(
                () ->
                    new HttpException(
                        McpProblems.SESSION_REQUIRED,
                        "send the Mcp-Session-Id header that the initialize response gave;"
                            + " without a session, start with an initialize request"));
    Session session = sessions.find(id, principal);
    Optional<String> version = ctx.header(VERSION);
    if (version.isPresent() && !Dispatcher.VERSIONS.contains(version.get())) {
      throw new HttpException(
          McpProblems.PROTOCOL_VERSION,
          "MCP-Protocol-Version '"
              + version.get()
              + "' is not spoken here; this server speaks "
              + Dispatcher.VERSIONS
              + " and agreed on "
              + session.protocolVersion()
              + " for this session");
    }
    return session;
  }

  private static boolean accepts(Context ctx, String type) {
    for (String header : ctx.headers("Accept")) {
      for (String range : header.split(",")) {
        String r = range.strip().toLowerCase(Locale.ROOT);
        int semi = r.indexOf(';');
        if (semi >= 0) r = r.substring(0, semi).strip();
        if (r.equals(type)
            || r.equals("*/*")
            || r.equals(type.substring(0, type.indexOf('/')) + "/*")) {
          return true;
        }
      }
    }
    return false;
  }

  private static HttpException notAcceptable(String types) {
    return new HttpException(
        McpProblems.NOT_ACCEPTABLE, "send Accept: " + types + " to talk to the MCP server");
  }

  private Object rpcError(Context ctx, int status, ObjectNode error) {
    ctx.status(status);
    return json(error);
  }

  private RenderedBody json(ObjectNode message) {
    byte[] bytes = mapper.writeValueAsBytes(message);
    return new RenderedBody() {
      @Override
      public String contentType() {
        return "application/json";
      }

      @Override
      public void writeTo(OutputStream out) throws IOException {
        out.write(bytes);
      }
    };
  }

  /** Server-Sent Events on one response; each message is one {@code message} event. */
  private final class Events {
    private final OutputStream out;

    Events(OutputStream out) {
      this.out = out;
    }

    /** An event id with empty data: lets the client resume (spec 2025-11-25). */
    void prime() {
      write("id: " + eventIds.incrementAndGet() + "\ndata: \n\n");
    }

    void send(ObjectNode message) {
      write(
          "id: "
              + eventIds.incrementAndGet()
              + "\nevent: message\ndata: "
              + mapper.writeValueAsString(message)
              + "\n\n");
    }

    void comment(String text) {
      write(": " + text + "\n\n");
    }

    private synchronized void write(String text) {
      try {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }
}
