package dev.keel.cli.internal.dev;

import dev.keel.cli.DevProblems;
import dev.keel.core.Config;
import dev.keel.core.ConfigException;
import dev.keel.core.Keel;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code keel dev} inside the app's JVM: {@code DevMain PROJECT-DIR DEV-DIR MAIN-CLASS CLASSPATH
 * PROCESSOR-PATH -- APP-ARGS...}, run on the dependencies' class path with the CLI's jar. Compiles
 * {@code src/main/java} into {@code DEV-DIR/classes}, runs the app, and on every change in {@code
 * src/main} compiles what changed and restarts the app on a fresh class loader on the same port.
 * While the code does not compile, or the app does not start, the port answers with the problem.
 */
public final class DevMain {
  private static final PrintStream OUT = System.out;

  private final Path project;
  private final Path javaSources;
  private final Path resources;
  private final Path classes;
  private final DevCompiler compiler;
  private final AppRunner runner;
  private final int port;
  private final Path dev;
  private ErrorPage errorPage;
  private volatile boolean reloading;

  private DevMain(
      Path project,
      Path dev,
      String mainClass,
      List<Path> cp,
      List<Path> procs,
      List<String> appArgs) {
    this.project = project;
    this.javaSources = project.resolve("src/main/java");
    this.resources = project.resolve("src/main/resources");
    this.dev = dev;
    this.classes = dev.resolve("classes");
    this.compiler = new DevCompiler(javaSources, classes, dev.resolve("generated"), cp, procs);
    this.port = port(appArgs);
    var args = new ArrayList<String>();
    for (String a : appArgs) if (!a.startsWith("--keel.server.port=")) args.add(a);
    args.add("--keel.server.port=" + port); // the same port across restarts, chosen once
    this.runner = new AppRunner(classes, mainClass, args);
  }

  public static void main(String[] argv) throws Exception {
    int dash = List.of(argv).indexOf("--");
    List<String> appArgs = List.of(argv).subList(dash + 1, argv.length);
    var dev =
        new DevMain(
            Path.of(argv[0]), Path.of(argv[1]), argv[2], paths(argv[3]), paths(argv[4]), appArgs);
    dev.run();
  }

  private static List<Path> paths(String s) {
    return s.isEmpty()
        ? List.of()
        : java.util.Arrays.stream(s.split(java.io.File.pathSeparator)).map(Path::of).toList();
  }

  private void run() throws InterruptedException {
    Resources.copyAll(resources, classes);
    DevCompiler.Result first = compiler.compileAll();
    info("compiled " + first.compiled().size() + " files in " + first.millis() + " ms");
    if (first.ok()) start(System.nanoTime());
    else compileFailed(first);
    var roots = List.of(javaSources, resources, project.resolve("src/main/jte"));
    try (var watcher = new Watcher(roots)) {
      info("watching src/main of " + project + " (Ctrl-C stops)");
      warmUp();
      while (true) {
        Set<Path> changed = watcher.next();
        reloading = true;
        reload(changed);
        reloading = false;
      }
    }
  }

  /**
   * Compiles the app a few times in the background, at low priority, while nobody edits: the
   * compiler's hot code gets JIT-compiled, which makes the first reloads several times faster.
   */
  private void warmUp() {
    Thread.ofPlatform()
        .daemon()
        .name("keel-dev-warm-up")
        .priority(Thread.MIN_PRIORITY)
        .start(
            () -> {
              long begin = System.nanoTime();
              compiler.warmUp(dev.resolve("warm-up"), WARM_UP_ROUNDS, () -> reloading);
              info("compiler warmed up in " + millis(begin) + " ms");
            });
  }

  static final int WARM_UP_ROUNDS = 4;

  /** One batch of changed files: copy resources, compile, restart (or show the problem). */
  void reload(Set<Path> changed) {
    long begin = System.nanoTime();
    var java = new TreeSet<Path>();
    var deleted = new TreeSet<Path>();
    boolean restart = false;
    for (Path p : changed) {
      if (p.startsWith(javaSources)) {
        if (Files.isDirectory(p)) continue;
        if (!p.toString().endsWith(".java")) continue;
        if (Files.exists(p)) java.add(p);
        else deleted.add(p);
      } else if (p.startsWith(resources)) {
        if (Files.isDirectory(p)) continue;
        Resources.copy(resources, classes, p);
        restart = true;
      }
      // src/main/jte: keel-views re-reads a template when it changed, at the next render
    }
    if (java.isEmpty() && deleted.isEmpty() && !restart) return;
    info("changed: " + names(changed));
    // whatever the compiler says, the old app goes: stop it on another core meanwhile
    Thread stopping = Thread.ofPlatform().name("keel-dev-stop").start(runner::stop);
    if (!java.isEmpty() || !deleted.isEmpty()) {
      DevCompiler.Result r = compiler.compile(java, deleted);
      join(stopping);
      if (!r.ok()) {
        compileFailed(r);
        return;
      }
      info(
          "compiled "
              + r.compiled().size()
              + " file(s), "
              + r.mode()
              + ", in "
              + r.millis()
              + " ms");
    } else if (compiler.failing()) {
      return; // a resource changed, but the code still does not compile: the error page stays
    }
    join(stopping);
    start(begin);
  }

