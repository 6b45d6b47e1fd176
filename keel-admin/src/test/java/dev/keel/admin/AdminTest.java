package dev.keel.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.db.Dialect;
import dev.keel.test.TestResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The admin through HTTP, on SQLite and on PostgreSQL, with strict loading on. */
class AdminTest {
  /** Every admin route, with a real model and row where it takes one. */
  static final List<String[]> ROUTES =
      List.of(
          new String[] {"GET", "/admin"},
          new String[] {"GET", "/admin/_static/admin.css"},
          new String[] {"GET", "/admin/_static/admin.js"},
          new String[] {"GET", "/admin/article/_options?q=x"},
          new String[] {"GET", "/admin/article"},
          new String[] {"GET", "/admin/article/new"},
          new String[] {"POST", "/admin/article/new"},
          new String[] {"GET", "/admin/article/1"},
          new String[] {"POST", "/admin/article/1"},
          new String[] {"GET", "/admin/article/1/delete"},
          new String[] {"POST", "/admin/article/1/delete"},
          new String[] {"POST", "/admin/article/_bulk"},
          new String[] {"GET", "/admin/nothing"});

  static Map<String, String> form(String title, String likes) {
    var f = new HashMap<String, String>();
    f.put("title", title);
    f.put("body", "Some text");
    f.put("likes", likes);
    f.put("published", "on");
    f.put("publishOn", "2026-05-01");
    return f;
  }

