package dev.keel.admin.internal;

import dev.keel.admin.internal.Ui.Chrome;
import dev.keel.core.Context;
import dev.keel.db.ConstraintViolationException;
import dev.keel.db.OptimisticLockException;
import dev.keel.db.Query;
import dev.keel.db.Query.Filter;
import dev.keel.security.Principal;
import dev.keel.security.Security;
import dev.keel.views.View;
import dev.keel.views.Views;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The admin's pages. Each list or form page runs a constant number of queries: the list one count
 * and one page, a form one find, the dashboard one count per model the principal may view.
 */
public final class Pages {
  private final String base;
  private final Map<String, Model<?>> models; // by slug, in registration order
  private final Views views;

  public Pages(String base, Map<String, Model<?>> models, Views views) {
    this.base = base;
    this.models = models;
    this.views = views;
  }

  // ---------------------------------------------------------------- dashboard and list

  public Object dashboard(Context ctx) {
    Principal p = Access.principal(ctx);
    var links = new ArrayList<Ui.ModelLink>();
    for (Model<?> m : models.values()) {
      if (Access.can(p, m, "view")) {
        links.add(new Ui.ModelLink(m.label(), base + "/" + m.slug(), m.repository().count()));
      }
    }
    return views.render("dashboard", new Ui.Dashboard(chrome(ctx, "Admin"), links));
  }

  public Object list(Context ctx) {
    Model<?> m = model(ctx, "view");
    return list(ctx, m);
  }

  private <T extends Record> Object list(Context ctx, Model<T> m) {
    String q = ctx.query("q").orElse("").strip();
    String sort = ctx.query("sort").orElse("");
    Field sortField = sortField(m, sort);
    boolean desc = sort.startsWith("-");
    int page = Math.max(1, ctx.query("page").map(Pages::intOr1).orElse(1));
    Query query = Query.all();
    if (!q.isEmpty() && !m.searchFields().isEmpty()) {
      query =
          query.whereAny(
              m.searchFields().stream()
                  .map(f -> new Filter(f.name(), Filter.Op.CONTAINS, q))
                  .toList());
    }
    long total = m.repository().count(query);
    int pages = (int) Math.max(1, (total + m.pageSize() - 1) / m.pageSize());
    page = Math.min(page, pages);
    if (sortField != null) query = query.orderBy(sortField.name(), desc);
    List<T> rows =
        m.repository().findAll(query.limit(m.pageSize()).offset((long) (page - 1) * m.pageSize()));
    String href = base + "/" + m.slug();
    var columns = new ArrayList<Ui.Column>();
    for (Field f : m.listColumns()) {
      boolean current = sortField == f;
      String next = current && !desc ? "-" + f.name() : f.name();
      columns.add(
          new Ui.Column(f.label(), href + query(q, next, 1), current ? (desc ? "▼" : "▲") : ""));
    }
    var out = new ArrayList<Ui.Row>();
    for (T row : rows) {
      var cells = new ArrayList<String>();
      for (Field f : m.listColumns()) cells.add(Binder.text(f, m.value(row, f)));
      out.add(new Ui.Row(href + "/" + enc(Binder.text(m.key(), m.value(row, m.key()))), cells));
    }
    return views.render(
        "list",
        new Ui.ListPage(
            chrome(ctx, m.label()),
            m.label(),
            href + "/new",
            Access.can(Access.principal(ctx), m, "edit"),
            !m.searchFields().isEmpty(),
            q,
            columns,
            out,
            total,
            page,
            pages,
            page > 1 ? href + query(q, sort, page - 1) : "",
            page < pages ? href + query(q, sort, page + 1) : ""));
  }

  private static Field sortField(Model<?> m, String sort) {
    String name = sort.startsWith("-") ? sort.substring(1) : sort;
    if (name.isEmpty()) return null;
    return m.listColumns().stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
  }

  private static String query(String q, String sort, int page) {
    var b = new StringBuilder("?page=").append(page);
    if (!sort.isEmpty()) b.append("&sort=").append(enc(sort));
    if (!q.isEmpty()) b.append("&q=").append(enc(q));
    return b.toString();
  }

