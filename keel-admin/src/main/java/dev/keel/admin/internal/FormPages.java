package dev.keel.admin.internal;

import dev.keel.core.Context;
import dev.keel.db.ConstraintViolationException;
import dev.keel.db.OptimisticLockException;
import dev.keel.db.Query;
import dev.keel.security.Principal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The create and edit pages. A save and its audit entry run in one transaction; the edit page shows
 * the row's audit history, newest first. A form runs one find, one history query and one query per
 * relation select.
 */
public final class FormPages {
  /** Above this many related rows a relation is a plain id input, checked on save. */
  private static final int SELECT_LIMIT = 200;

  private static final DateTimeFormatter AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private final Site site;

  public FormPages(Site site) {
    this.site = site;
  }

  public Object createForm(Context ctx) {
    Model<?> m = site.model(ctx, "edit");
    return form(ctx, m, Optional.empty(), Map.of(), Map.of(), "", "");
  }

  public Object create(Context ctx) {
    Model<?> m = site.model(ctx, "edit");
    return save(ctx, m, Optional.empty());
  }

  public Object edit(Context ctx) {
    return edit(ctx, site.model(ctx, "view"));
  }

  private <T extends Record> Object edit(Context ctx, Model<T> m) {
    Optional<T> row = site.find(ctx, m);
    if (row.isEmpty()) return site.missing(ctx, m);
    String notice = ctx.query("saved").isPresent() ? "Saved." : "";
    return form(ctx, m, row, Map.of(), Map.of(), "", notice);
  }

  public Object update(Context ctx) {
    return update(ctx, site.model(ctx, "edit"));
  }

  private <T extends Record> Object update(Context ctx, Model<T> m) {
    Optional<T> row = site.find(ctx, m);
    if (row.isEmpty()) return site.missing(ctx, m);
    return save(ctx, m, row);
  }

  private <T extends Record> Object save(Context ctx, Model<T> m, Optional<T> existing) {
    Binder.Bound<T> bound = Binder.bind(m, ctx.form(), existing);
    Map<String, String> errors = new LinkedHashMap<>(bound.errors());
    if (bound.record().isPresent()) checkRelations(m, bound.record().get(), errors);
    if (!errors.isEmpty()) {
      ctx.status(422);
      String formError = errors.getOrDefault("", "");
      if (formError.isEmpty()) formError = "Please correct the errors below; nothing was saved.";
      return form(ctx, m, existing, bound.text(), errors, formError, "");
    }
    T record = bound.record().get();
    T saved;
    try {
      saved =
          site.db.transaction(
              () -> {
                T s =
                    existing.isPresent()
                        ? m.repository().update(record)
                        : m.repository().insert(record);
                site.audit.write(
                    Site.who(ctx),
                    existing.isPresent() ? "edit" : "create",
                    m,
                    m.id(s),
                    Audit.diff(m, existing.orElse(null), s));
                return s;
              });
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
    return Site.see(ctx, site.href(m, saved) + "?saved");
  }

  /** A relation's id must name an existing row: a tampered select is a field error, not a 500. */
  private static <T extends Record> void checkRelations(
      Model<T> m, T record, Map<String, String> errors) {
    for (var e : m.links().relations().entrySet()) {
      Field f = m.field(e.getKey());
      Object v = m.value(record, f);
      if (v instanceof Optional<?> o) v = o.orElse(null);
      if (v == null || errors.containsKey(f.name())) continue;
      Model<?> target = e.getValue();
      if (!target.repository().existsById(v)) {
        errors.put(
            f.name(),
            "There is no "
                + Site.lower(target)
                + " with id '"
                + v
                + "'; choose one from the list.");
      }
    }
  }

  private <T extends Record> Object form(
      Context ctx,
      Model<T> m,
      Optional<T> row,
      Map<String, String> text,
      Map<String, String> errors,
      String formError,
      String notice) {
    var inputs = new ArrayList<Ui.Input>();
    var links = new LinkedHashMap<String, String>();
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
      Ui.Input in = input(f, value, errors.getOrDefault(f.name(), ""));
      if (f.readOnly() && row.isPresent() && text.isEmpty()) {
        in = withValue(in, m.show(f, m.value(row.get(), f)));
      }
      Model<?> target = m.links().relations().get(f.name());
      if (target != null && !f.readOnly()) in = relation(in, target);
      String related = row.map(r -> Binder.text(f, m.value(r, f))).orElse("");
      if (target != null && !related.isEmpty()) {
        links.put(f.name(), site.href(target) + "/" + Site.enc(related));
      }
      inputs.add(in);
    }
    Optional<String> self = row.map(r -> site.href(m, r));
    Principal p = Access.principal(ctx);
    var history = new ArrayList<Ui.History>();
    if (row.isPresent()) {
      for (Audit.Entry e : site.audit.history(m, m.id(row.get()))) {
        history.add(new Ui.History(AT.format(e.at()), e.who(), e.action(), e.changeList()));
      }
    }
    return site.views.render(
        "form",
        new Ui.FormPage(
            site.chrome(ctx, m.label()),
            row.isEmpty() ? "Add " + Site.lower(m) : m.label() + " " + m.id(row.get()),
            site.href(m),
            self.orElse(site.href(m) + "/new"),
            version,
            inputs,
            formError,
            notice,
            Access.can(p, m, "edit"),
            self.isPresent() && Access.can(p, m, "delete") ? self.get() + "/delete" : "",
            links,
            history));
  }

  /**
   * A select of the related model's ids when there are few enough of them, else a text input that
   * completes from {@link Options} as the user types.
   */
  private <R extends Record> Ui.Input relation(Ui.Input in, Model<R> target) {
    List<R> rows =
        target
            .repository()
            .findAll(Query.all().orderBy(target.key().name(), false).limit(SELECT_LIMIT + 1));
    if (rows.size() > SELECT_LIMIT) {
      return new Ui.Input(
          in.name(),
          in.label(),
          "autocomplete",
          in.value(),
          in.required(),
          null,
          null,
          null,
          List.of(),
          in.error(),
          site.href(target) + "/_options");
    }
    var ids = new ArrayList<String>();
    for (R r : rows) ids.add(target.id(r));
    if (!in.value().isEmpty() && !ids.contains(in.value())) ids.add(in.value());
    return new Ui.Input(
        in.name(),
        in.label(),
        "select",
        in.value(),
        in.required(),
        null,
        null,
        null,
        ids,
        in.error(),
        null);
  }

  private static Ui.Input withValue(Ui.Input in, String value) {
    return new Ui.Input(
        in.name(),
        in.label(),
        in.type(),
        value,
        in.required(),
        in.maxLength(),
        in.min(),
        in.max(),
        in.choices(),
        in.error(),
        in.source());
  }

  static Ui.Input input(Field f, String value, String error) {
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
        error,
        null);
  }
}
