package dev.keel.cli.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code keel package}: the app in {@code target/package}, ready to copy to a server or into an
 * image: {@code app/} (the jar and its dependencies), {@code runtime/} (a JDK trimmed by jlink to
 * the modules jdeps finds, plus the few loaded by name) and {@code bin/NAME}, the one start script.
 */
@Command(
    name = "package",
    description = {
      "Build the app into target/package, ready to deploy.",
      "Its jar and dependencies, a jlink-trimmed runtime and one start script, bin/NAME.",
      "In the Keel repository: package NAME.",
      "With --layout NAME (keel-services): also one image folder per process of that layout,",
      "target/package/NAME/<process>/, and Kubernetes manifests in target/package/NAME/k8s/."
    },
    mixinStandardHelpOptions = true)
final class PackageCommand implements Callable<Integer> {
  /** Loaded by name, invisible to jdeps: TLS ciphers, JMX/JFR metrics, DNS, zip file system. */
  private static final String BY_NAME =
      "jdk.crypto.ec,jdk.management,jdk.management.jfr,jdk.jfr,jdk.naming.dns,jdk.zipfs,jdk.net";

  @Parameters(paramLabel = "[NAME]", description = "the example (repository only)")
  List<String> words = new ArrayList<>();

  @Option(
      names = "--layout",
      paramLabel = "NAME",
      description =
          "also package each process of this layout of keel-deploy.properties, with k8s manifests")
  String layout;

  @Override
  public Integer call() throws IOException {
    App app =
        RunCommands.appAndArgs(Workspace.current(), words, "package", new ArrayList<>()).build();
    Path jar = app.jar();
    // checked before jlink and the AOT training, which take a while
    List<LayoutRun.Spec> processes =
        layout == null
            ? List.of()
            : LayoutPackage.processes(LayoutRun.deployment(jar), layout, app.name());
    Path out = app.target().resolve("package");
    if (Files.exists(out)) AotCache.deleteTree(out);
    Files.createDirectories(out.resolve("app/lib"));
    Files.createDirectories(out.resolve("bin"));
    Files.copy(jar, out.resolve("app").resolve(jar.getFileName()));
    var jars =
        new ArrayList<String>(List.of(out.resolve("app").resolve(jar.getFileName()).toString()));
    Path lib = app.target().resolve("lib");
    if (Files.isDirectory(lib)) {
      try (Stream<Path> files = Files.list(lib)) {
        for (Path f : files.toList()) {
          Path copy = out.resolve("app/lib").resolve(f.getFileName());
          Files.copy(f, copy, StandardCopyOption.REPLACE_EXISTING);
          if (f.toString().endsWith(".jar")) jars.add(copy.toString());
        }
      }
    }
    String modules = capture(jdeps(jars)).strip() + "," + BY_NAME;
    int linked =
        Processes.run(
            app.dir(),
            List.of(
                Jdk.tool("jlink"),
                "--add-modules",
                modules,
                "--strip-debug",
                "--no-man-pages",
                "--no-header-files",
                "--compress=zip-6",
                "--output",
                out.resolve("runtime").toString()));
    if (linked != 0) throw new CommandFailed("jlink failed; its message is above");
    Path script = out.resolve("bin").resolve(app.name());
    Files.writeString(
        script,
        """
        #!/bin/sh
        # Starts %1$s with the bundled runtime. Configure with KEEL_* variables; JAVA_OPTS for the JVM.
        # SIGTERM stops it gracefully (in-flight requests finish within keel.server.shutdown-grace).
        # app/%1$s.aot, the JDK's AOT cache made by keel package, starts it faster; it holds the
        # paths it was made with, so the JDK ignores it when the package was moved elsewhere.
        HERE=$(cd "$(dirname "$0")/.." && pwd)
        AOT=""
        [ -f "$HERE/app/%1$s.aot" ] && AOT="-XX:AOTCache=$HERE/app/%1$s.aot -Xlog:aot*=off,cds*=off"
        exec "$HERE/runtime/bin/java" $AOT ${JAVA_OPTS:-} --enable-native-access=ALL-UNNAMED \
          -jar "$HERE/app/%2$s" "$@"
        """
            .formatted(app.name(), jar.getFileName()),
        StandardCharsets.UTF_8);
    packageCache(app, out, jar);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    Console.info("packaged " + app.name() + " in " + out + " (modules: " + modules + ")");
    Console.info("start it with " + script);
    if (layout != null) {
      for (Path dir :
          LayoutPackage.write(out, app.name(), jar.getFileName().toString(), layout, processes)) {
        Console.info("process " + dir.getFileName() + " of layout " + layout + ": " + dir);
      }
      Console.info("Kubernetes manifests: " + out.resolve(layout).resolve("k8s"));
    }
    return 0;
  }

  /** Trains the AOT cache with the packaged runtime and jar, as the start script runs them. */
  private static void packageCache(App app, Path out, Path jar) throws IOException {
    Path cache = out.resolve("app").resolve(app.name() + ".aot");
    var aot =
        new AotCache(
            app,
            out.resolve("runtime/bin/java").toString(),
            out.resolve("app").resolve(jar.getFileName()),
            cache);
    if (aot.make(List.of())) {
      Files.deleteIfExists(cache.resolveSibling(app.name() + ".aot.jdk"));
      Files.deleteIfExists(cache.resolveSibling(app.name() + ".aot.log"));
    }
  }

  private static List<String> jdeps(List<String> jars) {
    var command =
        new ArrayList<>(
            List.of(
                Jdk.tool("jdeps"),
                "--multi-release",
                Integer.toString(Runtime.version().feature()),
                "--ignore-missing-deps",
                "-q",
                "--print-module-deps"));
    command.addAll(jars);
    return command;
  }

  private static String capture(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      var buffer = new ByteArrayOutputStream();
      p.getInputStream().transferTo(buffer);
      if (Processes.waitFor(p) != 0) {
        throw new CommandFailed("jdeps failed: " + buffer.toString(StandardCharsets.UTF_8));
      }
      return buffer.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
