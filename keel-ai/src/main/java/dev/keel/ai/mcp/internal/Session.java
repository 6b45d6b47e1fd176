package dev.keel.ai.mcp.internal;

import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.databind.node.ObjectNode;

/**
 * One MCP session: the principal it belongs to, the negotiated protocol version, and the messages
 * waiting for the session's GET event stream. Thread-safe.
 */
public final class Session {
  private static final ObjectNode WAKE_UP =
      tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
  private final String id;
  private final String principalId;
  private final String protocolVersion;
  private final AtomicBoolean streamOpen = new AtomicBoolean();
  private final BlockingQueue<ObjectNode> outbound = new LinkedBlockingQueue<>(1_000);
  private volatile long lastUsed = System.nanoTime();
  private volatile boolean closed;

  public Session(String id, String principalId, String protocolVersion) {
    this.id = id;
    this.principalId = principalId;
    this.protocolVersion = protocolVersion;
  }

  public String id() {
    return id;
  }

  public String principalId() {
    return principalId;
  }

  public String protocolVersion() {
    return protocolVersion;
  }

  void touch() {
    lastUsed = System.nanoTime();
  }

  long lastUsed() {
    return lastUsed;
  }

  boolean closed() {
    return closed;
  }

  void close() {
    closed = true;
    outbound.clear();
    outbound.offer(WAKE_UP); // the GET stream ends now, not at its next heartbeat
  }

  /** Claims the session's one GET stream; false when it is already open. */
  boolean openStream() {
    return streamOpen.compareAndSet(false, true);
  }

  void streamClosed() {
    streamOpen.set(false);
  }

  /** Queues a server-initiated message for the GET stream; dropped when the queue is full. */
  public boolean send(ObjectNode message) {
    return !closed && outbound.offer(message);
  }

  /** The next message for the GET stream; empty after {@code timeoutMillis} or when closed. */
  Optional<ObjectNode> next(long timeoutMillis) throws InterruptedException {
    ObjectNode next = outbound.poll(timeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
    return next == WAKE_UP ? Optional.empty() : Optional.ofNullable(next);
  }
}
