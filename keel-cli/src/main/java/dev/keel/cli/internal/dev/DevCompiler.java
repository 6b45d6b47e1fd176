package dev.keel.cli.internal.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * The app's {@code src/main/java} compiled in this JVM with {@code javax.tools} and keel-processor,
 * into the dev classes folder. The compiler stays warm (one file manager with the dependency jars
 * open; its code JIT-compiled by the previous runs). An edit is compiled alone when the ABI of the
 * classes it produces is unchanged ({@link Abi}); otherwise, or when a file was deleted or a class
 * appeared or vanished, the whole module is compiled again.
 */
final class DevCompiler implements AutoCloseable {
  /** One compiler message, located in a file of the project. */
  record Error(Path file, long line, long column, String message, String code) {}

  /** What a compilation did: {@code full}, {@code incremental}, or {@code failed} with errors. */
  record Result(String mode, List<Error> errors, Set<Path> compiled, long millis) {
    boolean ok() {
      return errors.isEmpty();
    }
  }

  private final Path sources;
  private final Path classes;
  private final Path generated;
  private final List<Path> classpath;
  private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
  private final StandardJavaFileManager files;
  private final URLClassLoader processors;

  /** Source file → the class files (internal names) its last compilation produced. */
  private final Map<Path, Set<String>> produced = new HashMap<>();

  /** Class (internal name) → its ABI when it was last compiled. */
  private final Map<String, Abi> abis = new HashMap<>();

  /** Sources whose last compilation failed: compiled again with the next change. */
  private final Set<Path> pending = new TreeSet<>();

  private boolean compiledOnce;

