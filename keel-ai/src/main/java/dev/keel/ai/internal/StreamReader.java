package dev.keel.ai.internal;

import dev.keel.ai.AiProblems;
import dev.keel.core.HttpException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Reads one {@code text/event-stream} reply (the WHATWG format: {@code event:}/{@code data:} lines,
 * a blank line ends an event, {@code :} lines are comments) on the caller's thread, while a
 * watchdog aborts it when the caller is cancelled or the upstream is silent for {@code
 * keel.ai.idle-timeout}. Aborting closes the response stream, which closes the connection, and
 * interrupts the blocked read.
 */
final class StreamReader {
  private enum Abort {
    CANCELLED,
    IDLE
  }

  private final InputStream in;
  private final AiSettings settings;
  private final ScheduledExecutorService timer;
  private final Thread reader = Thread.currentThread();
  private volatile long lastData = System.nanoTime();
  private volatile Abort aborted;
  private boolean finished;

  StreamReader(InputStream in, AiSettings settings, ScheduledExecutorService timer) {
    this.in = in;
    this.settings = settings;
    this.timer = timer;
  }

  /** True when the stream ended with its end marker; false when cancelled. */
  boolean read(Wire.StreamParser parser, Consumer<String> tokens, BooleanSupplier cancelled) {
    long idle = settings.idleTimeout().toNanos();
    long period = Math.max(10, Math.min(100, settings.idleTimeout().toMillis() / 4));
    ScheduledFuture<?> watchdog =
        timer.scheduleAtFixedRate(
            () -> {
              if (cancelled.getAsBoolean()) abort(Abort.CANCELLED);
              else if (System.nanoTime() - lastData > idle) abort(Abort.IDLE);
            },
            period,
            period,
            TimeUnit.MILLISECONDS);
    try (var lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String event = "";
      var data = new StringBuilder();
      boolean hasData = false;
      String line;
      while ((line = lines.readLine()) != null) {
        lastData = System.nanoTime();
        if (line.isEmpty()) {
          if (hasData) parser.event(event, data.toString(), tokens);
          event = "";
          data.setLength(0);
          hasData = false;
          if (parser.done()) return true;
          continue;
        }
        if (line.startsWith(":")) continue;
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) value = value.substring(1);
        if (field.equals("event")) event = value;
        else if (field.equals("data")) {
          if (hasData) data.append('\n');
          data.append(value);
          hasData = true;
        }
      }
      if (hasData) parser.event(event, data.toString(), tokens);
      if (aborted != null) return ended(null);
      if (!parser.done()) {
        throw new HttpException(
            AiProblems.AI_MALFORMED_REPLY,
            upper(settings.endpoint()) + " ended its stream before the end marker.");
      }
      return true;
    } catch (Transport.Cancelled e) {
      return false;
    } catch (IOException e) {
      return ended(e);
    } finally {
      watchdog.cancel(false);
      synchronized (this) {
        finished = true;
        if (aborted != null) Thread.interrupted(); // the watchdog's interrupt is ours to clear
      }
    }
  }

  private boolean ended(IOException e) {
    if (aborted == Abort.CANCELLED) return false;
    if (aborted == Abort.IDLE) {
      throw new HttpException(
          AiProblems.AI_TIMEOUT,
          upper(settings.endpoint())
              + " sent nothing for keel.ai.idle-timeout ("
              + settings.idleTimeout()
              + ") in the middle of its stream.");
    }
    throw new HttpException(
        AiProblems.AI_UPSTREAM_FAILED,
        upper(settings.endpoint()) + " broke off its stream: " + e + ".");
  }

  private synchronized void abort(Abort why) {
    if (finished || aborted != null) return;
    aborted = why;
    try {
      in.close();
    } catch (IOException | RuntimeException ignored) {
      // closing is best effort; the interrupt ends the read anyway
    }
    reader.interrupt();
  }

  static String upper(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
