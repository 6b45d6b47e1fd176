package dev.keel.examples.chat;

import dev.keel.core.Keel;
import dev.keel.core.NotFound;
import dev.keel.realtime.Channels;
import dev.keel.realtime.EventFeed;
import dev.keel.realtime.Realtime;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The chat example: a page at {@code /}, its channel socket at {@code /socket} (topics {@code
 * room:NAME}, with presence), and an SSE feed of each room's messages at {@code
 * /rooms/{room}/events}. Run it on two ports with {@code --keel.realtime.bus=redis} (or {@code
 * nats}) and the rooms span both.
 */
public final class ChatApp {
  private static final Pattern ROOM = Pattern.compile("[A-Za-z0-9_-]{1,40}");
  private static final byte[] PAGE = resource("index.html");

  private ChatApp() {}

  public static Keel app(String... args) {
    Keel app = Keel.create(args);
    Realtime realtime = Realtime.create();
    app.install(realtime);
    Map<String, EventFeed> feeds = new ConcurrentHashMap<>();
    Channels channels =
        realtime.channels(
            "/socket",
            (user, topic) ->
                topic.startsWith("room:") && ROOM.matcher(topic.substring(5)).matches());
    channels.listen(
        (topic, event, payload) -> {
          if (event.equals("message")) {
            feeds
                .computeIfAbsent(topic.substring(5), r -> EventFeed.create(100))
                .publish(event, payload);
          }
        });
    realtime.sse(
        "/rooms/{room}/events",
        (ctx, events) -> {
          String room = ctx.pathParam("room");
          feeds.computeIfAbsent(room, r -> EventFeed.create(100)).stream(events);
        });
    app.before(
        ctx -> {
          if (ctx.path().startsWith("/rooms/")) {
            String room = ctx.path().split("/")[2];
            if (!ROOM.matcher(room).matches()) {
              throw new NotFound("There is no room '" + room + "'; use letters, digits, - and _.");
            }
          }
        });
    app.get(
        "/",
        ctx -> {
          ctx.header("Content-Type", "text/html; charset=utf-8");
          return PAGE;
        });
    return app;
  }

  public static void main(String[] args) {
    app(args).start();
  }

  private static byte[] resource(String name) {
    try (InputStream in = ChatApp.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