  DevCompiler(Path sources, Path classes, Path generated, List<Path> classpath, List<Path> procs) {
    this.sources = sources;
    this.classes = classes;
    this.generated = generated;
    this.classpath = List.copyOf(classpath);
    if (javac == null) {
      throw new IllegalStateException("this Java runtime has no compiler; run keel dev on a JDK");
    }
    this.files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8);
    try {
      // set once: the jars stay open and indexed from one compilation to the next
      var path = new ArrayList<>(classpath);
      path.add(classes);
      Files.createDirectories(classes);
      Files.createDirectories(generated);
      files.setLocationFromPaths(StandardLocation.CLASS_PATH, path);
      files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
      files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(generated));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    URL[] urls = procs.stream().map(DevCompiler::url).toArray(URL[]::new);
    this.processors =
        new URLClassLoader("keel-dev-processors", urls, ClassLoader.getPlatformClassLoader());
  }

  /** The decision for a change: compile the changed files alone, or the whole module. */
  static boolean needsFullCompile(boolean compiledOnce, Set<Path> deleted, Set<Path> created) {
    return !compiledOnce || !deleted.isEmpty() || !created.isEmpty();
  }

  /**
   * Whether the classes a compilation produced can replace the old ones without recompiling the
   * others: the same classes, each with the same ABI.
   */
  static boolean abiCompatible(Map<String, Abi> before, Map<String, Abi> after) {
    return before.equals(after);
  }

  /** Whether the last compilation failed (its files are compiled again with the next change). */
  boolean failing() {
    return !pending.isEmpty();
  }

  /** Compiles every source into a clean classes folder. */
  Result compileAll() {
    long begin = System.nanoTime();
    deleteCompiled();
    List<Path> all = javaFiles();
    produced.clear();
    abis.clear();
    pending.clear();
    var out = run(all);
    if (!out.errors.isEmpty()) {
      pending.addAll(all);
      return new Result("failed", out.errors, Set.copyOf(all), millis(begin));
    }
    record(all, out.classes);
    compiledOnce = true;
    return new Result("full", List.of(), Set.copyOf(all), millis(begin));
  }

  /**
   * Compiles what changed: the edited files alone when that is safe, else the whole module.
   *
   * @param changed created or modified {@code .java} files
   * @param deleted removed {@code .java} files
   */
  Result compile(Set<Path> changed, Set<Path> deleted) {
    long begin = System.nanoTime();
    var created = new TreeSet<Path>();
    for (Path p : changed) if (!produced.containsKey(p) && !pending.contains(p)) created.add(p);
    if (needsFullCompile(compiledOnce, deleted, created)) return compileAll();
    var batch = new TreeSet<>(changed);
    batch.addAll(pending);
    batch.removeIf(p -> !Files.isRegularFile(p));
    var before = new HashMap<String, Abi>();
    for (Path p : batch) {
      for (String c : produced.getOrDefault(p, Set.of())) {
        if (abis.containsKey(c)) before.put(c, abis.get(c));
      }
    }
    Map<String, List<String>> services = readServices();
    for (String c : before.keySet()) delete(classes.resolve(c + ".class"));
    var out = run(List.copyOf(batch));
    if (!out.errors.isEmpty()) {
      pending.addAll(batch);
      return new Result("failed", out.errors, batch, millis(begin));
    }
    pending.clear();
    var after = new HashMap<String, Abi>();
    for (String c : out.classes) after.put(c, abi(c));
    // the routes the processor generates are owned by the controller compiled with them
    if (!abiCompatible(before, after)) {
      Result full = compileAll();
      return new Result(full.ok() ? "full" : "failed", full.errors, full.compiled, millis(begin));
    }
    mergeServices(services);
    record(List.copyOf(batch), out.classes);
    return new Result("incremental", List.of(), batch, millis(begin));
  }

  private record Output(List<Error> errors, Set<String> classes) {}

  /**
   * Compiles every source {@code rounds} times into {@code scratch}, on another file manager, so
   * that the JIT has compiled javac's and the processor's hot code before the first edit: the first
   * reload then costs what the hundredth does. Stops early once {@code busy} says so.
   */
  void warmUp(Path scratch, int rounds, java.util.function.BooleanSupplier busy) {
    try (StandardJavaFileManager own =
        javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
      var path = new ArrayList<>(classpath);
      path.add(classes);
      own.setLocationFromPaths(StandardLocation.CLASS_PATH, path);
      for (int i = 0; i < rounds && !busy.getAsBoolean(); i++) {
        Path out = scratch.resolve("classes");
        Path gen = scratch.resolve("generated");
        Files.createDirectories(out);
        Files.createDirectories(gen);
        own.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(out));
        own.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(gen));
        var task =
            javac.getTask(
                null,
                own,
                d -> {},
                List.of("-proc:full", "-parameters", "-g", "-implicit:none", "-nowarn"),
                null,
                own.getJavaFileObjectsFromPaths(javaFiles()));
        task.setProcessors(processors());
        task.call();
        Resources.deleteTree(scratch);
      }
    } catch (IOException | RuntimeException e) {
      // warming is an optimisation: a failure here only means the first reload is slower
    }
  }

  private List<Processor> processors() {
    var procs = new ArrayList<Processor>();
    ServiceLoader.load(Processor.class, processors).forEach(procs::add);
    return procs;
  }

  private Output run(List<Path> sourceFiles) {
    var diagnostics = new DiagnosticCollector<JavaFileObject>();
    var written = new LinkedHashSet<String>();
    try {
      Files.createDirectories(classes);
      Files.createDirectories(generated);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var recording =
        new ForwardingJavaFileManager<JavaFileManager>(files) {
          @Override
          public JavaFileObject getJavaFileForOutput(
              Location location, String className, JavaFileObject.Kind kind, FileObject sibling)
              throws IOException {
            if (kind == JavaFileObject.Kind.CLASS) written.add(className.replace('.', '/'));
            return super.getJavaFileForOutput(location, className, kind, sibling);
          }
        };
    var options =
        List.of("-proc:full", "-parameters", "-g", "-implicit:none", "-Xlint:none", "-nowarn");
    var units = files.getJavaFileObjectsFromPaths(sourceFiles);
    var task = javac.getTask(null, recording, diagnostics, options, null, units);
    task.setProcessors(processors());
    long t0 = System.nanoTime();
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long cpu0 = threads.getCurrentThreadCpuTime();
    boolean ok = task.call();
    if (Boolean.getBoolean("dev.keel.trace")) {
      System.out.printf(
          "keel dev: trace javac %d ms (cpu %d ms)%n",
          (System.nanoTime() - t0) / 1_000_000,
          (threads.getCurrentThreadCpuTime() - cpu0) / 1_000_000);
    }
    var errors = new ArrayList<Error>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() != Diagnostic.Kind.ERROR) continue;
      Path file = d.getSource() == null ? null : Path.of(d.getSource().toUri());
      errors.add(
          new Error(
              file,
              d.getLineNumber(),
              d.getColumnNumber(),
              d.getMessage(null),
              d.getSource() == null ? "" : line(file, d.getLineNumber())));
    }
    if (!ok && errors.isEmpty()) {
      errors.add(new Error(null, -1, -1, "the compiler failed without a message", ""));
    }
    // binary names of nested classes: a.B$C → a/B$C
    var classNames = new LinkedHashSet<String>();
    for (String w : written) classNames.add(w);
    return new Output(errors, classNames);
  }

  private void record(List<Path> batch, Set<String> classNames) {
    for (Path p : batch) produced.put(p, Set.copyOf(classNames));
    if (batch.size() > 1) {
      // a batch's classes belong to the file they came from: attribute by source file name
      for (Path p : batch) produced.put(p, ownedBy(p, classNames));
    }
    for (String c : classNames) abis.put(c, abi(c));
  }

  /**
   * The classes of a source file: those named after it (and its nested classes), plus what
   * keel-processor generates for them: routes ({@code XRoutes}, {@code X_InnerRoutes}), GraphQL
   * binders ({@code XGraphQl}) and record binders ({@code KeelRow_X_Inner}).
   */
  private Set<String> ownedBy(Path source, Set<String> classNames) {
    Path relative = sources.relativize(source);
    String base = relative.toString().replace(java.io.File.separatorChar, '/');
    return ownedBy(base.substring(0, base.length() - ".java".length()), classNames);
  }

  /**
   * @param base the source file's path without {@code .java}, e.g. {@code app/Articles}
   */
  static Set<String> ownedBy(String base, Set<String> classNames) {
    int slash = base.lastIndexOf('/');
    String rows = base.substring(0, slash + 1) + "KeelRow_" + base.substring(slash + 1);
    var owned = new TreeSet<String>();
    for (String c : classNames) {
      if (c.equals(base) || c.startsWith(base + "$") || c.startsWith(base + "_")) owned.add(c);
      else if (c.equals(base + "Routes") || c.equals(base + "GraphQl")) owned.add(c);
      else if (c.equals(rows) || c.startsWith(rows + "_")) owned.add(c);
    }
    return owned;
  }

  private Abi abi(String className) {
    try {
      return Abi.of(Files.readAllBytes(classes.resolve(className + ".class")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final String SERVICES = "META-INF/services";

  /** The service files keel-processor writes list the routes of the compiled controllers only. */
  private Map<String, List<String>> readServices() {
    var map = new HashMap<String, List<String>>();
    Path dir = classes.resolve(SERVICES);
    if (!Files.isDirectory(dir)) return map;
    try (Stream<Path> list = Files.list(dir)) {
      for (Path f : list.toList()) map.put(f.getFileName().toString(), Files.readAllLines(f));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return map;
  }

  private void mergeServices(Map<String, List<String>> before) {
    Map<String, List<String>> now = readServices();
    for (var e : before.entrySet()) {
      var lines = new LinkedHashSet<>(e.getValue());
      lines.addAll(now.getOrDefault(e.getKey(), List.of()));
      lines.removeIf(
          l ->
              !l.isBlank()
                  && !Files.exists(classes.resolve(l.strip().replace('.', '/') + ".class")));
      try {
        Files.write(classes.resolve(SERVICES).resolve(e.getKey()), lines);
      } catch (IOException x) {
        throw new UncheckedIOException(x);
      }
    }
  }

  List<Path> javaFiles() {
    if (!Files.isDirectory(sources)) return List.of();
    try (Stream<Path> walk = Files.walk(sources)) {
      return walk.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Removes what the compiler and the processor wrote; resources stay. */
  private void deleteCompiled() {
    if (!Files.isDirectory(classes)) return;
    try (Stream<Path> walk = Files.walk(classes)) {
      walk.filter(f -> f.toString().endsWith(".class")).forEach(DevCompiler::delete);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path openapi = classes.resolve("META-INF/keel");
    if (Files.isDirectory(openapi)) Resources.deleteTree(openapi);
    Path services = classes.resolve(SERVICES);
    if (Files.isDirectory(services)) Resources.deleteTree(services);
    if (Files.isDirectory(generated)) Resources.deleteTree(generated);
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String line(Path file, long number) {
    if (file == null || number < 1) return "";
    try (Stream<String> lines = Files.lines(file)) {
      return lines.skip(number - 1).findFirst().orElse("");
    } catch (IOException | UncheckedIOException e) {
      return "";
    }
  }

  private static long millis(long begin) {
    return (System.nanoTime() - begin) / 1_000_000;
  }

  private static URL url(Path p) {
    try {
      return p.toUri().toURL();
    } catch (java.net.MalformedURLException e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Override
  public void close() throws IOException {
    files.close();
    processors.close();
  }
}
