package dev.keel.views;

import dev.keel.core.Config;
import dev.keel.core.Keel;
import dev.keel.core.Plugin;
import dev.keel.views.internal.StreamOutput;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.TemplateException;
import gg.jte.TemplateNotFoundException;
import gg.jte.TemplateOutput;
import gg.jte.resolve.DirectoryCodeResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server-side HTML templates with <a href="https://jte.gg">jte</a>: compiled, type-safe, and
 * HTML-escaping every {@code ${...}} by default. A handler returns {@link #render(String, Object)}:
 *
 * <pre>{@code
 * Keel app = Keel.create(args);
 * Views views = Views.create();
 * app.install(views).get("/hello/{name}", ctx -> views.render("hello.jte", ctx.pathParam("name")));
 * }</pre>
 *
 * <p>Two modes:
 *
 * <ul>
 *   <li><b>precompiled</b> (production): the build turns every template into a Java class ({@code
 *       jte-maven-plugin}'s {@code generate} goal), which is loaded from the application's class
 *       path. No JDK and no template files are needed at run time.
 *   <li><b>reloading</b> (development): templates are read from a folder, compiled on first use and
 *       recompiled when their file (or a template they include) changes, checked at every render.
 *       Needs a JDK. Compiled classes go to a temporary folder removed by {@link #close()}.
 * </ul>
 *
 * <p>{@link #create()} picks the mode from {@code keel.views.reload} (default: on in the {@code
 * dev} profile when {@code keel.views.directory}, default {@code src/main/jte}, exists); {@link
 * #precompiled()} and {@link #reloading(Path)} choose it in code.
 *
 * <p>Thread-safe: one instance serves all requests. Install it ({@link Keel#install}) so the
 * temporary folder is removed when the application stops.
 */
public final class Views implements Plugin, AutoCloseable {
  /** The package of precompiled template classes, jte-maven-plugin's default. */
  public static final String DEFAULT_PACKAGE = "gg.jte.generated.precompiled";

  /** Where templates are read from when reloading, unless {@code keel.views.directory} says. */
  public static final String DEFAULT_DIRECTORY = "src/main/jte";

  private static final Logger LOG = LoggerFactory.getLogger(Views.class);

  private volatile Path directory; // null: precompiled; decided by create() at install
  private final boolean fromConfig;
  private final String packageName; // of precompiled template classes
  private volatile Loaded loaded; // made on first render or at start, whichever comes first

  /** The engine, and for reloading the folder of compiled classes that {@link #close} removes. */
  private record Loaded(TemplateEngine engine, Optional<Path> classDirectory) {}

  private Views(Path directory, boolean fromConfig) {
    this(directory, fromConfig, DEFAULT_PACKAGE);
  }

  private Views(Path directory, boolean fromConfig, String packageName) {
    this.directory = directory;
    this.fromConfig = fromConfig;
    this.packageName = packageName;
  }

  /**
   * Templates in the mode that configuration chooses, when installed:
   *
   * <table>
   *   <caption>Keys</caption>
   *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
   *   <tr><td>{@code keel.views.reload}</td><td>{@code true} in the {@code dev} profile when the
   *       directory exists, else {@code false}</td><td>compile templates from the directory and
   *       recompile them on change; {@code false} uses the precompiled ones</td></tr>
   *   <tr><td>{@code keel.views.directory}</td><td>{@value #DEFAULT_DIRECTORY}</td><td>the template
   *       folder, relative to the working directory</td></tr>
   * </table>
   *
   * A reload asked for with no such directory stops start-up with the two keys to fix.
   */
  public static Views create() {
    return new Views(null, true);
  }

  /**
   * Templates precompiled into the application by the build, loaded through the thread's context
   * class loader, whatever the configuration says (a benchmark, say).
   */
  public static Views precompiled() {
    return new Views(null, false);
  }

  /**
   * Templates precompiled into package {@code packageName} (jte-maven-plugin's {@code packageName}
   * setting), whatever the configuration says: how a library such as keel-admin ships its own
   * templates apart from the application's.
   */
  public static Views precompiled(String packageName) {
    if (!packageName.matches("[a-zA-Z_$][\\w$]*(\\.[a-zA-Z_$][\\w$]*)*")) {
      throw new IllegalArgumentException(
          "packageName: '" + packageName + "' (expected: a Java package name)");
    }
    return new Views(null, false, packageName);
  }

  /**
   * Templates compiled from {@code directory} on first use and recompiled when they change,
   * whatever the configuration says.
   *
   * @throws IllegalArgumentException if {@code directory} is not a directory
   */
  public static Views reloading(Path directory) {
    Path root = directory.toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException(
          "template directory "
              + root
              + " does not exist; create it or point keel.views.directory at your .jte files");
    }
    return new Views(root, false);
  }

  /**
   * Reads {@code keel.views.*} (for {@link #create()}); the engine is made when the application
   * starts, and {@link #close()} runs when it stops.
   */
  @Override
  public void install(Keel app) {
    if (fromConfig) directory = configured(app.config());
    app.onStart(this::engine);
    app.onStop(this);
  }

  private static Path configured(Config config) {
    Path directory =
        config.path("keel.views.directory").orElse(Path.of(DEFAULT_DIRECTORY).toAbsolutePath());
    boolean exists = Files.isDirectory(directory);
    boolean reload = config.bool("keel.views.reload", config.isDev() && exists);
    if (reload && !exists) {
      config.reject(
          "keel.views.reload",
          "is true but the template directory "
              + directory
              + " does not exist; set keel.views.directory to the folder of your .jte files or"
              + " keel.views.reload=false to use the templates precompiled by the build");
      return null;
    }
    if (reload) {
      LOG.info("Views: templates from {}, recompiled when they change", directory);
      return directory.toAbsolutePath().normalize();
    }
    if (config.isDev()) {
      LOG.info(
          "Views: precompiled templates ({} not found; set keel.views.directory to reload"
              + " templates on change)",
          directory);
    }
    return null;
  }

  private TemplateEngine engine() {
    Loaded l = loaded;
    if (l == null) {
      synchronized (this) {
        l = loaded;
        if (l == null) loaded = l = load(directory, packageName);
      }
    }
    return l.engine();
  }

  private static Loaded load(Path directory, String packageName) {
    if (directory == null) {
      return new Loaded(
          TemplateEngine.createPrecompiled(null, ContentType.Html, null, packageName),
          Optional.empty());
    }
    Path classes;
    try {
      classes = Files.createTempDirectory("keel-views-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a folder for compiled templates", e);
    }
    ClassLoader parent = Thread.currentThread().getContextClassLoader();
    TemplateEngine engine =
        TemplateEngine.create(
            new DirectoryCodeResolver(directory),
            classes,
            ContentType.Html,
            parent != null ? parent : Views.class.getClassLoader());
    return new Loaded(engine, Optional.of(classes));
  }

  /**
   * A view of a template that declares one {@code @param}, e.g. {@code @param List<Fortune>
   * fortunes} (or none, then {@code model} is ignored). {@code .jte} may be left off the name.
   */
  public View render(String template, Object model) {
    return new View(this, name(template), Objects.requireNonNull(model, "model"), Map.of());
  }

  /**
   * A view of a template with several {@code @param}s, passed by name; parameters with a default
   * value may be left out.
   */
  public View render(String template, Map<String, ?> params) {
    return new View(
        this, name(template), null, Collections.unmodifiableMap(new LinkedHashMap<>(params)));
  }

  /** Whether templates are compiled from a folder and recompiled when they change. */
  public boolean reloads() {
    return directory != null;
  }

  /** Removes the folder of compiled templates, when reloading. Idempotent. */
  @Override
  public void close() {
    Loaded l = loaded;
    if (l != null) l.classDirectory().ifPresent(Views::deleteTree);
  }

  void render(View view, TemplateOutput output) {
    try {
      if (view.model().isPresent()) {
        engine().render(view.template(), view.model().get(), output);
      } else {
        engine().render(view.template(), view.params(), output);
      }
    } catch (TemplateNotFoundException e) {
      throw new ViewException(ViewException.NOT_FOUND, notFound(view.template(), e), e);
    } catch (TemplateException e) {
      if (e.getCause() instanceof StreamOutput.Failure f) {
        throw f; // the response stream failed, not the template
      }
      throw new ViewException(
          ViewException.FAILED, "template '" + view.template() + "': " + e.getMessage(), e);
    }
  }

  private String notFound(String template, TemplateNotFoundException e) {
    if (directory != null) {
      return "template '"
          + template
          + "' not found in "
          + directory
          + "; check the name, relative to that folder";
    }
    return "template '"
        + template
        + "' is not among the precompiled templates ("
        + e.getMessage()
        + "); check the name, and that the build runs jte-maven-plugin's generate goal over the"
        + " template folder (keel-views README, 'Production'), or set keel.views.reload=true in"
        + " development";
  }

  private static String name(String template) {
    Objects.requireNonNull(template, "template");
    return template.endsWith(".jte") || template.endsWith(".kte") ? template : template + ".jte";
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      LOG.warn("Views: could not remove compiled templates in {}: {}", root, e.toString());
    }
  }
}