  private static int intOr1(String s) {
    try {
      return Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  // ---------------------------------------------------------------- forms

  public Object createForm(Context ctx) {
    Model<?> m = model(ctx, "edit");
    return form(ctx, m, Optional.empty(), Map.of(), Map.of(), "", "");
  }

  public Object create(Context ctx) {
    Model<?> m = model(ctx, "edit");
    return save(ctx, m, Optional.empty());
  }

  public Object edit(Context ctx) {
    Model<?> m = model(ctx, "view");
    return edit(ctx, m);
  }

  private <T extends Record> Object edit(Context ctx, Model<T> m) {
    Optional<T> row = find(ctx, m);
    if (row.isEmpty()) return missing(ctx, m);
    String notice = ctx.query("saved").isPresent() ? "Saved." : "";
    return form(ctx, m, row, Map.of(), Map.of(), "", notice);
  }

  public Object update(Context ctx) {
    Model<?> m = model(ctx, "edit");
    return update(ctx, m);
  }

  private <T extends Record> Object update(Context ctx, Model<T> m) {
    Optional<T> row = find(ctx, m);
    if (row.isEmpty()) return missing(ctx, m);
    return save(ctx, m, row);
  }

  private <T extends Record> Object save(Context ctx, Model<T> m, Optional<T> existing) {
    Binder.Bound<T> bound = Binder.bind(m, ctx.form(), existing);
    if (bound.record().isEmpty()) {
      ctx.status(422);
      String formError = bound.errors().getOrDefault("", "");
      if (formError.isEmpty()) formError = "Please correct the errors below; nothing was saved.";
      return form(ctx, m, existing, bound.text(), bound.errors(), formError, "");
    }
    T saved;
    try {
      saved =
          existing.isPresent()
              ? m.repository().update(bound.record().get())
              : m.repository().insert(bound.record().get());
    } catch (OptimisticLockException e) {
      ctx.status(409);
      return form(
          ctx,
          m,
          existing,
          bound.text(),
          Map.of(),
          "Someone else changed this row since you opened it; nothing was saved. Reload the page"
              + " to see their change, then apply yours again.",
          "");
    } catch (ConstraintViolationException e) {
      ctx.status(409);
      return form(
          ctx,
          m,
          existing,
          bound.text(),
          Map.of(),
          switch (e.kind()) {
            case UNIQUE -> "Another row already has one of these values; nothing was saved.";
            case FOREIGN_KEY -> "A value refers to a row that does not exist; nothing was saved.";
            default -> "The database refused these values; nothing was saved.";
          },
          "");
    }
    ctx.status(303)
        .header(
            "Location",
            base
                + "/"
                + m.slug()
                + "/"
                + enc(Binder.text(m.key(), m.value(saved, m.key())))
                + "?saved");
    return "";
  }

  private <T extends Record> Object form(
      Context ctx,
      Model<?> model,
      Optional<T> row,
      Map<String, String> text,
      Map<String, String> errors,
      String formError,
      String notice) {
    @SuppressWarnings("unchecked")
    Model<T> m = (Model<T>) model;
    var inputs = new ArrayList<Ui.Input>();
    String version = "";
    for (Field f : m.fields()) {
      String value =
          text.containsKey(f.name())
              ? text.get(f.name())
              : row.map(r -> Binder.text(f, m.value(r, f))).orElse("");
      if (f.version()) {
        version = row.map(r -> Binder.text(f, m.value(r, f))).orElse("");
        continue;
      }
      if (f.hidden()) continue;
      if (f.key() && row.isEmpty()) continue;
      if (f.readOnly() && row.isEmpty()) continue;
      inputs.add(input(f, value, errors.getOrDefault(f.name(), "")));
    }
    String href = base + "/" + m.slug();
    Optional<String> self =
        row.map(r -> href + "/" + enc(Binder.text(m.key(), m.value(r, m.key()))));
    Principal p = Access.principal(ctx);
    return views.render(
        "form",
        new Ui.FormPage(
            chrome(ctx, m.label()),
            row.isEmpty()
                ? "Add " + m.label().toLowerCase(java.util.Locale.ROOT)
                : m.label()
                    + " "
                    + row.map(r -> Binder.text(m.key(), m.value(r, m.key()))).orElse(""),
            href,
            self.orElse(href + "/new"),
            version,
            inputs,
            formError,
            notice,
            Access.can(p, m, "edit"),
            self.isPresent() && Access.can(p, m, "delete") ? self.get() + "/delete" : ""));
  }

  private static Ui.Input input(Field f, String value, String error) {
    String type =
        f.readOnly()
            ? "readonly"
            : switch (f.kind()) {
              case TEXT ->
                  f.maxLength().isEmpty() || f.maxLength().getAsLong() > 200 ? "textarea" : "text";
              case EMAIL -> "email";
              case INTEGER -> "number";
              case DECIMAL -> "text";
              case CHECKBOX -> "checkbox";
              case DATE -> "date";
              case DATETIME, INSTANT -> "datetime-local";
              case CHOICE -> "select";
              default -> "text";
            };
    return new Ui.Input(
        f.name(),
        f.label(),
        type,
        value,
        f.required(),
        f.maxLength().isPresent() ? Long.toString(f.maxLength().getAsLong()) : null,
        f.min().isPresent() ? Long.toString(f.min().getAsLong()) : null,
        f.max().isPresent() ? Long.toString(f.max().getAsLong()) : null,
        f.choices(),
        error);
  }

  // ---------------------------------------------------------------- delete

  public Object confirmDelete(Context ctx) {
    Model<?> m = model(ctx, "delete");
    return confirmDelete(ctx, m);
  }

  private <T extends Record> Object confirmDelete(Context ctx, Model<T> m) {
    Optional<T> row = find(ctx, m);
    if (row.isEmpty()) return missing(ctx, m);
    String self =
        base + "/" + m.slug() + "/" + enc(Binder.text(m.key(), m.value(row.get(), m.key())));
    var summary = new ArrayList<Ui.Input>();
    for (Field f : m.listColumns()) {
      summary.add(input(f, Binder.text(f, m.value(row.get(), f)), ""));
    }
    return views.render(
        "delete",
        new Ui.DeletePage(
            chrome(ctx, m.label()),
            "Delete "
                + m.label().toLowerCase(java.util.Locale.ROOT)
                + " "
                + Binder.text(m.key(), m.value(row.get(), m.key())),
            self + "/delete",
            self,
            summary));
  }

  public Object delete(Context ctx) {
    Model<?> m = model(ctx, "delete");
    return delete(ctx, m);
  }

  private <T extends Record> Object delete(Context ctx, Model<T> m) {
    Optional<T> row = find(ctx, m);
    if (row.isEmpty()) return missing(ctx, m);
    try {
      m.repository().delete(row.get());
    } catch (ConstraintViolationException e) {
      ctx.status(409);
      return message(
          ctx,
          "Cannot delete",
          "Other rows refer to this "
              + m.label().toLowerCase(java.util.Locale.ROOT)
              + "; delete or change them first. Nothing was deleted.",
          base + "/" + m.slug());
    }
    ctx.status(303).header("Location", base + "/" + m.slug());
    return "";
  }

  // ---------------------------------------------------------------- helpers

  /** The model named in the path, when the principal may {@code action} it; else 404 or 403. */
  private Model<?> model(Context ctx, String action) {
    String slug = ctx.pathParam("model");
    Model<?> m = models.get(slug);
    if (m == null) {
      throw new Access.Refused(
          404, "No such model", "There is no model '" + slug + "' in this admin.");
    }
    Access.require(ctx, m, action);
    return m;
  }

  /** The row the path's id names; a malformed id is a clear 400 page, not a query. */
  private <T extends Record> Optional<T> find(Context ctx, Model<T> m) {
    String raw = ctx.pathParam("id");
    Object id;
    try {
      id = Ids.parse(m.key(), raw);
    } catch (IllegalArgumentException e) {
      throw new Access.Refused(
          400,
          "Invalid id",
          "'"
              + raw
              + "' is not a valid id for "
              + m.label()
              + ": "
              + e.getMessage()
              + ". Nothing was changed.");
    }
    return m.repository().find(id);
  }

  private Object missing(Context ctx, Model<?> m) {
    ctx.status(404);
    return message(
        ctx,
        "Not found",
        "There is no "
            + m.label().toLowerCase(java.util.Locale.ROOT)
            + " with id '"
            + ctx.pathParam("id")
            + "'; it may have been deleted. Nothing was changed.",
        base + "/" + m.slug());
  }

  public View message(Context ctx, String heading, String text, String back) {
    return views.render("message", new Ui.Message(chrome(ctx, heading), heading, text, back));
  }

  private Chrome chrome(Context ctx, String title) {
    return new Chrome(
        title,
        base,
        Security.principal(ctx).map(Principal::id).orElse(""),
        Security.csrfToken(ctx).orElse(""));
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
