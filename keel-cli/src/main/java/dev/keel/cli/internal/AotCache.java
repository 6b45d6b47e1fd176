package dev.keel.cli.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The JDK's AOT cache of an app (JEP 483/514/515: classes loaded and linked, method profiles),
 * which roughly halves its start-up. Made once per build of the jars, before the app starts: a
 * training run on a free port in a scratch folder (so the app's {@code ./data} is not touched), a
 * few requests, SIGTERM, then {@code -XX:AOTMode=create}. The app itself never records, so Ctrl-C
 * stops it at once. A failed training is remembered until the jars change; the app then starts
 * without the cache.
 */
public final class AotCache {
  private static final Pattern STARTED = Pattern.compile("Keel started on https?://[^ ]*:(\\d+)");
  private static final List<String> TRAINING_PATHS =
      List.of(
          "/",
          "/health/live",
          "/health/ready",
          "/openapi.json",
          "/docs",
          "/api/articles",
          "/api/tags",
          "/json",
          "/plaintext",
          "/nowhere");

  private final App app;
  private final String javaTool;
  private final Path jar;
  private final Path cache;
  private final Path jdkFile;
  private final Path failedFile;
  private final Path log;

  public AotCache(App app) {
    this(app, Jdk.tool("java"), app.jar(), app.target().resolve(app.name() + ".aot"));
  }

  /**
   * The cache of a packaged app ({@code keel package}): made with the packaged runtime's {@code
   * java} and the packaged jar, whose paths the cache records; its log beside {@code cache}.
   */
  AotCache(App app, String java, Path jar, Path cache) {
    this.app = app;
    this.javaTool = java;
    this.jar = jar;
    this.cache = cache;
    String name = cache.getFileName().toString();
    Path dir = cache.toAbsolutePath().getParent();
    this.jdkFile = dir.resolve(name + ".jdk");
    this.failedFile = dir.resolve(name + ".failed");
    this.log = dir.resolve(name + ".log");
  }

  /** Trains and writes the cache now (for keel package); false when the training failed. */
  boolean make(List<String> args) {
    return train(args);
  }

  /** The JVM options that use the cache, making it first when it is missing or stale. */
  public List<String> options(List<String> args) {
    if (current(cache) && sameJdk(jdkFile)) return use();
    if (current(failedFile) && sameJdk(failedFile)) return List.of();
    return train(args) ? use() : List.of();
  }

  /** Whether a cache made for the jars as they are now exists (for keel package). */
  public Path path() {
    return cache;
  }

  private List<String> use() {
    return List.of("-XX:AOTCache=" + cache, "-Xlog:aot*=off,cds*=off");
  }

  private boolean train(List<String> args) {
    long started = System.nanoTime();
    Console.out.print(
        "keel: preparing the start-up cache of "
            + app.name()
            + " (once per build, up to about 20 s) ... ");
    Console.out.flush();
    Path work = null;
    Process process = null;
    try {
      work = Files.createTempDirectory("keel-aot-");
      Path conf = work.resolve("aotconf");
      var command = new ArrayList<String>();
      command.add(javaTool);
      command.add("-XX:AOTMode=record");
      command.add("-XX:AOTConfiguration=" + conf);
      command.addAll(AppJvm.javaOpts());
      command.add("--enable-native-access=ALL-UNNAMED");
      command.addAll(List.of("-jar", jar.toString()));
      command.addAll(args);
      command.add("--keel.server.port=0");
      process =
          new ProcessBuilder(command)
              .directory(work.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .start();
      Integer port = awaitPort(process);
      if (port != null) exercise(port);
      process.destroy();
      process.waitFor(60, TimeUnit.SECONDS);
      boolean made =
          port != null
              && Files.size(conf) > 0
              && Processes.runQuietly(
                      work,
                      List.of(
                          javaTool,
                          "-XX:AOTMode=create",
                          "-XX:AOTConfiguration=" + conf,
                          // as in the training run: otherwise the JDK drops its archived module
                          // graph ("Mismatched values for property
                          // jdk.module.enable.native.access")
                          "--enable-native-access=ALL-UNNAMED",
                          "-XX:AOTCache=" + work.resolve("app.aot"),
                          "-cp",
                          jar.toString()),
                      log)
                  == 0;
      if (made) {
        Files.move(
            work.resolve("app.aot"), cache, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(jdkFile, Jdk.home().toString());
        Files.deleteIfExists(failedFile);
        Console.out.println(
            "done in " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
        return true;
      }
      Files.writeString(failedFile, Jdk.home().toString());
      Console.out.println(
          "skipped: the training run failed (see " + log + "); starting without the cache");
      return false;
    } catch (IOException e) {
      Console.out.println("skipped: " + e.getMessage());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      if (process != null) process.destroyForcibly();
      if (work != null) deleteTree(work);
    }
  }

  /** The port from the "Keel started on" line, or null when the app stopped or failed first. */
  private Integer awaitPort(Process process) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      String text = Files.exists(log) ? Files.readString(log) : "";
      Matcher m = STARTED.matcher(text);
      if (m.find()) return Integer.parseInt(m.group(1));
      if (!process.isAlive() || text.contains("keel: could not start")) return null;
      Thread.sleep(100);
    }
    return null;
  }

  /** The first requests load the request path's classes too. */
  private static void exercise(int port) {
    try (var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
      for (String path : TRAINING_PATHS) {
        try {
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
          // an app without that route, or slow: the training goes on
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Whether {@code file} exists and no jar of the app is newer. */
  private boolean current(Path file) {
    if (!Files.exists(file)) return false;
    try {
      FileTime made = Files.getLastModifiedTime(file);
      var jars = new ArrayList<Path>();
      jars.add(app.jar());
      Path lib = app.target().resolve("lib");
      if (Files.isDirectory(lib)) {
        try (Stream<Path> files = Files.list(lib)) {
          files.filter(f -> f.toString().endsWith(".jar")).forEach(jars::add);
        }
      }
      for (Path jar : jars) {
        if (Files.getLastModifiedTime(jar).compareTo(made) > 0) return false;
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean sameJdk(Path file) {
    try {
      return Files.readString(file).strip().equals(Jdk.home().toString());
    } catch (IOException e) {
      return false;
    }
  }

  static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
