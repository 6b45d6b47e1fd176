package dev.keel.cli.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

/**
 * {@code keel run --layout NAME}: starts every process of a layout of the app's {@code
 * keel-deploy.properties} locally, each with {@code --keel.services.layout}, {@code
 * --keel.services.process} and {@code --keel.server.port} (the port of its {@code url}), its output
 * prefixed with its name. When one process ends, the others are stopped (SIGTERM: they drain);
 * Ctrl-C stops them all. The exit code is the first process's to end.
 */
final class LayoutRun {
  private LayoutRun() {}

  /** The file in the app's jar that lists the layouts (keel-services' {@code Deployment}). */
  static final String FILE = "keel-deploy.properties";

  /** One process of a layout: its name, its URL's port and the components it hosts. */
  record Spec(String name, int port, String components) {}

  /** {@value #FILE} inside {@code jar}; empty when it has none. */
  static Properties deployment(Path jar) {
    var properties = new Properties();
    try (var file = new JarFile(jar.toFile())) {
      var entry = file.getJarEntry(FILE);
      if (entry == null) return properties;
      try (InputStream in = file.getInputStream(entry)) {
        properties.load(in);
      }
      return properties;
    } catch (IOException e) {
      throw new CommandFailed("cannot read " + jar + ": " + e.getMessage());
    }
  }

  /**
   * The processes of {@code layout}, by name; the app itself checks the rest of the file (every
   * component placed, URLs well formed) when it starts.
   */
  static List<Spec> processes(Properties deployment, String layout) {
    var names = new TreeSet<String>();
    var layouts = new TreeSet<String>();
    for (String key : deployment.stringPropertyNames()) {
      String[] parts = key.split("\\.");
      if (parts.length == 4 && parts[0].equals("layout")) {
        layouts.add(parts[1]);
        if (parts[1].equals(layout)) names.add(parts[2]);
      }
    }
    if (names.isEmpty()) {
      throw new UsageException(
          "layout '"
              + layout
              + "' has no processes in "
              + FILE
              + " (layouts there: "
              + layouts
              + "); add lines layout."
              + layout
              + ".<process>.components and .url");
    }
    var specs = new ArrayList<Spec>();
    for (String name : names) {
      String prefix = "layout." + layout + "." + name + ".";
      String url = deployment.getProperty(prefix + "url", "").strip();
      URI uri;
      try {
        uri = URI.create(url);
      } catch (IllegalArgumentException e) {
        uri = null;
      }
      if (uri == null || uri.getHost() == null) {
        throw new UsageException(
            FILE + ": " + prefix + "url: '" + url + "' (expected: http://host:port)");
      }
      int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
      specs.add(new Spec(name, port, deployment.getProperty(prefix + "components", "").strip()));
    }
    return specs;
  }

  /** The command of each process: {@code base}, {@code args}, then its layout, name and port. */
  static List<List<String>> commands(
      List<Spec> processes, String layout, List<String> base, List<String> args) {
    var commands = new ArrayList<List<String>>();
    for (Spec p : processes) {
      var command = new ArrayList<>(base);
      command.addAll(args);
      command.add("--keel.services.layout=" + layout);
      command.add("--keel.services.process=" + p.name());
      command.add("--keel.server.port=" + p.port());
      commands.add(command);
    }
    return commands;
  }

  /** Starts every process of {@code layout} and waits as described above; the exit code. */
  static int run(
      Path dir,
      List<Spec> processes,
      String layout,
      List<String> base,
      List<String> args,
      PrintStream out) {
    List<List<String>> commands = commands(processes, layout, base, args);
    var started = new ArrayList<Process>();
    Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> stopAll(started)));
    try {
      for (int i = 0; i < commands.size(); i++) {
        var builder =
            new ProcessBuilder(commands.get(i)).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", Jdk.home().toString());
        Process process = builder.start();
        started.add(process);
        String prefix = "[" + processes.get(i).name() + "] ";
        Thread.ofVirtual().start(() -> copy(process.getInputStream(), prefix, out));
        out.println(
            prefix
                + "started on port "
                + processes.get(i).port()
                + ", hosting ["
                + processes.get(i).components()
                + "]");
      }
    } catch (IOException e) {
      stopAll(started);
      throw new CommandFailed(
          "cannot start " + commands.getFirst().getFirst() + ": " + e.getMessage());
    }
    int exit = firstExit(started);
    stopAll(started);
    return exit;
  }

  private static int firstExit(List<Process> processes) {
    while (true) {
      for (Process p : processes) {
        if (!p.isAlive()) return p.exitValue();
      }
      try {
        processes.getFirst().waitFor(100, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return 130;
      }
    }
  }

  private static void copy(InputStream in, String prefix, PrintStream out) {
    try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line; (line = reader.readLine()) != null; ) out.println(prefix + line);
    } catch (IOException e) {
      // the process ended
    }
  }

  private static void stopAll(List<Process> processes) {
    for (Process p : processes) p.destroy(); // SIGTERM: a Keel app drains and stops
    for (Process p : processes) {
      try {
        if (!p.waitFor(35, TimeUnit.SECONDS)) p.destroyForcibly();
      } catch (InterruptedException e) {
        p.destroyForcibly();
      }
    }
  }
}
