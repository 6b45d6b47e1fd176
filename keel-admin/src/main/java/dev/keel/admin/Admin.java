package dev.keel.admin;

import dev.keel.admin.internal.Access;
import dev.keel.admin.internal.DeletePages;
import dev.keel.admin.internal.FormPages;
import dev.keel.admin.internal.ListPages;
import dev.keel.admin.internal.Model;
import dev.keel.admin.internal.Options;
import dev.keel.admin.internal.Site;
import dev.keel.core.Keel;
import dev.keel.core.Plugin;
import dev.keel.core.RenderedBody;
import dev.keel.db.Database;
import dev.keel.security.Security;
import dev.keel.views.Views;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * An admin generated from the application's records, like Django's: server-rendered pages under
 * {@code /admin} to list, search, sort, create, edit and delete the rows of every registered
 * record, through the same keel-db repositories the application uses.
 *
 * <pre>{@code
 * Admin admin = Admin.create();
 * admin.register(Article.class, m -> m.list("title", "published").search("title"));
 * app.install(Database.create()).install(Security.create()).install(admin);
 * }</pre>
 *
 * <p>Fields, input types, required fields and limits come from the record's components and their
 * Jakarta constraints; the key and the {@code @Version} column from keel-db's annotations. Every
 * page needs a signed-in principal (keel-security sessions) with the role {@code admin} or a
 * permission {@code admin:<table>:view|edit|delete}; anonymous visitors are sent to the login page
 * ({@code keel.admin.login-path}, default {@code /login}) with {@code ?next=}. Forms carry the
 * session's CSRF token, which keel-security checks on every POST.
 *
 * <table>
 *   <caption>Keys read by {@link #create()}</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code keel.admin.path}</td><td>{@code /admin}</td><td>where the pages live</td></tr>
 *   <tr><td>{@code keel.admin.login-path}</td><td>{@code /login}</td><td>the application's login
 *       page, to which anonymous visitors are redirected</td></tr>
 *   <tr><td>{@code keel.admin.logout-path}</td><td>{@code /logout}</td><td>the application's
 *       sign-out endpoint, which the header's "Sign out" button posts to (with the CSRF
 *       token)</td></tr>
 * </table>
 *
 * <p>Register every model before installing; thread-safe once installed.
 */
public final class Admin implements Plugin {
  private final boolean fromConfig;
  private String path;
  private String loginPath;
  private String logoutPath;
  private final List<Registration<?>> registrations = new ArrayList<>();
  private volatile boolean installed;

  private record Registration<T extends Record>(Class<T> type, ModelOptions<T> options) {}

  private Admin(String path, String loginPath, String logoutPath, boolean fromConfig) {
    this.path = path;
    this.loginPath = loginPath;
    this.logoutPath = logoutPath;
    this.fromConfig = fromConfig;
  }

  /** An admin whose settings come from {@code keel.admin.*} when installed. */
  public static Admin create() {
    return new Admin("/admin", "/login", "/logout", true);
  }

  /** Settings in code. */
  public static Builder builder() {
    return new Builder();
  }

  /** Settings in code; configuration is then not read. */
  public static final class Builder {
    private String path = "/admin";
    private String loginPath = "/login";
    private String logoutPath = "/logout";

    private Builder() {}

    /** Where the pages live; default {@code /admin}. */
    public Builder path(String path) {
      this.path = checkPath(path, "path");
      return this;
    }

    /** The application's login page; default {@code /login}. */
    public Builder loginPath(String loginPath) {
      this.loginPath = checkPath(loginPath, "loginPath");
      return this;
    }

    /**
     * The application's sign-out endpoint (a POST), for the header's button; default {@code
     * /logout}.
     */
    public Builder logoutPath(String logoutPath) {
      this.logoutPath = checkPath(logoutPath, "logoutPath");
      return this;
    }

    public Admin build() {
      return new Admin(path, loginPath, logoutPath, false);
    }
  }

