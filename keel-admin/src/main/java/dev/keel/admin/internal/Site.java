package dev.keel.admin.internal;

import dev.keel.admin.internal.Ui.Chrome;
import dev.keel.core.Context;
import dev.keel.core.spi.StartupTask;
import dev.keel.db.Database;
import dev.keel.security.Principal;
import dev.keel.security.Security;
import dev.keel.views.View;
import dev.keel.views.Views;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What every admin page shares: the models, the templates, the database and its audit log. */
public final class Site {
  final String base;
  final Map<String, Model<?>> models; // by slug, in registration order
  final String logout;
  final Views views;
  final Database db;
  final Audit audit;
  private StartupTask<Void> foreignKeys;

  public Site(String base, String logout, Map<String, Model<?>> models, Views views, Database db) {
    this.base = base;
    this.logout = logout;
    this.models = models;
    this.views = views;
    this.db = db;
    this.audit = new Audit(db);
  }

  /**
   * Begins reading the models' foreign keys; called at start, after the migrations. It reads the
   * database's catalogue, which start-up need not wait for: the first admin page waits instead.
   */
  public synchronized void start() {
    foreignKeys = readForeignKeys();
  }

  private StartupTask<Void> readForeignKeys() {
    return StartupTask.begin(
        "keel-admin-foreign-keys",
        () -> {
          ForeignKeys.load(db, models.values());
          return null;
        });
  }

  /** Waits for the foreign keys; a failed read (the database was down) is tried again next time. */
  private void awaitForeignKeys() {
    StartupTask<Void> task;
    synchronized (this) {
      if (foreignKeys == null) foreignKeys = readForeignKeys(); // used without start()
      task = foreignKeys;
    }
    try {
      task.join();
    } catch (RuntimeException e) {
      synchronized (this) {
        if (foreignKeys == task) foreignKeys = null;
      }
      throw e;
    }
  }

  /** The model named in the path, when the principal may {@code action} it; else 404 or 403. */
  Model<?> model(Context ctx, String action) {
    String slug = ctx.pathParam("model");
    awaitForeignKeys();
    Model<?> m = models.get(slug);
    if (m == null) {
      throw new Access.Refused(
          404, "No such model", "There is no model '" + slug + "' in this admin.");
    }
    Access.require(ctx, m, action);
    return m;
  }

  /** The row the path's id names; a malformed id is a clear 400 page, not a query. */
  <T extends Record> Optional<T> find(Context ctx, Model<T> m) {
    return m.repository().find(id(m, ctx.pathParam("id")));
  }

  /** A key from a URL or form; a malformed one is a 400 page naming what keys look like. */
  static Object id(Model<?> m, String raw) {
    try {
      return Ids.parse(m.key(), raw);
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
  }

  Object missing(Context ctx, Model<?> m) {
    ctx.status(404);
    return message(
        ctx,
        "Not found",
        "There is no "
            + lower(m)
            + " with id '"
            + ctx.pathParam("id")
            + "'; it may have been deleted. Nothing was changed.",
        href(m));
  }

  public View message(Context ctx, String heading, String text, String back) {
    return views.render("message", new Ui.Message(chrome(ctx, heading), heading, text, back));
  }

  Chrome chrome(Context ctx, String title) {
    return new Chrome(
        title,
        base,
        logout,
        Security.principal(ctx).map(Principal::id).orElse(""),
        Security.csrfToken(ctx).orElse(""));
  }

  static String who(Context ctx) {
    return Access.principal(ctx).id();
  }

  String href(Model<?> m) {
    return base + "/" + m.slug();
  }

  <T extends Record> String href(Model<T> m, T row) {
    return href(m) + "/" + enc(m.id(row));
  }

  /** "1 row", "2,000 rows": the count and the noun, singular when the count is one. */
  static String count(long n, String noun) {
    return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
  }

  static String lower(Model<?> m) {
    return m.label().toLowerCase(Locale.ROOT);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Redirects (303) to {@code location}. */
  static Object see(Context ctx, String location) {
    ctx.status(303).header("Location", location);
    return "";
  }
}
