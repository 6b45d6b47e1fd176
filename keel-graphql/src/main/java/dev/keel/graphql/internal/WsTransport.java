package dev.keel.graphql.internal;

import dev.keel.realtime.WebSocket;
import dev.keel.realtime.WebSocketHandler;
import dev.keel.security.Principal;
import graphql.ExecutionResult;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code graphql-transport-ws} protocol (the {@code graphql-ws} library's): {@code
 * connection_init}/{@code connection_ack}, {@code ping}/{@code pong}, {@code subscribe} answered by
 * {@code next}... {@code complete} or {@code error}, and the client's {@code complete} to cancel.
 * Protocol violations close the socket with the protocol's 44xx codes.
 */
public final class WsTransport implements WebSocketHandler {
  public static final String PROTOCOL = "graphql-transport-ws";
  private static final Logger log = LoggerFactory.getLogger(WsTransport.class);
  private static final Duration INIT_TIMEOUT = Duration.ofSeconds(10);

  private final Supplier<Engine> engine;
  private final JsonMapper json;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  // the handshake's keel-security principal by id: WebSocket carries only the user's name
  private final Map<String, Principal> principals = new ConcurrentHashMap<>();

  private static final class Session {
    volatile boolean initialised;
    final Map<String, Subscription> operations = new ConcurrentHashMap<>();
  }

  public WsTransport(Supplier<Engine> engine, JsonMapper json) {
    this.engine = engine;
    this.json = json;
  }

  /** Who opens the socket: keel-security's principal of the handshake, or anonymous. */
  public dev.keel.realtime.Authenticator authenticator() {
    return handshake -> {
      Optional<Principal> p = dev.keel.security.Security.principal(handshake);
      p.ifPresent(principal -> principals.put(principal.id(), principal));
      return Optional.of(p.map(Principal::id).orElse(""));
    };
  }

  @Override
  public void onOpen(WebSocket socket) {
    var session = new Session();
    sessions.put(socket.id(), session);
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                Thread.sleep(INIT_TIMEOUT);
              } catch (InterruptedException e) {
                return;
              }
              if (!session.initialised && socket.isOpen()) {
                socket.close(4408, "Connection initialisation timeout");
              }
            });
  }

  @Override
  public void onClose(WebSocket socket, int code, String reason) {
    Session session = sessions.remove(socket.id());
    if (session != null) session.operations.values().forEach(Subscription::cancel);
  }

  @Override
  public void onText(WebSocket socket, String text) {
    Session session = sessions.get(socket.id());
    if (session == null) return;
    JsonNode message;
    try {
      message = json.readTree(text);
    } catch (JacksonException e) {
      socket.close(4400, "Message is not JSON");
      return;
    }
    String type = message.path("type").asString("");
    switch (type) {
      case "connection_init" -> {
        if (session.initialised) {
          socket.close(4429, "Too many initialisation requests");
          return;
        }
        session.initialised = true;
        send(socket, message("type", "connection_ack"));
      }
      case "ping" -> send(socket, message("type", "pong"));
      case "pong" -> {}
      case "subscribe" -> subscribe(socket, session, message);
      case "complete" -> {
        Subscription s = session.operations.remove(message.path("id").asString(""));
        if (s != null) s.cancel();
      }
      default -> socket.close(4400, "Unknown message type '" + type + "'");
    }
  }

  private void subscribe(WebSocket socket, Session session, JsonNode message) {
    if (!session.initialised) {
      socket.close(4401, "Unauthorized");
      return;
    }
    JsonNode id = message.get("id");
    JsonNode payload = message.get("payload");
    if (id == null
        || !id.isString()
        || id.asString().isEmpty()
        || payload == null
        || !payload.isObject()
        || !payload.path("query").isString()) {
      socket.close(4400, "subscribe needs an 'id' and a payload with a 'query'");
      return;
    }
    String key = id.asString();
    if (session.operations.putIfAbsent(key, Pending.INSTANCE) != null) {
      socket.close(4409, "Subscriber for " + key + " already exists");
      return;
    }
    var request =
        new Engine.Request(
            payload.path("query").asString(),
            payload.path("operationName").isString()
                ? payload.path("operationName").asString()
                : null,
            map(payload.get("variables")),
            map(payload.get("extensions")));
    Optional<Principal> principal =
        socket.user().map(name -> principals.getOrDefault(name, Principal.of(name)));
    ExecutionResult result = engine.get().execute(request, principal);
    if (!result.isDataPresent()) {
      session.operations.remove(key);
      send(
          socket,
          message(
              "id",
              key,
              "type",
              "error",
              "payload",
              result.getErrors().stream().map(e -> e.toSpecification()).toList()));
      return;
    }
    if (result.getData() instanceof Publisher<?> events) {
      @SuppressWarnings("unchecked")
      var publisher = (Publisher<ExecutionResult>) events;
      publisher.subscribe(new Forwarder(socket, session, key));
      return;
    }
    session.operations.remove(key);
    send(socket, message("id", key, "type", "next", "payload", result.toSpecification()));
    send(socket, message("id", key, "type", "complete"));
  }

  /** Sends each event as {@code next}, one at a time, then {@code complete} or {@code error}. */
  private final class Forwarder implements Subscriber<ExecutionResult> {
    private final WebSocket socket;
    private final Session session;
    private final String id;
    private Subscription subscription;

    Forwarder(WebSocket socket, Session session, String id) {
      this.socket = socket;
      this.session = session;
      this.id = id;
    }

    @Override
    public void onSubscribe(Subscription s) {
      subscription = s;
      if (session.operations.replace(id, Pending.INSTANCE, s) && socket.isOpen()) s.request(1);
      else s.cancel(); // completed by the client (or closed) before the stream started
    }

    @Override
    public void onNext(ExecutionResult event) {
      send(socket, message("id", id, "type", "next", "payload", event.toSpecification()));
      subscription.request(1);
    }

    @Override
    public void onError(Throwable t) {
      log.warn("GraphQL subscription {} failed", id, t);
      if (session.operations.remove(id) != null) {
        send(
            socket,
            message(
                "id",
                id,
                "type",
                "error",
                "payload",
                List.of(
                    Map.of(
                        "message",
                        "The subscription's event stream failed; the server log has the cause."))));
      }
    }

    @Override
    public void onComplete() {
      if (session.operations.remove(id) != null)
        send(socket, message("id", id, "type", "complete"));
    }
  }

  /** Marks an operation id taken before its stream has started. */
  private enum Pending implements Subscription {
    INSTANCE;

    @Override
    public void request(long n) {}

    @Override
    public void cancel() {}
  }

  /** A message with its fields in the order given (ids first, as graphql-ws writes them). */
  private static Map<String, Object> message(Object... fields) {
    var m = new LinkedHashMap<String, Object>();
    for (int i = 0; i < fields.length; i += 2) m.put((String) fields[i], fields[i + 1]);
    return m;
  }

  private void send(WebSocket socket, Map<String, Object> message) {
    socket.send(json.writeValueAsString(message));
  }

  private Map<String, Object> map(JsonNode node) {
    if (node == null || !node.isObject()) return Map.of();
    @SuppressWarnings("unchecked")
    Map<String, Object> m = json.convertValue(node, LinkedHashMap.class);
    return m;
  }
}
