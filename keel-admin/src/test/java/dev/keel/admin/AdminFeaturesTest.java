package dev.keel.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.db.Dialect;
import dev.keel.test.TestResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Audit history, bulk actions, filters, relations and displays, on SQLite and on PostgreSQL, with
 * strict loading on.
 */
class AdminFeaturesTest {
  private static Article article(String title, boolean published, LocalDate on) {
    return new Article(0, title, "text", 1, published, Optional.ofNullable(on), Instant.now(), 0);
  }

  /** A form POST with repeated fields, as a browser sends ticked checkboxes. */
  private static TestResponse post(TestApp.User u, String path, List<String[]> fields) {
    var b = new StringBuilder("_csrf=" + u.csrf());
    for (String[] f : fields) {
      b.append('&')
          .append(f[0])
          .append('=')
          .append(URLEncoder.encode(f[1], StandardCharsets.UTF_8));
    }
    return u.request("POST", path).body(b.toString(), "application/x-www-form-urlencoded").send();
  }

  /** Name/value pairs, repeated names allowed. */
  private static List<String[]> fields(String... pairs) {
    var out = new java.util.ArrayList<String[]>();
    for (int i = 0; i < pairs.length; i += 2) out.add(new String[] {pairs[i], pairs[i + 1]});
    return out;
  }

