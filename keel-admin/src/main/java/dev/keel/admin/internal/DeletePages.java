package dev.keel.admin.internal;

import dev.keel.admin.ModelOptions;
import dev.keel.core.Context;
import dev.keel.db.ConstraintViolationException;
import dev.keel.db.OptimisticLockException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Deleting one row or the rows ticked in the list, and the list's other bulk actions. A delete is
 * confirmed on a page that says what the foreign keys will do to the rows referring to them (one
 * count per referring table); each change and its audit entries run in one transaction.
 */
public final class DeletePages {
  /** Ticked rows per bulk request: the largest list page. */
  private static final int MAX_ROWS = 500;

  private final Site site;

  public DeletePages(Site site) {
    this.site = site;
  }

  public Object confirmDelete(Context ctx) {
    return confirmDelete(ctx, site.model(ctx, "delete"));
  }

  private <T extends Record> Object confirmDelete(Context ctx, Model<T> m) {
    Optional<T> row = site.find(ctx, m);
    if (row.isEmpty()) return site.missing(ctx, m);
    String self = site.href(m, row.get());
    var summary = new ArrayList<Ui.Input>();
    for (Field f : m.listColumns()) {
      summary.add(FormPages.input(f, m.show(f, m.value(row.get(), f)), ""));
    }
    return page(
        ctx,
        m,
        "Delete " + Site.lower(m) + " " + m.id(row.get()),
        self + "/delete",
        self,
        summary,
        List.of(),
        List.of(row.get()));
  }

  public Object delete(Context ctx) {
    return delete(ctx, site.model(ctx, "delete"));
  }

  private <T extends Record> Object delete(Context ctx, Model<T> m) {
    Optional<T> row = site.find(ctx, m);
    if (row.isEmpty()) return site.missing(ctx, m);
    Object refused = deleteAll(ctx, m, List.of(row.get()));
    return refused != null ? refused : Site.see(ctx, site.href(m));
  }

  /** {@code POST /{model}/_bulk}: {@code action} and one {@code id} per ticked row. */
  public Object bulk(Context ctx) {
    return bulk(ctx, site.model(ctx, "view"));
  }

  private <T extends Record> Object bulk(Context ctx, Model<T> m) {
    String action = ctx.form().field("action").orElse("").strip();
    var names = new ArrayList<String>(List.of("delete"));
    m.actions().forEach(a -> names.add(a.name()));
    Optional<ModelOptions.Action<T>> custom =
        m.actions().stream().filter(a -> a.name().equals(action)).findFirst();
    if (!action.equals("delete") && custom.isEmpty()) {
      return bad(
          ctx,
          m,
          "There is no action '"
              + action
              + "' for "
              + Site.lower(m)
              + "; choose one of: "
              + String.join(", ", names)
              + ". Nothing was changed.");
    }
    Access.require(ctx, m, action.equals("delete") ? "delete" : "edit");
    var raw = new LinkedHashSet<>(ctx.form().fields("id"));
    if (raw.isEmpty()) {
      return bad(ctx, m, "Tick at least one row, then choose the action. Nothing was changed.");
    }
    if (raw.size() > MAX_ROWS) {
      return bad(
          ctx,
          m,
          "At most "
              + MAX_ROWS
              + " rows at a time; "
              + raw.size()
              + " were ticked. Nothing was changed.");
    }
    List<Object> ids = raw.stream().map(s -> Site.id(m, s)).toList();
    Map<Object, T> found = m.repository().findAllById(ids);
    List<T> rows = ids.stream().map(found::get).filter(r -> r != null).toList();
    if (rows.size() < ids.size()) {
      return bad(
          ctx,
          m,
          (ids.size() - rows.size())
              + " of the ticked rows no longer exist; they"
              + " may have been deleted. Nothing was changed; reload the list.");
    }
    if (action.equals("delete")) {
      if (!ctx.form().field("confirm").orElse("").equals("yes")) {
        var summary = new ArrayList<Ui.Input>();
        Field first = m.listColumns().getFirst();
        for (T r : rows) {
          summary.add(
              new Ui.Input(
                  "",
                  m.id(r),
                  "readonly",
                  m.show(first, m.value(r, first)),
                  false,
                  null,
                  null,
                  null,
                  List.of(),
                  "",
                  null));
        }
        return page(
            ctx,
            m,
            "Delete " + Site.count(rows.size(), Site.lower(m) + " row"),
            site.href(m) + "/_bulk",
            site.href(m),
            summary,
            List.copyOf(raw),
            rows);
      }
      Object refused = deleteAll(ctx, m, rows);
      return refused != null ? refused : Site.see(ctx, site.href(m) + "?deleted&n=" + rows.size());
    }
    ModelOptions.Action<T> a = custom.get();
    try {
      site.db.transaction(
          () -> {
            a.body().run(rows, ctx);
            Map<Object, T> after = m.repository().findAllById(ids);
            var changes = new ArrayList<List<Audit.Change>>();
            var rowIds = new ArrayList<String>();
            for (int i = 0; i < rows.size(); i++) {
              rowIds.add(m.id(rows.get(i)));
              changes.add(Audit.diff(m, rows.get(i), after.get(ids.get(i))));
            }
            site.audit.write(Site.who(ctx), a.name(), m, rowIds, changes);
          });
    } catch (IllegalArgumentException e) {
      return bad(ctx, m, a.label() + ": " + e.getMessage() + " Nothing was changed.");
    }
    return Site.see(ctx, site.href(m) + "?done=" + Site.enc(a.label()) + "&n=" + rows.size());
  }

