package dev.keel.examples.techempower;

import dev.keel.core.Context;
import dev.keel.core.Keel;
import dev.keel.db.Database;
import dev.keel.views.Views;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * TechEmpower's database test types: {@code /db}, {@code /queries}, {@code /updates}, {@code
 * /cached-queries} and {@code /fortunes}. Plain blocking code on virtual threads: every row is read
 * with its own query, as the rules require ({@code /queries} pipelines them).
 */
final class DatabaseTests {
  static final int WORLDS = 10_000;
  private static final String SELECT_WORLD = "SELECT id, randomnumber FROM world WHERE id = :id";

  private final Database db;
  private final Views views;
  private volatile World[] cache = new World[0];

  DatabaseTests(Database db, Views views) {
    this.db = db;
    this.views = views;
  }

  void install(Keel app) {
    app.onStart(this::loadCache)
        .get("/db", ctx -> world(randomId()))
        // oneEach: the request's selects share one connection and are pipelined (ADR 0029).
        .get("/queries", ctx -> worlds(count(ctx, "queries")))
        // One transaction: the selects and the batch hold one connection, not two borrows.
        .get("/updates", ctx -> db.transaction(() -> update(count(ctx, "queries"))))
        .get("/cached-queries", ctx -> cached(count(ctx, "count")))
        .get("/fortunes", ctx -> views.render("fortunes.jte", fortunes()));
  }

  /**
   * The {@code queries}/{@code count} parameter: 1..500; missing, empty or not a number is 1, a
   * number beyond 500 (even beyond {@code int}) is 500.
   */
  static int count(Context ctx, String name) {
    String raw = ctx.query(name).orElse("").trim();
    if (raw.isEmpty()) return 1;
    try {
      return Math.clamp(Long.parseLong(raw), 1, 500);
    } catch (NumberFormatException e) {
      return raw.chars().allMatch(Character::isDigit) ? 500 : 1;
    }
  }

  private World world(int id) {
    return db.sql(SELECT_WORLD).bind("id", id).one(World.class);
  }

  /** {@code count} random worlds, each read by its own select; the selects are pipelined. */
  private World[] worlds(int count) {
    var ids = new Integer[count];
    for (int i = 0; i < count; i++) ids[i] = randomId();
    return db.sql(SELECT_WORLD).oneEach(Arrays.asList(ids), World.class).toArray(World[]::new);
  }

  private World[] update(int count) {
    World[] worlds = worlds(count);
    var random = ThreadLocalRandom.current();
    for (int i = 0; i < count; i++) {
      int old = worlds[i].randomNumber();
      int next;
      do {
        next = random.nextInt(1, WORLDS + 1);
      } while (next == old); // so every row really changes
      worlds[i] = new World(worlds[i].id(), next);
    }
    // Ordered by id so concurrent /updates take row locks in the same order and never deadlock.
    World[] sorted = worlds.clone();
    Arrays.sort(sorted, Comparator.comparingInt(World::id));
    db.sql("UPDATE world SET randomnumber = :randomNumber WHERE id = :id").batch(List.of(sorted));
    return worlds;
  }

  private World[] cached(int count) {
    World[] all = cache;
    var worlds = new World[count];
    var random = ThreadLocalRandom.current();
    for (int i = 0; i < count; i++) {
      worlds[i] = all[random.nextInt(all.length)];
    }
    return worlds;
  }

  private List<Fortune> fortunes() {
    List<Fortune> fortunes =
        new ArrayList<>(db.sql("SELECT id, message FROM fortune").list(Fortune.class));
    fortunes.add(new Fortune(0, "Additional fortune added at request time."));
    fortunes.sort(Comparator.comparing(Fortune::message));
    return fortunes;
  }

  private void loadCache() {
    cache =
        db.sql("SELECT id, randomnumber FROM world ORDER BY id")
            .list(World.class)
            .toArray(World[]::new);
  }

  private static int randomId() {
    return ThreadLocalRandom.current().nextInt(1, WORLDS + 1);
  }
}
