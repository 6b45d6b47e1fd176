package dev.keel.benchmarks.admin;

import dev.keel.admin.Admin;
import dev.keel.core.Config;
import dev.keel.core.Keel;
import dev.keel.db.Database;
import dev.keel.db.Id;
import dev.keel.db.Table;
import dev.keel.security.MemorySessionStore;
import dev.keel.security.Principal;
import dev.keel.security.Security;
import dev.keel.security.Sessions;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;

/**
 * keel-admin over one table of {@code ROWS} rows: seeds it (once per database), signs in, prints
 * the statements each measured page prepares, writes the session cookie to a file for wrk, then
 * serves until killed. Usage: {@code AdminBench DB_URL PORT ROWS COOKIE_FILE}.
 */
public final class AdminBench {
  /** The benchmark's row: the list shows title, likes and published; search looks in title. */
  @Table("item")
  public record Item(
      @Id long id,
      @NotBlank @Size(max = 200) String title,
      @Size(max = 2000) String body,
      long likes,
      boolean published) {}

  /** The pages measured; run.sh gives wrk the same paths. */
  static List<String> paths(int rows) {
    int middle = Math.max(1, rows / 2);
    return List.of(
        "/admin/item",
        "/admin/item?after=" + middle,
        "/admin/item?sort=title&after=" + middle,
        "/admin/item?q=needle",
        "/admin/item?sort=-likes");
  }

  public static void main(String[] args) throws Exception {
    String url = args[0];
    int port = Integer.parseInt(args[1]);
    int rows = Integer.parseInt(args[2]);
    Path cookieFile = Path.of(args[3]);
    var statements = new Statements();
    Sessions sessions = Sessions.builder(new MemorySessionStore()).build();
    Database db = Database.builder().wrapDataSource(statements::wrap).build();
    Keel app =
        Keel.create(
                Config.builder()
                    .defaults(
                        Map.of(
                            "keel.db.url",
                            url,
                            "keel.db.user",
                            "postgres",
                            "keel.server.port",
                            Integer.toString(port),
                            "keel.db.migrations",
                            "classpath:admin-bench/migration"))
                    .build())
            .install(db)
            .install(Security.builder().sessions(sessions).build())
            .install(
                Admin.create()
                    .register(
                        Item.class, m -> m.list("title", "likes", "published").search("title")))
            // the benchmark's only way in: a session with the admin role, no password
            .get(
                "/bench-login",
                ctx ->
                    Map.of(
                        "csrf",
                        sessions.login(ctx, Principal.of("bench").withRoles("admin")).csrfToken()))
            .start();
    seed(db, rows);

    HttpClient http = HttpClient.newHttpClient();
    String base = "http://127.0.0.1:" + app.port();
    HttpResponse<String> login = get(http, base + "/bench-login", "");
    String cookie =
        login.headers().allValues("set-cookie").stream()
            .filter(c -> c.startsWith("keel_session="))
            .map(c -> c.substring(0, c.indexOf(';')))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no session cookie: " + login));
    for (String path : paths(rows)) {
      get(http, base + path, cookie); // warm up
      int before = statements.prepared.get();
      HttpResponse<String> page = get(http, base + path, cookie);
      int used = statements.prepared.get() - before;
      if (page.statusCode() != 200) throw new IllegalStateException(path + ": " + page);
      System.out.printf(
          "QUERIES %-28s %d statements, %d bytes, %s%n",
          path, used, page.body().length(), summary(page.body()));
    }
    Files.writeString(cookieFile, cookie);
    System.out.println("READY " + base);
    Thread.currentThread().join();
  }

  /**
   * "N rows" (and "· page X of Y" when it pages by number) from the list page, as a check that the
   * page is the one asked for.
   */
  private static String summary(String html) {
    var m =
        java.util.regex.Pattern.compile("([\\d,]+ rows?(?: · page [\\d,]+ of [\\d,]+)?)\\s*<")
            .matcher(html);
    return m.find() ? m.group(1) : "(no row count on the page)";
  }

  private static HttpResponse<String> get(HttpClient http, String url, String cookie)
      throws Exception {
    var request = HttpRequest.newBuilder(URI.create(url));
    if (!cookie.isEmpty()) request.header("Cookie", cookie);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** {@code rows} rows in batches, in one transaction; nothing if the table has them already. */
  private static void seed(Database db, int rows) throws Exception {
    long have = db.sql("select count(*) from item").one(Long.class);
    if (have >= rows) return;
    long start = System.nanoTime();
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps =
          c.prepareStatement(
              "insert into item (title, body, likes, published) values (?, ?, ?, ?)")) {
        for (long i = have + 1; i <= rows; i++) {
          ps.setString(1, "Item " + i + (i % 1000 == 0 ? " needle" : ""));
          ps.setString(2, "The body of item " + i + ", a few words long.");
          ps.setLong(3, (i * 7919) % 10_000);
          ps.setBoolean(4, i % 3 == 0);
          ps.addBatch();
          if (i % 5000 == 0) ps.executeBatch();
        }
        ps.executeBatch();
      }
      c.commit();
    }
    System.out.printf("SEED %d rows in %.1f s%n", rows - have, (System.nanoTime() - start) / 1e9);
  }
}
