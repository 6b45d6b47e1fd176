package dev.keel.cli.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code keel package --layout NAME}: from the app's package ({@code app/}, {@code runtime/}), one
 * folder per process of the layout, {@code <layout>/<process>/}, each an image's build context
 * ({@code bin/NAME} starts it as that process of the layout, and a {@code Dockerfile}), and {@code
 * <layout>/k8s/<app>-<process>.yaml}: a Deployment and a Service per process. Each process reaches
 * the others by their Service's DNS name, set as {@code KEEL_SERVICES_URL_<PROCESS>} (keel-services
 * replaces the {@code url} of {@code keel-deploy.properties} with it); no registry.
 */
final class LayoutPackage {
  private LayoutPackage() {}

  /** The port every packaged process listens on in its container. */
  static final int CONTAINER_PORT = 8080;

  /** A Kubernetes object name (RFC 1035 label): lower-case letters, digits and '-'. */
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");

  /**
   * The processes of {@code layout}, checked for what packaging needs beyond {@link
   * LayoutRun#processes}: a deployment file at all, a layout other than single, names usable in
   * DNS.
   */
  static List<LayoutRun.Spec> processes(Properties deployment, String layout, String app) {
    if (deployment.isEmpty()) {
      throw new UsageException(
          "the app has no "
              + LayoutRun.FILE
              + " (src/main/resources/"
              + LayoutRun.FILE
              + "), so it has no layout '"
              + layout
              + "'; add lines layout."
              + layout
              + ".<process>.components and .url, or package it without --layout");
    }
    if (layout.equals("single")) {
      throw new UsageException("the layout 'single' is one process: package it without --layout");
    }
    List<LayoutRun.Spec> processes = LayoutRun.processes(deployment, layout);
    for (var p : processes) {
      String name = serviceName(app, p.name());
      if (name.length() > 63 || !DNS_LABEL.matcher(name).matches()) {
        throw new UsageException(
            "process '"
                + p.name()
                + "' of layout '"
                + layout
                + "': '"
                + name
                + "' is not a Kubernetes name (lower-case letters, digits and '-', at most 63);"
                + " rename the process in "
                + LayoutRun.FILE);
      }
    }
    return processes;
  }

  /** The Deployment's and Service's name of {@code process}: also its DNS name in the cluster. */
  static String serviceName(String app, String process) {
    return app.toLowerCase(Locale.ROOT) + "-" + process;
  }

  /** The variable that replaces the {@code url} of {@code process} (keel-services' config). */
  static String urlVariable(String process) {
    return "KEEL_SERVICES_URL_" + process.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  /**
   * Writes {@code <base>/<layout>/}: a folder per process (the base package's {@code app/} and
   * {@code runtime/}, linked when the file system allows, its {@code bin/<app>} and {@code
   * Dockerfile}) and {@code k8s/}; returns the process folders.
   */
  static List<Path> write(
      Path base, String app, String jar, String layout, List<LayoutRun.Spec> processes)
      throws IOException {
    Path out = base.resolve(layout);
    if (Files.exists(out)) AotCache.deleteTree(out);
    Path k8s = Files.createDirectories(out.resolve("k8s"));
    var folders = new ArrayList<Path>();
    for (var p : processes) {
      Path dir = out.resolve(p.name());
      // the AOT cache names the paths it was trained with: useless in another folder or image
      linkTree(base.resolve("app"), dir.resolve("app"), f -> !f.toString().endsWith(".aot"));
      linkTree(base.resolve("runtime"), dir.resolve("runtime"), f -> true);
      Path script = dir.resolve("bin").resolve(app);
      Files.createDirectories(script.getParent());
      Files.writeString(script, script(app, jar, layout, p), StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.writeString(dir.resolve("Dockerfile"), dockerfile(app, layout, p));
      Files.writeString(
          k8s.resolve(serviceName(app, p.name()) + ".yaml"),
          K8sManifests.of(app, layout, p, processes));
      folders.add(dir);
    }
    return folders;
  }

  static String script(String app, String jar, String layout, LayoutRun.Spec p) {
    return """
        #!/bin/sh
        # Starts %1$s as process '%4$s' of layout '%3$s' (components: %5$s) with the bundled runtime.
        # The other processes are reached at the url of keel-deploy.properties, or at
        # KEEL_SERVICES_URL_<PROCESS> when set. Configure with KEEL_* variables; JAVA_OPTS for the JVM.
        HERE=$(cd "$(dirname "$0")/.." && pwd)
        exec "$HERE/runtime/bin/java" ${JAVA_OPTS:-} --enable-native-access=ALL-UNNAMED \\
          -jar "$HERE/app/%2$s" --keel.services.layout=%3$s --keel.services.process=%4$s "$@"
        """
        .formatted(app, jar, layout, p.name(), p.components().isEmpty() ? "none" : p.components());
  }

  static String dockerfile(String app, String layout, LayoutRun.Spec p) {
    String name = serviceName(app, p.name());
    return """
        # Process '%3$s' of layout '%2$s' of %1$s as a container image; this folder is the context:
        #   docker build -t %4$s target/package/%2$s/%3$s
        # The runtime in runtime/ was made by jlink on this machine (Linux, glibc): build on the
        # platform the image runs on.
        FROM debian:bookworm-slim
        RUN groupadd --system --gid 10001 app \\
         && useradd --system --uid 10001 --gid app --home-dir /app --shell /usr/sbin/nologin app
        COPY runtime/ /app/runtime/
        COPY app/ /app/app/
        COPY bin/ /app/bin/
        WORKDIR /app
        USER app
        ENV KEEL_PROFILE=prod \\
            KEEL_SERVER_PORT=%5$d \\
            KEEL_LOG_FORMAT=json \\
            JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
        EXPOSE %5$d
        # exec in bin/%1$s: the JVM is PID 1 and gets SIGTERM, then drains and stops
        ENTRYPOINT ["/app/bin/%1$s"]
        """
        .formatted(app, layout, p.name(), name, CONTAINER_PORT);
  }

  /** Hard links of the files under {@code from} (copies across file systems) in {@code to}. */
  private static void linkTree(Path from, Path to, java.util.function.Predicate<Path> keep)
      throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isSymbolicLink(f)) {
          Files.createSymbolicLink(target, Files.readSymbolicLink(f)); // kept a link, as it was
        } else if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else if (keep.test(f)) {
          try {
            Files.createLink(target, f);
          } catch (IOException | UnsupportedOperationException e) {
            Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
          }
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