  /** Deletes {@code rows} with their audit entries; a 409 page when a foreign key refuses. */
  private <T extends Record> Object deleteAll(Context ctx, Model<T> m, List<T> rows) {
    try {
      site.db.transaction(
          () -> {
            var rowIds = new ArrayList<String>();
            var changes = new ArrayList<List<Audit.Change>>();
            for (T r : rows) {
              m.repository().delete(r);
              rowIds.add(m.id(r));
              changes.add(Audit.diff(m, r, null));
            }
            site.audit.write(Site.who(ctx), "delete", m, rowIds, changes);
          });
      return null;
    } catch (ConstraintViolationException e) {
      ctx.status(409);
      return site.message(
          ctx,
          "Cannot delete",
          "Other rows refer to "
              + (rows.size() == 1 ? "this " + Site.lower(m) : "these rows")
              + "; delete or change them first. Nothing was deleted.",
          site.href(m));
    } catch (OptimisticLockException e) {
      ctx.status(409);
      return site.message(
          ctx,
          "Cannot delete",
          "Someone else changed a row since you opened"
              + " it; nothing was deleted. Look at it again, then delete it.",
          site.href(m));
    }
  }

  /** The confirmation: what the delete does to the rows that refer to {@code rows}. */
  private <T extends Record> Object page(
      Context ctx,
      Model<T> m,
      String heading,
      String action,
      String cancel,
      List<Ui.Input> summary,
      List<String> ids,
      List<T> rows) {
    List<Object> keys = rows.stream().map(r -> m.value(r, m.key())).toList();
    var consequences = new ArrayList<String>();
    boolean refused = false;
    for (Links.Dependent d : m.links().dependents()) {
      long n =
          site.db
              .sql(
                  "select count(*) from "
                      + quote(d.table())
                      + " where "
                      + quote(d.column())
                      + " in (:ids)")
              .bind("ids", keys)
              .one(Long.class);
      if (n == 0) continue;
      String rowsOf = n + " " + d.label() + (n == 1 ? " row" : " rows");
      switch (d.rule()) {
        case CASCADE -> consequences.add(rowsOf + " will be deleted with it.");
        case SET_NULL -> consequences.add(rowsOf + " will lose their " + d.column() + ".");
        case RESTRICT -> {
          refused = true;
          consequences.add(
              rowsOf
                  + " refer to it ("
                  + d.table()
                  + "."
                  + d.column()
                  + "), so the database refuses the delete: delete or change them first.");
        }
      }
    }
    return site.views.render(
        "delete",
        new Ui.DeletePage(
            site.chrome(ctx, m.label()),
            heading,
            action,
            cancel,
            summary,
            ids,
            consequences,
            refused));
  }

  private static String quote(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  private Object bad(Context ctx, Model<?> m, String text) {
    ctx.status(400);
    return site.message(ctx, "Cannot do that", text, site.href(m));
  }
}
