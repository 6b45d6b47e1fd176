package dev.keel.realtime.internal;

import dev.keel.realtime.EventSink;
import dev.keel.realtime.ServerSentEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Writes events to a streamed response; a failed write means the client has gone. */
public final class SseSink implements EventSink {
  private final OutputStream out;
  private final Optional<String> lastEventId;
  private volatile boolean open = true;
  private volatile long lastWrite = System.nanoTime();

  public SseSink(OutputStream out, Optional<String> lastEventId) {
    this.out = out;
    this.lastEventId = lastEventId;
  }

  @Override
  public boolean send(String data) {
    return send(new ServerSentEvent("", "", data));
  }

  @Override
  public boolean send(ServerSentEvent event) {
    var b = new StringBuilder(event.data().length() + 32);
    if (!event.id().isEmpty()) b.append("id: ").append(event.id()).append('\n');
    if (!event.event().isEmpty()) b.append("event: ").append(event.event()).append('\n');
    for (String line : event.data().split("\r\n|\r|\n", -1)) {
      b.append("data: ").append(line).append('\n');
    }
    b.append('\n');
    return write(b.toString());
  }

  /** A comment line: keeps proxies from timing the stream out and finds dead clients. */
  public void heartbeat(long intervalNanos) {
    if (open && System.nanoTime() - lastWrite >= intervalNanos) write(": keep-alive\n\n");
  }

  private synchronized boolean write(String text) {
    if (!open) return false;
    try {
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.flush();
      lastWrite = System.nanoTime();
      return true;
    } catch (IOException | RuntimeException e) {
      open = false;
      return false;
    }
  }

  public void close() {
    open = false;
  }

  @Override
  public Optional<String> lastEventId() {
    return lastEventId;
  }

  @Override
  public boolean isOpen() {
    return open;
  }
}
