package dev.keel.admin.internal;

import dev.keel.core.Context;
import dev.keel.db.Query;
import dev.keel.db.Query.Filter;
import dev.keel.db.Query.Filter.Op;
import dev.keel.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard and the list pages. A list runs two statements whatever the page size: a count and
 * a page (and a third, the edge row, when a list sorted by a column continues by keyset). Sorted by
 * the key (the default) it pages by keyset ({@code ?after=}/{@code ?before=} the key at the page's
 * edge, no OFFSET), so deep pages cost what the first does. Sorted by another column it pages by
 * number with OFFSET ("page 3 of 12") while the list has at most {@link #KEYSET_ABOVE} rows; above
 * that, and when the column has no nulls, by keyset on (column, key) too, as OFFSET's cost grows
 * with the page number.
 */
public final class ListPages {
  /** Above this many rows a list sorted by a non-null column pages by keyset, not by number. */
  static final long KEYSET_ABOVE = 10_000;

  private final Site site;

  public ListPages(Site site) {
    this.site = site;
  }

  public Object dashboard(Context ctx) {
    Principal p = Access.principal(ctx);
    var links = new ArrayList<Ui.ModelLink>();
    for (Model<?> m : site.models.values()) {
      if (Access.can(p, m, "view")) {
        links.add(new Ui.ModelLink(m.label(), site.href(m), m.repository().count()));
      }
    }
    return site.views.render("dashboard", new Ui.Dashboard(site.chrome(ctx, "Admin"), links));
  }

  public Object list(Context ctx) {
    return list(ctx, site.model(ctx, "view"));
  }

  private <T extends Record> Object list(Context ctx, Model<T> m) {
    String q = ctx.query("q").orElse("").strip();
    String sort = ctx.query("sort").orElse("");
    Field sortField = sortField(m, sort);
    boolean desc = sortField != null && sort.startsWith("-");
    if (sortField == null) sort = "";
    Query query = Query.all();
    if (!q.isEmpty() && !m.searchFields().isEmpty()) {
      query =
          query.whereAny(
              m.searchFields().stream().map(f -> new Filter(f.name(), Op.CONTAINS, q)).toList());
    }
    Filters filters = Filters.of(ctx, m, query);
    query = filters.query();
    var state = new LinkedHashMap<String, String>();
    if (!q.isEmpty()) state.put("q", q);
    state.putAll(filters.params());
    String href = site.href(m);
    long total = m.repository().count(query);
    int size = m.pageSize();
    List<T> rows;
    String prev = "";
    String next = "";
    String position;
    var keep = with(state, "sort", sort);
    if (sortField == null || sortField.key() || (!sortField.optional() && total > KEYSET_ABOVE)) {
      Field by = sortField == null ? m.key() : sortField;
      var after = ctx.query("after").filter(s -> !s.isBlank());
      var before = ctx.query("before").filter(s -> !s.isBlank());
      boolean backwards = before.isPresent() && after.isEmpty();
      boolean descending = desc != backwards;
      Query page = query.orderBy(by.name(), descending).limit(size + 1);
      var edge = backwards ? before : after;
      if (edge.isPresent() && by.key()) {
        page = page.where(by.name(), descending ? Op.LT : Op.GT, Site.id(m, edge.get()));
      } else if (edge.isPresent()) {
        // continue after the edge row's (column, key); a row deleted since starts the list over
        var row = m.repository().find(Site.id(m, edge.get()));
        if (row.isPresent()) page = page.after(row.get());
      }
      rows = new ArrayList<>(m.repository().findAll(page));
      boolean more = rows.size() > size;
      if (more) rows.removeLast();
      if (backwards) rows = rows.reversed();
      boolean hasPrev = backwards ? more : after.isPresent();
      boolean hasNext = backwards || more;
      if (hasPrev && !rows.isEmpty()) {
        prev = href + link(with(keep, "before", m.id(rows.getFirst())));
      }
      if (hasNext && !rows.isEmpty()) next = href + link(with(keep, "after", m.id(rows.getLast())));
      position = "";
    } else {
      int pages = (int) Math.max(1, (total + size - 1) / size);
      int page = Math.min(Math.max(1, ctx.query("page").map(ListPages::intOr1).orElse(1)), pages);
      rows =
          m.repository()
              .findAll(
                  query
                      .orderBy(sortField.name(), desc)
                      .limit(size)
                      .offset((long) (page - 1) * size));
      if (page > 1) prev = href + link(with(keep, "page", Integer.toString(page - 1)));
      if (page < pages) next = href + link(with(keep, "page", Integer.toString(page + 1)));
      position = " · page " + page + " of " + pages;
    }
    var columns = new ArrayList<Ui.Column>();
    for (Field f : m.listColumns()) {
      boolean current = sortField == f;
      String by = current && !desc ? "-" + f.name() : f.name();
      columns.add(
          new Ui.Column(
              f.label(), href + link(with(state, "sort", by)), current ? (desc ? "▼" : "▲") : ""));
    }
    var out = new ArrayList<Ui.Row>();
    for (T row : rows) out.add(row(m, row));
    Principal p = Access.principal(ctx);
    var actions = new ArrayList<Ui.Choice>();
    if (Access.can(p, m, "delete")) actions.add(new Ui.Choice("delete", "Delete selected"));
    if (Access.can(p, m, "edit")) {
      for (var a : m.actions()) actions.add(new Ui.Choice(a.name(), a.label()));
    }
    return site.views.render(
        "list",
        new Ui.ListPage(
            site.chrome(ctx, m.label()),
            m.label(),
            href,
            Access.can(p, m, "edit"),
            !m.searchFields().isEmpty(),
            q,
            filters.inputs(),
            sort,
            columns,
            out,
            actions,
            notice(ctx),
            Site.count(total, "row") + position,
            prev,
            next));
  }

  private <T extends Record> Ui.Row row(Model<T> m, T row) {
    var cells = new ArrayList<Ui.Cell>();
    for (Field f : m.listColumns()) {
      Object v = m.value(row, f);
      Model<?> target = m.links().relations().get(f.name());
      String text = m.show(f, v);
      String link =
          target != null && !Binder.text(f, v).isEmpty()
              ? site.href(target) + "/" + Site.enc(Binder.text(f, v))
              : "";
      cells.add(new Ui.Cell(text, link));
    }
    return new Ui.Row(m.id(row), site.href(m, row), cells);
  }

  private static String notice(Context ctx) {
    int n = ctx.query("n").map(ListPages::intOr1).orElse(0);
    if (ctx.query("deleted").isPresent()) return "Deleted " + Site.count(n, "row") + ".";
    return ctx.query("done")
        .map(a -> "Done: " + a + " on " + Site.count(n, "row") + ".")
        .orElse("");
  }

  private static Field sortField(Model<?> m, String sort) {
    String name = sort.startsWith("-") ? sort.substring(1) : sort;
    if (name.isEmpty()) return null;
    if (name.equals(m.key().name())) return m.key();
    return m.listColumns().stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
  }

  private static Map<String, String> with(Map<String, String> state, String name, String value) {
    var out = new LinkedHashMap<>(state);
    if (!value.isEmpty()) out.put(name, value);
    return out;
  }

  /** {@code ?a=1&b=2}, encoded; empty when there is nothing to say. */
  static String link(Map<String, String> params) {
    var b = new StringBuilder();
    params.forEach(
        (k, v) -> b.append(b.isEmpty() ? "?" : "&").append(k).append('=').append(Site.enc(v)));
    return b.toString();
  }

  static int intOr1(String s) {
    try {
      return Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      return 1;
    }
  }
}
