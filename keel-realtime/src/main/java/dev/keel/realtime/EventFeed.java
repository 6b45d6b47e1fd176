package dev.keel.realtime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A live feed of Server-Sent Events with a bounded replay buffer: events get increasing ids, the
 * last {@code replay} of them are kept, and a client reconnecting with {@code Last-Event-ID} first
 * receives what it missed. Thread-safe. A client more than {@code replay} events behind is cut off
 * (it reconnects and resumes) instead of buffering without bound.
 *
 * <pre>{@code
 * EventFeed feed = EventFeed.create(1000);
 * realtime.sse("/events", (ctx, events) -> feed.stream(events));
 * feed.publish("price", "{\"eur\":42}");
 * }</pre>
 */
public final class EventFeed {
  private final int replay;
  private final ArrayDeque<ServerSentEvent> buffer = new ArrayDeque<>();
  private final Set<BlockingQueue<ServerSentEvent>> listeners = ConcurrentHashMap.newKeySet();
  private long nextId = 1;

  private EventFeed(int replay) {
    if (replay <= 0) {
      throw new IllegalArgumentException("EventFeed replay : " + replay + " (expected: > 0)");
    }
    this.replay = replay;
  }

  public static EventFeed create(int replay) {
    return new EventFeed(replay);
  }

  /** Publishes an event to every streaming client and returns its id. */
  public String publish(String event, String data) {
    ServerSentEvent e;
    synchronized (buffer) {
      e = new ServerSentEvent(Long.toString(nextId++), event, data);
      buffer.addLast(e);
      if (buffer.size() > replay) buffer.removeFirst();
      for (var l : listeners) {
        if (!l.offer(e)) listeners.remove(l); // too far behind: the stream ends, the client resumes
      }
    }
    return e.id();
  }

  /**
   * Streams to {@code sink} until the client goes: first the buffered events after its {@code
   * Last-Event-ID} (none when it sent no id), then live events. Blocks; call it from an {@link
   * SseHandler}.
   */
  public void stream(EventSink sink) throws InterruptedException {
    var queue = new LinkedBlockingQueue<ServerSentEvent>(replay);
    List<ServerSentEvent> missed = new ArrayList<>();
    synchronized (buffer) {
      long after = sink.lastEventId().map(EventFeed::parse).orElse(Long.MAX_VALUE);
      for (var e : buffer) {
        if (Long.parseLong(e.id()) > after) missed.add(e);
      }
      listeners.add(queue);
    }
    try {
      for (var e : missed) {
        if (!sink.send(e)) return;
      }
      while (sink.isOpen() && listeners.contains(queue)) {
        ServerSentEvent e = queue.poll(1, TimeUnit.SECONDS);
        if (e != null && !sink.send(e)) return;
      }
      ServerSentEvent e; // cut off as too slow: still send what was queued
      while ((e = queue.poll()) != null) {
        if (!sink.send(e)) return;
      }
    } finally {
      listeners.remove(queue);
    }
  }

  private static long parse(String id) {
    try {
      return Long.parseLong(id.trim());
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE; // not one of ours: nothing to replay
    }
  }
}