  private static void join(Thread thread) {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void start(long begin) {
    closeErrorPage();
    try {
      long startBegin = System.nanoTime();
      Keel app = runner.start();
      info(
          "running on "
              + app.url()
              + " (started in "
              + millis(startBegin)
              + " ms, "
              + millis(begin)
              + " ms since the change)");
    } catch (Throwable e) {
      startFailed(e);
    }
  }

  private void compileFailed(DevCompiler.Result r) {
    var entries = new ArrayList<ErrorPage.Entry>();
    for (DevCompiler.Error e : r.errors()) {
      String file = e.file() == null ? null : relative(e.file());
      entries.add(new ErrorPage.Entry(file, e.line(), e.column(), e.message(), e.code()));
      OUT.println(
          (file == null ? "" : file + ":" + e.line() + ": ")
              + "error: "
              + e.message()
              + (e.code().isEmpty() ? "" : "\n    " + e.code().strip()));
    }
    var first = entries.getFirst();
    String detail =
        entries.size()
            + " compile error(s); the first in "
            + (first.file() == null ? "the build" : first.file() + " line " + first.line())
            + ". Fix it and save: the app restarts by itself.";
    info(detail);
    serveError(DevProblems.DEV_COMPILE_FAILED, detail, entries);
  }

  private void startFailed(Throwable e) {
    Throwable cause = e;
    String message = String.valueOf(cause.getMessage()).strip();
    StackTraceElement where = appFrame(e);
    String file = where == null ? null : sourceOf(where);
    String detail =
        "The app threw "
            + e.getClass().getSimpleName()
            + (file == null ? "" : " at " + file + " line " + where.getLineNumber())
            + " while starting: "
            + (message.endsWith(".") ? message : message + ".")
            + " Fix it and save: the app restarts by itself.";
    if (e instanceof ConfigException || e instanceof dev.keel.core.StartupException) {
      OUT.println("keel dev: " + message);
    } else {
      e.printStackTrace(OUT);
    }
    info("the app did not start; serving the problem on port " + port);
    var entry =
        new ErrorPage.Entry(file, where == null ? -1 : where.getLineNumber(), -1, e.toString(), "");
    serveError(DevProblems.DEV_START_FAILED, detail, List.of(entry));
  }

  /** The first stack frame in the app's own code (its class file is in the dev classes folder). */
  private StackTraceElement appFrame(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      for (StackTraceElement frame : t.getStackTrace()) {
        String name = frame.getClassName();
        if (Files.exists(classes.resolve(name.replace('.', '/') + ".class"))
            && frame.getFileName() != null
            && frame.getLineNumber() > 0) {
          return frame;
        }
      }
    }
    return null;
  }

  private String sourceOf(StackTraceElement frame) {
    String name = frame.getClassName();
    int dot = name.lastIndexOf('.');
    String dir = dot < 0 ? "" : name.substring(0, dot).replace('.', '/') + "/";
    return relative(javaSources.resolve(dir + frame.getFileName()));
  }

  private void serveError(
      dev.keel.core.ProblemType type, String detail, List<ErrorPage.Entry> entries) {
    closeErrorPage();
    errorPage = ErrorPage.serve(port, type, detail, entries);
  }

  private void closeErrorPage() {
    if (errorPage != null) {
      errorPage.close();
      errorPage = null;
    }
  }

  private String relative(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    return abs.startsWith(project) ? project.relativize(abs).toString() : abs.toString();
  }

  private String names(Set<Path> changed) {
    return String.join(" ", changed.stream().map(this::relative).toList());
  }

  /**
   * The port the app listens on, the same across restarts: {@code --keel.server.port} or {@code
   * KEEL_SERVER_PORT} or the app's {@code keel.properties} (read with the dev classes folder as the
   * class path), 8080 by default; 0 means a free one, chosen now.
   */
  private int port(List<String> appArgs) {
    int configured = 8080;
    Thread thread = Thread.currentThread();
    ClassLoader saved = thread.getContextClassLoader();
    try (var loader =
        new java.net.URLClassLoader(
            new java.net.URL[] {resources.toUri().toURL()}, DevMain.class.getClassLoader())) {
      thread.setContextClassLoader(loader);
      configured =
          Config.load(appArgs.toArray(String[]::new)).integer("keel.server.port", 8080, 0, 65535);
    } catch (IOException | RuntimeException e) {
      // a bad setting is reported when the app starts; the port stays the default
    } finally {
      thread.setContextClassLoader(saved);
    }
    if (configured != 0) return configured;
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static long millis(long begin) {
    return (System.nanoTime() - begin) / 1_000_000;
  }

  private static void info(String line) {
    OUT.println("keel dev: " + line);
  }
}