  private static long audits(TestApp t, String action) {
    return t.database
        .sql("select count(*) from keel_admin_audit where action = :a")
        .bind("a", action)
        .one(Long.class);
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void everyChangeIsAuditedInItsTransactionAndTheEditPageShowsTheHistoryNewestFirst(Dialect d) {
    try (var t = new TestApp(d)) {
      var ann = t.admin();
      var form = new HashMap<>(AdminTest.form("Draft", "3"));
      assertThat(ann.post("/admin/article/new", form).status()).isEqualTo(303);
      Article a = t.articles().findAll().getFirst();
      String path = "/admin/article/" + a.id();
      var edit = new HashMap<>(AdminTest.form("Final <i>", "4"));
      edit.put("_version", "0");
      assertThat(ann.post(path, edit).status()).isEqualTo(303);
      assertThat(ann.post(path, edit).status()).isEqualTo(409); // stale: no entry either
      assertThat(audits(t, "edit")).isEqualTo(1);

      String page = ann.get(path).text();
      assertThat(page).contains("<h2>History</h2>");
      int edited = page.indexOf("<td>edit</td>");
      int created = page.indexOf("<td>create</td>");
      assertThat(edited).isPositive().isLessThan(created); // newest first
      assertThat(page)
          .contains("<td>ann</td>")
          .contains("<b>title</b>: Draft → Final &lt;i&gt;")
          .contains("<b>likes</b>: 3 → 4")
          .contains("<b>title</b>:  → Draft") // the create: from nothing
          .doesNotContain("<b>version</b>");

      var account = Map.of("email", "a@example.com", "passwordHash", "secret");
      assertThat(ann.post("/admin/account/new", account).status()).isEqualTo(303);
      String changes =
          t.database
              .sql("select changes from keel_admin_audit where model = 'account'")
              .one(String.class);
      assertThat(changes).contains("a@example.com").doesNotContain("passwordHash");

      assertThat(ann.post(path + "/delete", Map.of()).status()).isEqualTo(303);
      assertThat(audits(t, "delete")).isEqualTo(1);
      String deleted =
          t.database
              .sql("select changes from keel_admin_audit where action = 'delete'")
              .one(String.class);
      assertThat(deleted).contains("\"from\":\"Final <i>\",\"to\":\"\"");
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void bulkDeleteIsConfirmedListsCascadesAndIsRefusedByForeignKeys(Dialect d) {
    try (var t = new TestApp(d)) {
      var ann = t.admin();
      Article a = t.articles().insert(article("A", false, null));
      Article b = t.articles().insert(article("B", false, null));
      Article c = t.articles().insert(article("C", false, null));
      var comments = t.database.repository(Comment.class);
      comments.insert(new Comment(0, a.id(), "one", false));
      comments.insert(new Comment(0, a.id(), "two", true));
      t.database.sql("insert into pin (article_id) values (:a)").bind("a", c.id()).update();

      String list = ann.get("/admin/article").text();
      assertThat(list)
          .contains("action=\"/admin/article/_bulk\"")
          .contains("<input type=\"checkbox\" name=\"id\" value=\"" + a.id() + "\"")
          .contains("<option value=\"delete\">Delete selected</option>")
          .contains("<option value=\"publish\">Publish</option>");

      var ids = List.of(new String[] {"id", "" + a.id()}, new String[] {"id", "" + b.id()});
      var del = new java.util.ArrayList<>(ids);
      del.add(new String[] {"action", "delete"});
      TestResponse confirm = post(ann, "/admin/article/_bulk", del);
      assertThat(confirm.status()).isEqualTo(200);
      assertThat(confirm.text())
          .contains("Delete 2 article rows")
          .contains("2 Comment rows will be deleted with it.")
          .contains("name=\"confirm\" value=\"yes\"")
          .contains("<button class=\"danger\">Yes, delete</button>");
      assertThat(t.articles().count()).isEqualTo(3);

      var viewer = t.login("vic", "?permission=admin:article:view");
      assertThat(post(viewer, "/admin/article/_bulk", del).status()).isEqualTo(403);
      TestResponse noCsrf =
          ann.request("POST", "/admin/article/_bulk")
              .body("action=delete&confirm=yes&id=" + a.id(), "application/x-www-form-urlencoded")
              .send();
      assertThat(noCsrf.status()).isEqualTo(403);

      var yes = new java.util.ArrayList<>(del);
      yes.add(new String[] {"confirm", "yes"});
      TestResponse done = post(ann, "/admin/article/_bulk", yes);
      assertThat(done.status()).isEqualTo(303);
      assertThat(done.header("Location")).contains("/admin/article?deleted&n=2");
      assertThat(ann.get("/admin/article?deleted&n=2").text()).contains("Deleted 2 rows.");
      assertThat(t.articles().findAll()).extracting(Article::title).containsExactly("C");
      assertThat(comments.count()).isZero(); // cascaded
      assertThat(audits(t, "delete")).isEqualTo(2);

      var pinned =
          List.of(
              new String[] {"id", "" + c.id()},
              new String[] {"action", "delete"},
              new String[] {"confirm", "yes"});
      String refusal = ann.get("/admin/article/" + c.id() + "/delete").text();
      assertThat(refusal)
          .contains("1 Pin row refer to it (pin.article_id), so the database refuses the delete")
          .doesNotContain("Yes, delete");
      TestResponse forced = post(ann, "/admin/article/_bulk", pinned);
      assertThat(forced.status()).isEqualTo(409);
      assertThat(forced.text()).contains("Other rows refer to this article").contains("Nothing");
      assertThat(t.articles().count()).isEqualTo(1);
      assertThat(audits(t, "delete")).isEqualTo(2); // rolled back with the delete

      assertThat(post(ann, "/admin/article/_bulk", fields("action", "delete")).text())
          .contains("Tick at least one row");
      TestResponse tampered =
          post(
              ann,
              "/admin/article/_bulk",
              List.of(new String[] {"id", "1 or 1=1"}, new String[] {"action", "delete"}));
      assertThat(tampered.status()).isEqualTo(400);
      assertThat(tampered.text()).contains("'1 or 1=1' is not a valid id for Article");
      TestResponse unknown =
          post(
              ann,
              "/admin/article/_bulk",
              List.of(new String[] {"id", "" + c.id()}, new String[] {"action", "drop"}));
      assertThat(unknown.status()).isEqualTo(400);
      assertThat(unknown.text())
          .contains("There is no action 'drop' for article; choose one of: delete, publish, fail.");
      TestResponse gone =
          post(
              ann,
              "/admin/article/_bulk",
              List.of(new String[] {"id", "424242"}, new String[] {"action", "delete"}));
      assertThat(gone.status()).isEqualTo(400);
      assertThat(gone.text()).contains("1 of the ticked rows no longer exist");
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void userDefinedActionsRunInOneTransactionWithTheirAudit(Dialect d) {
    try (var t = new TestApp(d)) {
      var ann = t.admin();
      Article a = t.articles().insert(article("A", false, null));
      Article b = t.articles().insert(article("B", false, null));
      var both = List.of(new String[] {"id", "" + a.id()}, new String[] {"id", "" + b.id()});
      var fail = new java.util.ArrayList<>(both);
      fail.add(new String[] {"action", "fail"});
      TestResponse failed = post(ann, "/admin/article/_bulk", fail);
      assertThat(failed.status()).isEqualTo(400);
      assertThat(failed.text())
          .contains("Fail half-way: Nothing can be done. Nothing was changed.");
      assertThat(t.articles().findAll()).noneMatch(Article::published); // rolled back
      assertThat(audits(t, "fail")).isZero();

      var viewer = t.login("vic", "?permission=admin:article:view");
      var publish = new java.util.ArrayList<>(both);
      publish.add(new String[] {"action", "publish"});
      assertThat(post(viewer, "/admin/article/_bulk", publish).status()).isEqualTo(403);
      TestResponse done = post(ann, "/admin/article/_bulk", publish);
      assertThat(done.status()).isEqualTo(303);
      assertThat(ann.get(done.header("Location").orElseThrow()).text())
          .contains("Done: Publish on 2 rows.");
      assertThat(t.articles().findAll()).allMatch(Article::published);
      assertThat(audits(t, "publish")).isEqualTo(2);
      assertThat(ann.get("/admin/article/" + a.id()).text())
          .contains("<td>publish</td>")
          .contains("<b>published</b>: false → true");
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void filtersCombineWithSearchAndSortAndStayInTheLinks(Dialect d) {
    try (var t = new TestApp(d)) {
      var ann = t.admin();
      for (int i = 1; i <= 12; i++) {
        t.articles().insert(article("Post " + i, i % 2 == 0, LocalDate.of(2026, 5, i)));
      }
      String yes = ann.get("/admin/article?published=yes").text();
      assertThat(yes).contains("6 rows").contains(">Post 2</a>").doesNotContain(">Post 1</a>");
      assertThat(yes).contains("<option selected>yes</option>");
      String range =
          ann.get("/admin/article?publishOn.from=2026-05-03&publishOn.to=2026-05-05&q=post").text();
      assertThat(range)
          .contains("3 rows")
          .contains(">Post 3</a>")
          .contains(">Post 5</a>")
          .doesNotContain(">Post 6</a>")
          .contains(
              "href=\"/admin/article?q=post&amp;publishOn.from=2026-05-03&amp;publishOn.to=2026-05-05&amp;sort=title\"");
      String paged = ann.get("/admin/article?published=no&sort=-likes").text();
      assertThat(paged).contains("6 rows · page 1 of 1");
      String keyset = ann.get("/admin/article?publishOn.from=2026-05-01").text();
      assertThat(keyset).contains("12 rows").contains("?publishOn.from=2026-05-01&amp;after=");

      TestResponse bad = ann.get("/admin/article?published=maybe");
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.text()).contains("The filter Published got 'maybe'; it takes yes or no.");
      assertThat(ann.get("/admin/article?publishOn.from=May").text())
          .contains("it takes a date such as 2026-05-01");
      assertThat(ann.get("/admin/product?status=SOLD").text())
          .contains("it takes one of DRAFT, ON_SALE, RETIRED");
      assertThat(ann.get("/admin/product?status=DRAFT").status()).isEqualTo(200);
      assertThat(ann.get("/admin/comment?articleId=x").text()).contains("a whole number (an id)");
    }
  }

  /**
   * The foreign keys are read beside start-up and awaited by the first admin page: when the
   * database is unreachable then, the page is a 503 and the next one reads them again.
   */
  @ParameterizedTest
  @EnumSource(Dialect.class)
  void foreignKeysUnreadableAtTheFirstPageAre503AndReadAgainNextTime(Dialect d) {
    try (var t = new TestApp(d)) {
      t.statements.catalogueLost = true;
      var ann = t.admin(); // the first request starts the app; the read fails in the background
      Article a = t.articles().insert(article("A", false, null));
      t.database.repository(Comment.class).insert(new Comment(0, a.id(), "first", true));
      TestResponse lost = ann.get("/admin/comment");
      assertThat(lost.status()).isEqualTo(503);
      assertThat(lost.text()).doesNotContain("SQLTransientConnectionException");
      t.statements.catalogueLost = false;
      assertThat(ann.get("/admin/comment").text())
          .contains("<a href=\"/admin/article/" + a.id() + "\">" + a.id() + "</a>");
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void relationsAreLinksAndSelectsAndTamperedIdsAreFieldErrors(Dialect d) {
    try (var t = new TestApp(d)) {
      var ann = t.admin();
      Article a = t.articles().insert(article("A", false, null));
      Article b = t.articles().insert(article("B", false, null));
      var comments = t.database.repository(Comment.class);
      Comment c = comments.insert(new Comment(0, a.id(), "first", true));
      comments.insert(new Comment(0, b.id(), "second", false));

      String list = ann.get("/admin/comment").text();
      assertThat(list)
          .contains("<a href=\"/admin/article/" + a.id() + "\">" + a.id() + "</a>")
          .contains("<td>&lt;yes&gt;</td>") // the display, escaped
          .contains("<td>no</td>");
      assertThat(ann.get("/admin/comment/" + c.id() + "/delete").text())
          .contains("<dd>&lt;yes&gt;</dd>"); // the display on the delete page too
      String filtered = ann.get("/admin/comment?articleId=" + b.id()).text();
      assertThat(filtered)
          .contains("<p class=\"pager\">1 row\n")
          .contains(">second</a>")
          .doesNotContain(">first</a>");
      String approved = ann.get("/admin/comment?approved=yes").text();
      assertThat(approved).contains(">first</a>").doesNotContain(">second</a>");

      String form = ann.get("/admin/comment/" + c.id()).text();
      assertThat(form)
          .contains("<select id=\"f-articleId\" name=\"articleId\" required>")
          .contains("<option selected>" + a.id() + "</option>")
          .contains("<option>" + b.id() + "</option>")
          .contains(
              "<a class=\"related\" href=\"/admin/article/"
                  + a.id()
                  + "\">Open this article id</a>");
      var tampered = Map.of("articleId", "999", "body", "x", "approved", "on");
      TestResponse r = ann.post("/admin/comment/new", tampered);
      assertThat(r.status()).isEqualTo(422);
      assertThat(r.text())
          .contains(
              "id=\"e-articleId\">There is no article with id '999'; choose one from the list.");
      TestResponse wrongType =
          ann.post("/admin/comment/new", Map.of("articleId", "abc", "body", "x"));
      assertThat(wrongType.status()).isEqualTo(422);
      assertThat(comments.count()).isEqualTo(2);
      var good = Map.of("articleId", "" + b.id(), "body", "third");
      assertThat(ann.post("/admin/comment/new", good).status()).isEqualTo(303);
      assertThat(comments.count()).isEqualTo(3);
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void aRelationToALargeTableIsAnAutocompleteOverItsSearchFields(Dialect d) {
    try (var t = new TestApp(d)) {
      var ann = t.admin();
      for (int i = 1; i <= 205; i++) t.articles().insert(article("Article " + i, false, null));
      Article rare = t.articles().insert(article("Zebra crossing", false, null));

      String form = ann.get("/admin/comment/new").text();
      assertThat(form)
          .doesNotContain("<select id=\"f-articleId\"")
          .contains("list=\"l-articleId\" data-options=\"/admin/article/_options\"")
          .contains("<datalist id=\"l-articleId\"></datalist>")
          .contains("<script src=\"/admin/_static/admin.js\" defer></script>");
      assertThat(ann.get("/admin/_static/admin.js").text()).contains("input[data-options]");

      TestResponse byName = ann.get("/admin/article/_options?q=zebra");
      assertThat(byName.status()).isEqualTo(200);
      assertThat(byName.json().size()).isEqualTo(1);
      assertThat(byName.json().at("/0/id").asString()).isEqualTo("" + rare.id());
      assertThat(byName.json().at("/0/label").asString()).isEqualTo("Zebra crossing");
      TestResponse byId = ann.get("/admin/article/_options?q=" + rare.id());
      assertThat(byId.json().at("/0/id").asString()).isEqualTo("" + rare.id());
      assertThat(ann.get("/admin/article/_options?q=Article").json().size())
          .isEqualTo(20); // a bounded answer, however many match
      assertThat(ann.get("/admin/article/_options?q=%25%27").json().size()).isZero(); // literal

      var reader = t.login("rita", "?permission=admin:comment:edit");
      assertThat(reader.get("/admin/article/_options?q=zebra").status()).isEqualTo(403);
      var good = Map.of("articleId", "" + rare.id(), "body", "typed id");
      assertThat(ann.post("/admin/comment/new", good).status()).isEqualTo(303);
    }
  }
}
