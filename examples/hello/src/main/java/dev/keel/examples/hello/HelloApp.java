package dev.keel.examples.hello;

import dev.keel.core.Keel;
import dev.keel.core.NotFound;
import dev.keel.core.UnprocessableContent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/** The hello example: a tiny notes API showing routes, typed parameters, JSON and errors. */
public final class HelloApp {

  /** A note as stored and returned. */
  public record Note(long id, String text, Instant createdAt) {}

  /** The body of {@code POST /notes}. */
  public record NewNote(String text) {}

  private HelloApp() {}

  /** Builds the application; {@link #main} starts it, tests start it on a random port. */
  public static Keel app(String... args) {
    ConcurrentMap<Long, Note> notes = new ConcurrentHashMap<>();
    AtomicLong ids = new AtomicLong();
    return Keel.create(args)
        .get("/", ctx -> "Hello from Keel! Try GET /hello/you or POST /notes.")
        .get("/hello/{name}", ctx -> Map.of("greeting", "Hello, " + ctx.pathParam("name") + "!"))
        .group(
            "/notes",
            api -> {
              api.get(
                  "/",
                  ctx -> {
                    int limit = ctx.query("limit", Integer.class).orElse(20);
                    return notes.values().stream()
                        .sorted((a, b) -> Long.compare(a.id(), b.id()))
                        .limit(Math.max(0, limit))
                        .toList();
                  });
              api.get(
                  "/{id}",
                  ctx -> {
                    long id = ctx.pathParam("id", Long.class);
                    Note note = notes.get(id);
                    if (note == null) throw new NotFound("There is no note " + id + ".");
                    return note;
                  });
              api.post(
                  "/",
                  ctx -> {
                    NewNote body = ctx.body(NewNote.class);
                    if (body.text() == null || body.text().isBlank()) {
                      throw new UnprocessableContent(
                          "A note needs text.",
                          List.of(
                              new dev.keel.core.Problem.FieldError("text", "must not be blank")));
                    }
                    long id = ids.incrementAndGet();
                    Note note = new Note(id, body.text().strip(), Instant.now());
                    notes.put(id, note);
                    ctx.status(201).header("Location", "/notes/" + id);
                    return note;
                  });
              api.delete(
                  "/{id}",
                  ctx -> {
                    if (notes.remove(ctx.pathParam("id", Long.class)) == null) {
                      throw new NotFound("There is no note " + ctx.pathParam("id") + ".");
                    }
                    return null;
                  });
            });
  }

  public static void main(String[] args) {
    Keel app = app(args).start();
    System.out.println();
    System.out.println("  Keel hello is running on " + app.url() + "  (Ctrl-C stops it)");
    System.out.println("    curl " + app.url() + "/hello/you");
    System.out.println(
        "    curl -X POST -H 'Content-Type: application/json' -d '{\"text\":\"buy milk\"}' "
            + app.url()
            + "/notes");
    System.out.println("    curl " + app.url() + "/notes");
    System.out.println();
  }
}