  /** Adds {@code type}'s pages with the default {@link ModelOptions}. */
  public <T extends Record> Admin register(Class<T> type) {
    return register(type, UnaryOperator.identity());
  }

  /**
   * Adds {@code type}'s pages, with {@code options} applied to the defaults.
   *
   * @throws IllegalStateException after {@link #install}
   */
  public <T extends Record> Admin register(Class<T> type, UnaryOperator<ModelOptions<T>> options) {
    Objects.requireNonNull(type, "type");
    if (installed) {
      throw new IllegalStateException(
          "register "
              + type.getSimpleName()
              + " before installing Admin: its routes are built then");
    }
    registrations.add(new Registration<>(type, options.apply(ModelOptions.<T>defaults())));
    return this;
  }

  @Override
  public List<Class<? extends Plugin>> requires() {
    return List.of(Database.class, Security.class);
  }

  @Override
  public void install(Keel app) {
    if (fromConfig) {
      path = checkPath(app.config().string("keel.admin.path", path), "keel.admin.path");
      loginPath =
          checkPath(
              app.config().string("keel.admin.login-path", loginPath), "keel.admin.login-path");
      logoutPath =
          checkPath(
              app.config().string("keel.admin.logout-path", logoutPath), "keel.admin.logout-path");
    }
    installed = true;
    Database db = app.plugin(Database.class).orElseThrow();
    Map<String, Model<?>> models = new LinkedHashMap<>();
    for (Registration<?> r : registrations) add(models, db, r);
    Site site =
        new Site(
            path,
            logoutPath,
            java.util.Collections.unmodifiableMap(models),
            Views.precompiled("dev.keel.admin.internal.templates"),
            db);
    app.onStart(site::start); // after Database's own hook: the tables exist then
    ListPages lists = new ListPages(site);
    FormPages forms = new FormPages(site);
    DeletePages deletes = new DeletePages(site);
    Options options = new Options(site);
    byte[] css = resource("admin.css");
    byte[] js = resource("admin.js");
    app.group(
        path,
        admin -> {
          admin.use(Access.guard(loginPath, site, path));
          admin.get("", lists::dashboard);
          admin.get("/_static/admin.css", ctx -> asset("text/css; charset=UTF-8", css));
          admin.get("/_static/admin.js", ctx -> asset("text/javascript; charset=UTF-8", js));
          admin.get("/{model}", lists::list);
          admin.post("/{model}/_bulk", deletes::bulk);
          admin.get("/{model}/_options", options::options);
          admin.get("/{model}/new", forms::createForm);
          admin.post("/{model}/new", forms::create);
          admin.get("/{model}/{id}", forms::edit);
          admin.post("/{model}/{id}", forms::update);
          admin.get("/{model}/{id}/delete", deletes::confirmDelete);
          admin.post("/{model}/{id}/delete", deletes::delete);
        });
  }

  private static <T extends Record> void add(
      Map<String, Model<?>> models, Database db, Registration<T> r) {
    Model<T> m = new Model<>(r.type(), db.repository(r.type()), r.options());
    if (models.putIfAbsent(m.slug(), m) != null) {
      throw new IllegalArgumentException(
          r.type().getSimpleName()
              + " is registered twice with the admin (table "
              + m.slug()
              + ")");
    }
  }

  /** Where the pages live. */
  public String path() {
    return path;
  }

  private static String checkPath(String p, String what) {
    if (p == null || !p.startsWith("/") || (p.length() > 1 && p.endsWith("/"))) {
      throw new IllegalArgumentException(
          what + ": '" + p + "' (expected: a path starting with / and not ending with /)");
    }
    return p;
  }

  private static byte[] resource(String name) {
    try (InputStream in = Admin.class.getResourceAsStream(name)) {
      if (in == null) throw new IllegalStateException("keel-admin's " + name + " is missing");
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static RenderedBody asset(String type, byte[] bytes) {
    return new RenderedBody() {
      @Override
      public String contentType() {
        return type;
      }

      @Override
      public void writeTo(OutputStream out) throws IOException {
        out.write(bytes);
      }
    };
  }
}
