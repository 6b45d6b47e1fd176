package dev.keel.realtime.internal;

import dev.keel.realtime.ChannelPolicy;
import dev.keel.realtime.Member;
import dev.keel.realtime.MessageListener;
import dev.keel.realtime.WebSocket;
import dev.keel.realtime.WebSocketHandler;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoop;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Topics, subscriptions and presence for one channel socket, and their fan-out over a {@link Bus}
 * when one is configured. Presence is gossip: each instance announces its own joins and leaves at
 * once and its whole local presence every interval; an instance not heard from for three intervals
 * is gone, and its members leave.
 */
public final class Hub implements WebSocketHandler {
  private static final Logger log = LoggerFactory.getLogger(Hub.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String instance = UUID.randomUUID().toString();
  private final ChannelPolicy policy;
  private volatile Bus bus; // null: this instance alone (or not started yet)
  private final Duration interval;

  /** topic -> local subscribers */
  private final Map<String, Set<WsConnection>> subscribers = new ConcurrentHashMap<>();

  /** topic -> member id -> entry, for every instance */
  private final Map<String, Map<String, Entry>> presence = new ConcurrentHashMap<>();

  /** instance -> last time heard from (System.nanoTime) */
  private final Map<String, Long> instances = new ConcurrentHashMap<>();

  private final List<MessageListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

  private record Entry(Member member, String instance) {}

  public void listen(MessageListener listener) {
    listeners.add(listener);
  }

  private void deliverMessage(String topic, String text) {
    deliver(topic, text);
    if (listeners.isEmpty()) return;
    JsonNode m = JSON.readTree(text);
    String event = m.path("event").asString("");
    String payload = m.path("payload").toString();
    for (MessageListener l : listeners) {
      try {
        l.onMessage(topic, event, payload);
      } catch (RuntimeException e) {
        log.warn("A channel message listener failed on topic {}", topic, e);
      }
    }
  }

  public Hub(ChannelPolicy policy, Duration interval) {
    this.policy = policy;
    this.interval = interval;
  }

  /**
   * Joins the other instances through {@code bus}: called once when the application starts (a bus
   * connects to Redis or NATS, which must wait until the configuration was validated).
   */
  public void attach(Bus bus, ScheduledExecutorService timer) {
    this.bus = bus;
    bus.subscribe(this::onBus);
    long every = interval.toMillis();
    timer.scheduleAtFixedRate(this::beat, 0, every, TimeUnit.MILLISECONDS);
    bus.publish(JSON.createObjectNode().put("k", "hello").put("o", instance).toString());
  }

  // ---- the socket protocol

  @Override
  public void onText(WebSocket socket, String text) {
    JsonNode m;
    try {
      m = JSON.readTree(text);
    } catch (RuntimeException e) {
      socket.send(reply("", false, "Not JSON: send {\"type\":\"join\",\"topic\":\"...\"}."));
      return;
    }
    String ref = m.path("ref").asString("");
    String topic = m.path("topic").asString("");
    String type = m.path("type").asString("");
    if (topic.isEmpty()) {
      socket.send(reply(ref, false, "Missing \"topic\" in a \"" + type + "\" message."));
      return;
    }
    var conn = (WsConnection) socket;
    switch (type) {
      case "join" -> join(conn, ref, topic, m.path("meta"));
      case "leave" -> {
        leave(conn, topic);
        socket.send(reply(ref, true, ""));
      }
      case "publish" -> {
        if (!subscribed(conn, topic)) {
          socket.send(reply(ref, false, "Join " + topic + " before publishing to it."));
        } else if (!policy.mayPublish(socket.user(), topic)) {
          socket.send(reply(ref, false, "You may not publish to " + topic + "."));
        } else {
          broadcast(topic, m.path("event").asString("message"), m.path("payload"), socket.id());
          socket.send(reply(ref, true, ""));
        }
      }
      default ->
          socket.send(
              reply(ref, false, "Unknown type \"" + type + "\"; use join, leave or publish."));
    }
  }

  @Override
  public void onClose(WebSocket socket, int code, String reason) {
    var conn = (WsConnection) socket;
    for (String topic : List.copyOf(subscribers.keySet())) leave(conn, topic);
  }

  private void join(WsConnection conn, String ref, String topic, JsonNode metaNode) {
    if (!policy.mayJoin(conn.user(), topic)) {
      conn.send(reply(ref, false, "You may not join " + topic + "."));
      return;
    }
    Map<String, String> meta = new LinkedHashMap<>();
    if (metaNode.isObject()) {
      for (var e : metaNode.properties()) meta.put(e.getKey(), e.getValue().asString(""));
    }
    var member = new Member(conn.id(), conn.user().orElse(""), meta);
    subscribers.computeIfAbsent(topic, t -> ConcurrentHashMap.newKeySet()).add(conn);
    conn.send(reply(ref, true, ""));
    conn.send(state(topic));
    addMember(topic, new Entry(member, instance));
    publish(memberEvent("join", topic, member));
  }

  private void leave(WsConnection conn, String topic) {
    Set<WsConnection> set = subscribers.get(topic);
    if (set == null || !set.remove(conn)) return;
    var members = presence.get(topic);
    Entry e = members == null ? null : members.get(conn.id());
    if (e != null) {
      removeMember(topic, conn.id());
      publish(memberEvent("leave", topic, e.member()));
    }
  }

  private boolean subscribed(WsConnection conn, String topic) {
    Set<WsConnection> set = subscribers.get(topic);
    return set != null && set.contains(conn);
  }

  // ---- broadcast

  /** Sends to every subscriber of {@code topic} on every instance. */
  public void broadcast(String topic, String event, JsonNode payload, String from) {
    ObjectNode m =
        JSON.createObjectNode().put("type", "message").put("topic", topic).put("event", event);
    m.set("payload", payload.isMissingNode() ? JSON.nullNode() : payload);
    if (!from.isEmpty()) m.put("from", from);
    String text = m.toString();
    if (bus == null) {
      deliverMessage(topic, text);
    } else {
      bus.publish(
          JSON.createObjectNode()
              .put("k", "msg")
              .put("o", instance)
              .put("topic", topic)
              .put("text", text)
              .toString());
    }
  }

  public void broadcast(String topic, String event, Object payload) {
    broadcast(topic, event, JSON.valueToTree(payload), "");
  }

  private void deliver(String topic, String text) {
    Set<WsConnection> set = subscribers.get(topic);
    if (set == null || set.isEmpty()) return;
    ByteBuf shared = Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.UTF_8));
    // one wake-up per event loop, not one per connection: the loops flush their connections
    Map<EventLoop, List<WsConnection>> flushes = new IdentityHashMap<>(8);
    try {
      for (WsConnection c : set) {
        if (c.offerShared(shared) == WsConnection.NEEDS_FLUSH) {
          flushes.computeIfAbsent(c.eventLoop(), l -> new ArrayList<>()).add(c);
        }
      }
    } finally {
      shared.release();
    }
    flushes.forEach((loop, list) -> loop.execute(() -> list.forEach(WsConnection::flushOutbound)));
  }

  // ---- presence

  public List<Member> presence(String topic) {
    var members = presence.get(topic);
    if (members == null) return List.of();
    List<Member> list = new ArrayList<>();
    for (Entry e : members.values()) list.add(e.member());
    list.sort(Comparator.comparing(Member::id));
    return list;
  }

  private void addMember(String topic, Entry e) {
    var prev =
        presence.computeIfAbsent(topic, t -> new ConcurrentHashMap<>()).put(e.member().id(), e);
    if (prev == null) deliver(topic, presenceEvent("presence_join", topic, e.member()));
  }

  private void removeMember(String topic, String id) {
    var members = presence.get(topic);
    Entry e = members == null ? null : members.remove(id);
    if (e != null) deliver(topic, presenceEvent("presence_leave", topic, e.member()));
  }

  private String state(String topic) {
    ObjectNode m = JSON.createObjectNode().put("type", "presence_state").put("topic", topic);
    ArrayNode list = m.putArray("members");
    for (Member member : presence(topic)) list.add(memberNode(member));
    return m.toString();
  }

  private static ObjectNode memberNode(Member member) {
    ObjectNode n = JSON.createObjectNode().put("id", member.id()).put("user", member.user());
    ObjectNode meta = n.putObject("meta");
    member.meta().forEach(meta::put);
    return n;
  }

  private static String presenceEvent(String type, String topic, Member member) {
    ObjectNode m = JSON.createObjectNode().put("type", type).put("topic", topic);
    m.set("member", memberNode(member));
    return m.toString();
  }

  // ---- cluster gossip

  private ObjectNode memberEvent(String kind, String topic, Member member) {
    ObjectNode m = JSON.createObjectNode().put("k", kind).put("o", instance).put("topic", topic);
    m.set("member", memberNode(member));
    return m;
  }

  private void publish(ObjectNode event) {
    if (bus != null) bus.publish(event.toString());
  }

  /** Every interval: our whole local presence, and the end of instances that fell silent. */
  private void beat() {
    try {
      ObjectNode m = JSON.createObjectNode().put("k", "beat").put("o", instance);
      ObjectNode topics = m.putObject("topics");
      presence.forEach(
          (topic, members) -> {
            ArrayNode list = JSON.createArrayNode();
            for (Entry e : members.values()) {
              if (e.instance().equals(instance)) list.add(memberNode(e.member()));
            }
            if (!list.isEmpty()) topics.set(topic, list);
          });
      bus.publish(m.toString());
      long deadline = System.nanoTime() - 3 * interval.toNanos();
      instances.forEach(
          (other, seen) -> {
            if (seen - deadline < 0 && instances.remove(other, seen)) dropInstance(other);
          });
    } catch (RuntimeException e) {
      log.warn("Realtime presence heartbeat failed; retrying in {}", interval, e);
    }
  }

  private void dropInstance(String other) {
    log.info("Realtime instance {} fell silent; its members leave their channels", other);
    presence.forEach(
        (topic, members) ->
            members.values().stream()
                .filter(e -> e.instance().equals(other))
                .toList()
                .forEach(e -> removeMember(topic, e.member().id())));
  }

  private void onBus(String text) {
    try {
      JsonNode m = JSON.readTree(text);
      String origin = m.path("o").asString("");
      String kind = m.path("k").asString("");
      if (kind.equals("msg")) {
        deliverMessage(m.path("topic").asString(""), m.path("text").asString(""));
        return;
      }
      if (origin.equals(instance)) return; // our own presence is already applied
      instances.put(origin, System.nanoTime());
      switch (kind) {
        case "hello" -> beat(); // a new instance: tell it what we have now
        case "join" ->
            addMember(m.path("topic").asString(""), new Entry(member(m.path("member")), origin));
        case "leave" ->
            removeMember(m.path("topic").asString(""), m.path("member").path("id").asString(""));
        case "beat" -> reconcile(origin, m.path("topics"));
        default -> {}
      }
    } catch (RuntimeException e) {
      log.warn("Ignoring a malformed realtime bus message: {}", text, e);
    }
  }

  /** Makes our view of {@code origin}'s members exactly what its heartbeat lists. */
  private void reconcile(String origin, JsonNode topics) {
    Map<String, Map<String, Member>> listed = new LinkedHashMap<>();
    for (var t : topics.properties()) {
      Map<String, Member> members = new LinkedHashMap<>();
      for (JsonNode n : t.getValue()) {
        Member member = member(n);
        members.put(member.id(), member);
      }
      listed.put(t.getKey(), members);
    }
    presence.forEach(
        (topic, members) -> {
          var keep = listed.getOrDefault(topic, Map.of());
          members.values().stream()
              .filter(e -> e.instance().equals(origin) && !keep.containsKey(e.member().id()))
              .toList()
              .forEach(e -> removeMember(topic, e.member().id()));
        });
    listed.forEach(
        (topic, members) ->
            members.values().forEach(mb -> addMember(topic, new Entry(mb, origin))));
  }

  private static Member member(JsonNode n) {
    Map<String, String> meta = new LinkedHashMap<>();
    for (var e : n.path("meta").properties()) meta.put(e.getKey(), e.getValue().asString(""));
    return new Member(n.path("id").asString(""), n.path("user").asString(""), meta);
  }

  private static String reply(String ref, boolean ok, String error) {
    ObjectNode m = JSON.createObjectNode().put("type", "reply").put("ref", ref).put("ok", ok);
    if (!ok) m.put("error", error);
    return m.toString();
  }

  public Optional<Bus> bus() {
    return Optional.ofNullable(bus);
  }
}