  static Article article(String title, int likes) {
    return new Article(
        0, title, "body of " + title, likes, false, Optional.empty(), Instant.now(), 0);
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void everyRouteNeedsASignedInAdmin(Dialect dialect) {
    try (var t = new TestApp(dialect)) {
      assertThat(t.client.get("/admin").send().status()).isEqualTo(303); // starts the app
      t.articles().insert(article("First", 1));
      var user = t.login("bob", "?role=user");
      for (String[] r : ROUTES) {
        TestResponse anonymous = t.client.request(r[0], r[1]).form(form("X", "1")).send();
        assertThat(anonymous.status()).as(r[0] + " " + r[1]).isEqualTo(303);
        assertThat(anonymous.header("Location").orElseThrow())
            .isEqualTo(
                "/login?next="
                    + URLEncoder.encode(
                        r[0].equals("GET") ? r[1] : r[1].replaceFirst("\\?.*", ""),
                        StandardCharsets.UTF_8));
        var fields = new HashMap<>(form("X", "1"));
        fields.put("_csrf", user.csrf());
        TestResponse denied = user.request(r[0], r[1]).form(fields).send();
        assertThat(denied.status()).as(r[0] + " " + r[1]).isEqualTo(403);
        assertThat(denied.text()).contains("neither the role 'admin' nor a permission");
      }
      assertThat(t.articles().findAll())
          .singleElement()
          .satisfies(a -> assertThat(a.title()).isEqualTo("First"));
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void theHeaderNamesThePrincipalAndSignsOutWithTheCsrfToken(Dialect dialect) {
    try (var t = new TestApp(dialect)) {
      var ann = t.admin();
      String page = ann.get("/admin").text();
      assertThat(page)
          .contains("<span class=\"user\">ann</span>")
          .contains("<form class=\"signout\" method=\"post\" action=\"/logout\">")
          .contains("name=\"_csrf\" value=\"" + ann.csrf() + "\"");
      assertThat(ann.post("/logout", Map.of()).status()).isEqualTo(200);
      assertThat(ann.get("/admin").status()).isEqualTo(303); // the session is gone
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void createsWithMessagesNextToTheFieldsThenListsSearchesAndSorts(Dialect dialect) {
    try (var t = new TestApp(dialect)) {
      var ann = t.admin();
      TestResponse dashboard = ann.get("/admin");
      assertThat(dashboard.status()).isEqualTo(200);
      assertThat(dashboard.header("Content-Type").orElseThrow()).startsWith("text/html");
      assertThat(dashboard.header("Content-Security-Policy")).contains("default-src 'self'");
      assertThat(dashboard.header("X-Frame-Options")).isPresent();
      TestResponse css = ann.get("/admin/_static/admin.css");
      assertThat(css.header("Content-Type").orElseThrow()).startsWith("text/css");
      assertThat(css.text()).contains(".error{");
      assertThat(dashboard.text())
          .contains("href=\"/admin/article\">Article</a>")
          .contains(">0</td>");

      TestResponse page = ann.get("/admin/article/new");
      assertThat(page.text())
          .contains("name=\"_csrf\" value=\"" + ann.csrf() + "\"")
          .contains("name=\"title\" value=\"\" required maxlength=\"80\"")
          .contains("type=\"number\" name=\"likes\"")
          .contains("min=\"0\" max=\"1000\"")
          .contains("type=\"date\" name=\"publishOn\"")
          .doesNotContain("name=\"createdAt\""); // read-only: not on the create form

      TestResponse blank = ann.post("/admin/article/new", form("  ", "abc"));
      assertThat(blank.status()).isEqualTo(422);
      assertThat(blank.text())
          .contains("Please correct the errors below; nothing was saved.")
          .contains(
              "<p class=\"error\" id=\"e-likes\">Enter a whole number, e.g. 42; 'abc' is not one.</p>")
          .contains("value=\"abc\""); // the submitted text comes back
      TestResponse tooLong = ann.post("/admin/article/new", form("x".repeat(81), "5"));
      assertThat(tooLong.status()).isEqualTo(422);
      assertThat(tooLong.text())
          .contains("<p class=\"error\" id=\"e-title\">At most 80 characters; this has 81.</p>");
      TestResponse blankTitle = ann.post("/admin/article/new", form("  ", "5"));
      assertThat(blankTitle.text())
          .contains("<p class=\"error\" id=\"e-title\">Must not be blank.</p>");
      TestResponse tooMany = ann.post("/admin/article/new", form("Fine", "5000"));
      assertThat(tooMany.text())
          .contains("<p class=\"error\" id=\"e-likes\">Must be at most 1000.</p>");
      TestResponse badDate =
          ann.post(
              "/admin/article/new", Map.of("title", "T", "likes", "1", "publishOn", "May 1st"));
      assertThat(badDate.text()).contains("Enter a date as 2026-05-01; 'May 1st' is not one.");
      assertThat(t.articles().count()).isZero();

      TestResponse created = ann.post("/admin/article/new", form("Hello <b>admin</b>", "7"));
      assertThat(created.status()).isEqualTo(303);
      Article a = t.articles().findAll().getFirst();
      assertThat(a.title()).isEqualTo("Hello <b>admin</b>");
      assertThat(a.published()).isTrue();
      assertThat(a.publishOn()).contains(java.time.LocalDate.of(2026, 5, 1));
      assertThat(a.createdAt()).isBefore(Instant.now().plusSeconds(1));
      assertThat(created.header("Location")).contains("/admin/article/" + a.id() + "?saved");
      assertThat(ann.get("/admin/article/" + a.id() + "?saved").text())
          .contains("Saved.")
          .contains("value=\"Hello &lt;b>admin&lt;/b>\"")
          .doesNotContain("<b>admin</b>");
      TestResponse duplicate = ann.post("/admin/article/new", form("Hello <b>admin</b>", "1"));
      assertThat(duplicate.status()).isEqualTo(409);
      assertThat(duplicate.text()).contains("Another row already has one of these values");

      for (int i = 1; i <= 24; i++) t.articles().insert(article("Post " + i, i * 10));
      TestResponse list = ann.get("/admin/article");
      assertThat(list.status()).isEqualTo(200);
      // sorted by the key (the default): keyset paging, ?after= the last key shown, no OFFSET
      long tenth =
          t.articles().findAll().stream()
              .mapToLong(Article::id)
              .sorted()
              .skip(9)
              .findFirst()
              .orElseThrow();
      assertThat(list.text())
          .contains("25 rows")
          .doesNotContain("previous")
          .contains("href=\"/admin/article?after=" + tenth + "\">next");
      String second = ann.get("/admin/article?after=" + tenth).text();
      assertThat(second).contains("href=\"/admin/article?before=" + (tenth + 1) + "\">previous");
      String third = ann.get("/admin/article?after=" + (tenth + 10)).text();
      assertThat(third).contains("Post 24").doesNotContain(">next<");
      String back = ann.get("/admin/article?before=" + (tenth + 1)).text();
      assertThat(back).contains(">Post 1</a>").doesNotContain("previous").contains(">next<");
      assertThat(ann.get("/admin/article?after=abc").status()).isEqualTo(400);

      TestResponse search = ann.get("/admin/article?q=POST%201");
      assertThat(search.text())
          .contains("11 rows")
          .contains("href=\"/admin/article?q=POST%201&amp;after=") // the search stays
          .contains(">Post 1</a>")
          .contains(">Post 18</a>")
          .doesNotContain(">Post 2</a>");
      assertThat(ann.get("/admin/article?q=100%25").text()).contains("0 rows"); // % is literal
      assertThat(ann.get("/admin/article?q=body%20of%20Post%207").text())
          .contains("<p class=\"pager\">1 row\n")
          .doesNotContain("1 rows")
          .contains(">Post 7</a>");

      String sorted = ann.get("/admin/article?sort=-likes").text();
      assertThat(sorted.indexOf(">Post 24</a>")).isLessThan(sorted.indexOf(">Post 23</a>"));
      assertThat(sorted)
          .contains("href=\"/admin/article?sort=likes\">Likes</a> <span class=\"sort\">▼");
      assertThat(sorted)
          .contains("25 rows · page 1 of 3")
          .contains("?sort=-likes&amp;page=2\">next");
      String ascending = ann.get("/admin/article?sort=likes").text();
      assertThat(ascending.indexOf(">Hello &lt;b&gt;admin&lt;/b&gt;</a>"))
          .isLessThan(ascending.indexOf(">Post 1</a>"));
      assertThat(ann.get("/admin/article?sort=nope;drop").status()).isEqualTo(200); // ignored
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void editsWithAValidationErrorThenSucceedsAndDeletesAfterConfirmation(Dialect dialect) {
    try (var t = new TestApp(dialect)) {
      t.client.get("/admin").send();
      Article a = t.articles().insert(article("Draft", 3));
      var ann = t.admin();
      String path = "/admin/article/" + a.id();
      TestResponse edit = ann.get(path);
      assertThat(edit.text())
          .contains("value=\"Draft\"")
          .contains("name=\"_version\" value=\"0\"")
          .contains("<output id=\"f-createdAt\">");

      var bad = new HashMap<>(form("", "9"));
      bad.put("_version", "0");
      TestResponse invalid = ann.post(path, bad);
      assertThat(invalid.status()).isEqualTo(422);
      assertThat(invalid.text()).contains("id=\"e-title\">Must not be blank.");
      assertThat(t.articles().find(a.id()).orElseThrow().title()).isEqualTo("Draft");

      var tampered = new HashMap<>(form("Final", "9"));
      tampered.put("_version", "x1");
      TestResponse altered = ann.post(path, tampered);
      assertThat(altered.status()).isEqualTo(422);
      assertThat(altered.text())
          .contains(
              "The form's version field is missing or altered ('x1'); reload the page and apply"
                  + " the change again. Nothing was saved.");
      assertThat(t.articles().find(a.id()).orElseThrow().title()).isEqualTo("Draft");

      var good = new HashMap<>(form("Final", "9"));
      good.put("_version", "0");
      good.put("id", "999"); // a tampered key in the form is ignored: the path names the row
      good.put("createdAt", "2000-01-01T00:00");
      assertThat(ann.post(path, good).status()).isEqualTo(303);
      Article saved = t.articles().find(a.id()).orElseThrow();
      assertThat(saved.title()).isEqualTo("Final");
      assertThat(saved.likes()).isEqualTo(9);
      assertThat(saved.version()).isEqualTo(1);
      assertThat(saved.createdAt()).isEqualTo(a.createdAt());
      assertThat(t.articles().count()).isEqualTo(1);

      TestResponse stale = ann.post(path, good); // still version 0
      assertThat(stale.status()).isEqualTo(409);
      assertThat(stale.text()).contains("Someone else changed this row since you opened it");

      TestResponse confirm = ann.get(path + "/delete");
      assertThat(confirm.text())
          .contains("Are you sure?")
          .contains("<dd>Final</dd>")
          .contains("action=\"" + path + "/delete\"");
      assertThat(t.articles().count()).isEqualTo(1);
      TestResponse deleted = ann.post(path + "/delete", Map.of());
      assertThat(deleted.status()).isEqualTo(303);
      assertThat(deleted.header("Location")).contains("/admin/article");
      assertThat(t.articles().count()).isZero();
      TestResponse gone = ann.get(path);
      assertThat(gone.status()).isEqualTo(404);
      assertThat(gone.text()).contains("There is no article with id '" + a.id() + "'");
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void refusesFormsWithoutTheCsrfTokenAndTamperedIds(Dialect dialect) {
    try (var t = new TestApp(dialect)) {
      t.client.get("/admin").send();
      Article a = t.articles().insert(article("Keep", 1));
      var ann = t.admin();
      TestResponse noToken =
          ann.request("POST", "/admin/article/new").form(form("Sneaky", "1")).send();
      assertThat(noToken.status()).isEqualTo(403);
      var wrongToken = new HashMap<>(form("Sneaky", "1"));
      wrongToken.put("_csrf", "forged");
      assertThat(ann.post("/admin/article/new", wrongToken).status()).isEqualTo(403);
      assertThat(
              ann.request("POST", "/admin/article/" + a.id() + "/delete")
                  .form(Map.of())
                  .send()
                  .status())
          .isEqualTo(403);
      assertThat(t.articles().findAll()).extracting(Article::title).containsExactly("Keep");

      TestResponse tampered = ann.post("/admin/article/1%20or%201=1/delete", Map.of());
      assertThat(tampered.status()).isEqualTo(400);
      assertThat(tampered.text())
          .contains(
              "'1 or 1=1' is not a valid id for Article: ids here are whole numbers. Nothing was changed.");
      assertThat(ann.post("/admin/article/424242", form("X", "1")).status()).isEqualTo(404);
      assertThat(t.articles().count()).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void perModelPermissionsLimitWhatAUserMayDo(Dialect dialect) {
    try (var t = new TestApp(dialect)) {
      t.client.get("/admin").send();
      Article a = t.articles().insert(article("Shared", 1));
      var viewer = t.login("vic", "?permission=admin:article:view");
      assertThat(viewer.get("/admin").text()).contains(">Article</a>");
      TestResponse list = viewer.get("/admin/article");
      assertThat(list.status()).isEqualTo(200);
      assertThat(list.text()).contains(">Shared</a>").doesNotContain(">Add</a>");
      assertThat(viewer.get("/admin/article/" + a.id()).text())
          .contains("<output id=\"f-title\">Shared</output>")
          .doesNotContain("<button>Save");
      TestResponse create = viewer.post("/admin/article/new", form("Nope", "1"));
      assertThat(create.status()).isEqualTo(403);
      assertThat(create.text())
          .contains("needs the role 'admin' or the permission admin:article:edit");
      assertThat(viewer.post("/admin/article/" + a.id() + "/delete", Map.of()).status())
          .isEqualTo(403);
      var editor = t.login("eve", "?permission=admin:article:*");
      assertThat(editor.post("/admin/article/" + a.id() + "/delete", Map.of()).status())
          .isEqualTo(303);
      assertThat(t.articles().count()).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void aLargeListSortedByAColumnPagesByKeysetThroughTies(Dialect dialect) {
    try (var t = new TestApp(dialect)) {
      t.client.get("/admin").send();
      var ann = t.admin();
      Article seed = t.articles().insert(article("Seed", 0));
      // 10,010 more rows copied from the seed; likes repeat every 7 rows, so pages cross ties
      t.database
          .sql(
              "with recursive n(i) as (select 1 union all select i + 1 from n where i < 10010)"
                  + " insert into article (title, body, likes, published, publish_on, created_at,"
                  + " version) select 'Row ' || i, a.body, i % 7, a.published, a.publish_on,"
                  + " a.created_at, 0 from n, article a where a.id = :seed")
          .bind("seed", seed.id())
          .update();
      String first = ann.get("/admin/article?sort=-likes").text();
      assertThat(first).contains("10,011 rows").doesNotContain("page 1 of").doesNotContain("page=");
      var seen = new java.util.ArrayList<Long>(ids(first));
      String page = first;
      int statements = 0;
      for (int i = 0; i < 3; i++) {
        String next = link(page, "next");
        assertThat(next).startsWith("/admin/article?sort=-likes&after=");
        String[] holder = new String[1];
        statements = t.statements.during(() -> holder[0] = ann.get(next).text());
        page = holder[0];
        seen.addAll(ids(page));
      }
      assertThat(statements).isEqualTo(3); // the count, the edge row, the page
      assertThat(t.statements.sql.getLast().toLowerCase(java.util.Locale.ROOT))
          .doesNotContain("offset");
      // the four pages are the first 40 rows of the order likes desc, then id desc; no repeats
      List<Long> expected =
          t.articles().findAll(dev.keel.db.Query.all().orderBy("likes", true).limit(40)).stream()
              .map(Article::id)
              .toList();
      assertThat(seen).containsExactlyElementsOf(expected);
      // and back: the page before the fourth is the third
      String back = ann.get(link(page, "prev")).text();
      assertThat(ids(back)).containsExactlyElementsOf(seen.subList(20, 30));
      // a tampered edge is a clear 400, not a 500
      assertThat(ann.get("/admin/article?sort=-likes&after=x").status()).isEqualTo(400);
    }
  }

  private static List<Long> ids(String html) {
    var out = new java.util.ArrayList<Long>();
    var m = java.util.regex.Pattern.compile("<td><a href=\"/admin/article/(\\d+)\"").matcher(html);
    while (m.find()) out.add(Long.parseLong(m.group(1)));
    return out;
  }

  private static String link(String html, String rel) {
    var m = java.util.regex.Pattern.compile("href=\"([^\"]*)\">" + rel).matcher(html);
    assertThat(m.find()).as("a '%s' link", rel).isTrue();
    return m.group(1).replace("&amp;", "&");
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void eachPageRunsTheSameFewStatementsWhateverTheNumberOfRows(Dialect dialect) {
    try (var t = new TestApp(dialect)) {
      t.client.get("/admin").send();
      var ann = t.admin();
      Article first = t.articles().insert(article("First", 1));
      int small = t.statements.during(() -> ann.get("/admin/article?q=i&sort=-likes"));
      for (int i = 0; i < 40; i++) t.articles().insert(article("Item " + i, i));
      int full = t.statements.during(() -> ann.get("/admin/article?q=i&sort=-likes&page=2"));
      assertThat(small).isEqualTo(2); // one count, one page
      assertThat(full).isEqualTo(2);
      assertThat(t.statements.during(() -> ann.get("/admin"))).isEqualTo(4); // a count per model
      // keyset paging by the key, with filters: still one count and one page, and no OFFSET
      int keyset =
          t.statements.during(
              () -> ann.get("/admin/article?published=no&after=" + (first.id() + 20)));
      assertThat(keyset).isEqualTo(2);
      assertThat(t.statements.sql.getLast().toLowerCase(java.util.Locale.ROOT))
          .contains("limit")
          .doesNotContain("offset");
      // the row and its audit history
      assertThat(t.statements.during(() -> ann.get("/admin/article/" + first.id()))).isEqualTo(2);
      assertThat(t.statements.during(() -> ann.get("/admin/article/abc"))).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void choicesUuidsDecimalsInstantsAndEmailsAreParsedStrictly(Dialect dialect) {
    try (var t = new TestApp(dialect)) {
      var ann = t.admin();
      assertThat(ann.get("/admin/product/new").text())
          .contains("<select id=\"f-status\" name=\"status\" required>")
          .contains("<option>ON_SALE</option>")
          .contains("type=\"email\" name=\"contact\"")
          .contains("type=\"datetime-local\" name=\"availableAt\"");
      var bad = new HashMap<String, String>();
      bad.put("name", "Lamp");
      bad.put("status", "SOLD");
      bad.put("code", "not-a-uuid");
      bad.put("price", "12,50");
      bad.put("contact", "nobody");
      bad.put("stock", "4.5");
      bad.put("availableAt", "tomorrow");
      TestResponse invalid = ann.post("/admin/product/new", bad);
      assertThat(invalid.status()).isEqualTo(422);
      assertThat(invalid.text())
          .contains("id=\"e-status\">Choose one of DRAFT, ON_SALE, RETIRED.")
          .contains("id=\"e-code\">Enter a UUID such as 00000000-0000-0000-0000-000000000001;")
          .contains("id=\"e-price\">Enter a number; '12,50' is not one.")
          .contains("id=\"e-stock\">Enter a whole number, e.g. 42; '4.5' is not one.")
          .contains("id=\"e-availableAt\">Enter a date as 2026-05-01T14:30 (UTC for instants);");
      var fixed = new HashMap<>(bad);
      fixed.put("status", "ON_SALE");
      fixed.put("code", "123e4567-e89b-12d3-a456-426614174000");
      fixed.put("price", "0.00");
      fixed.put("stock", "");
      fixed.put("availableAt", "2026-05-01T14:30:15");
      TestResponse constraints = ann.post("/admin/product/new", fixed);
      assertThat(constraints.status()).isEqualTo(422);
      assertThat(constraints.text())
          .contains("id=\"e-contact\">Must be a well-formed email address.")
          .contains("id=\"e-price\">Must be greater than or equal to 0.01.");
      fixed.put("contact", "lamps@example.com");
      fixed.put("price", "12.50");
      assertThat(ann.post("/admin/product/new", fixed).status()).isEqualTo(303);
      Product p = t.database.repository(Product.class).findAll().getFirst();
      assertThat(p.status()).isEqualTo(Product.Status.ON_SALE);
      assertThat(p.price()).isEqualByComparingTo("12.50");
      assertThat(p.stock()).isEmpty();
      assertThat(p.availableAt()).isEqualTo(Instant.parse("2026-05-01T14:30:15Z"));
      assertThat(ann.get("/admin/product/" + p.id()).text())
          .contains("value=\"2026-05-01T14:30:15\"")
          .contains("<option selected>ON_SALE</option>");
    }
  }
}
