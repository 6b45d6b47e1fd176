package dev.keel.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keel package --layout split}: a two-component app (Salutations in process app, Greeter in
 * process users) compiled with keel-processor, packaged per process; both packaged start scripts
 * run, the app's endpoint calls Greeter in the other JVM, reached through the same variable the
 * Kubernetes manifests set.
 */
class LayoutPackageTest {
  static final String DEPLOY =
      """
      layout.split.app.components = Salutations
      layout.split.app.url = http://127.0.0.1:28501
      layout.split.users.components = Greeter
      layout.split.users.url = http://127.0.0.1:28502
      """;

  static final String[][] SOURCES = {
    {
      "demo/Greeter.java",
      """
      package demo;
      @dev.keel.services.Component
      public interface Greeter { String greet(String name); }
      """
    },
    {
      "demo/GreeterImpl.java",
      """
      package demo;
      public final class GreeterImpl implements Greeter {
        @Override public String greet(String name) {
          return "Hello, " + name + " (greeted by " + ProcessHandle.current().pid() + ")";
        }
      }
      """
    },
    {
      "demo/Salutations.java",
      """
      package demo;
      @dev.keel.services.Component
      public interface Salutations { String salute(String name); }
      """
    },
    {
      "demo/SalutationsImpl.java",
      """
      package demo;
      public final class SalutationsImpl implements Salutations {
        private final Greeter greeter;
        public SalutationsImpl(Greeter greeter) { this.greeter = greeter; }
        @Override public String salute(String name) {
          return greeter.greet(name) + " (saluted by " + ProcessHandle.current().pid() + ")";
        }
      }
      """
    },
    {
      "demo/Main.java",
      """
      package demo;
      import dev.keel.core.Keel;
      import dev.keel.services.Components;
      public final class Main {
        public static void main(String[] args) {
          Keel app = Keel.create(args);
          Components components = Components.builder().config(app.config()).build();
          Salutations salutations = components.get(Salutations.class);
          app.install(components)
              .get("/hello/{name}", ctx -> salutations.salute(ctx.pathParam("name")))
              .start();
          System.out.println("READY " + components.process());
          System.out.flush();
        }
      }
      """
    }
  };

  @TempDir Path dir;
  final List<Process> started = new ArrayList<>();

  @AfterEach
  void stop() {
    for (Process p : started) p.destroyForcibly();
  }

  static Properties deployment() throws Exception {
    var p = new Properties();
    p.load(new StringReader(DEPLOY));
    return p;
  }

  @Test
  void eachPackagedProcessHostsItsComponentAndCallsTheOtherOne() throws Exception {
    Path base = basePackage();
    var processes = LayoutPackage.processes(deployment(), "split", "Shop");
    List<Path> folders = LayoutPackage.write(base, "shop", "shop.jar", "split", processes);
    assertThat(folders).containsExactly(base.resolve("split/app"), base.resolve("split/users"));
    for (Path f : folders) {
      assertThat(f.resolve("bin/shop")).isExecutable();
      assertThat(f.resolve("app/shop.jar")).exists();
      assertThat(f.resolve("app/shop.aot")).doesNotExist(); // trained for other paths
      assertThat(Files.readString(f.resolve("Dockerfile")))
          .contains("COPY runtime/ /app/runtime/", "ENTRYPOINT [\"/app/bin/shop\"]");
    }

    // other ports than the file's: the processes meet through KEEL_SERVICES_URL_*, as in k8s
    BlockingQueue<String> users =
        start(folders.get(1), 28512, "KEEL_SERVICES_URL_APP", "http://127.0.0.1:28511");
    await(users, "READY users", started.get(0));
    BlockingQueue<String> app =
        start(folders.get(0), 28511, "KEEL_SERVICES_URL_USERS", "http://127.0.0.1:28512");
    await(app, "READY app", started.get(1));

    HttpResponse<String> hello =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:28511/hello/ann")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(hello.statusCode()).as(hello.body()).isEqualTo(200);
    long appPid = started.get(1).pid(); // bin/shop and runtime/bin/java exec: the JVM's pid
    assertThat(hello.body()).startsWith("Hello, ann (greeted by ").contains("(saluted by ");
    String greeter = hello.body().replaceAll(".*greeted by (\\d+).*", "$1");
    String saluter = hello.body().replaceAll(".*saluted by (\\d+).*", "$1");
    assertThat(greeter).isNotEqualTo(saluter); // two JVMs: the call crossed processes
    assertThat(Long.parseLong(saluter)).isEqualTo(appPid);
  }

  @Test
  void theManifestsHaveADeploymentAndAServicePerProcessWiredByDns() throws Exception {
    Path base = basePackage();
    LayoutPackage.write(
        base, "shop", "shop.jar", "split", LayoutPackage.processes(deployment(), "split", "shop"));
    Path k8s = base.resolve("split/k8s");
    try (Stream<Path> files = Files.list(k8s)) {
      assertThat(files.map(f -> f.getFileName().toString()).sorted())
          .containsExactly("shop-app.yaml", "shop-users.yaml");
    }
    String app = Files.readString(k8s.resolve("shop-app.yaml"));
    String users = Files.readString(k8s.resolve("shop-users.yaml"));
    for (String[] m : new String[][] {{app, "shop-app", "app"}, {users, "shop-users", "users"}}) {
      var docs = m[0].split("\n---\n");
      assertThat(docs).hasSize(2);
      assertThat(docs[0]).contains("kind: Deployment\n", "  name: " + m[1] + "\n");
      assertThat(docs[1]).contains("kind: Service\n", "  name: " + m[1] + "\n", "port: 80\n");
      assertThat(docs[0])
          .contains(
              "- name: KEEL_SERVICES_LAYOUT\n              value: \"split\"",
              "- name: KEEL_SERVICES_PROCESS\n              value: \"" + m[2] + "\"",
              "startupProbe:\n            httpGet:\n              path: /health/live",
              "livenessProbe:\n            httpGet:\n              path: /health/live",
              "readinessProbe:\n            httpGet:\n              path: /health/ready",
              "image: " + m[1] + ":latest");
      assertThat(m[0]).doesNotContain("\t");
    }
    // each process points at the others' Service (cluster DNS), never at itself
    assertThat(app)
        .contains("- name: KEEL_SERVICES_URL_USERS\n              value: \"http://shop-users:80\"")
        .doesNotContain("KEEL_SERVICES_URL_APP");
    assertThat(users)
        .contains("- name: KEEL_SERVICES_URL_APP\n              value: \"http://shop-app:80\"")
        .doesNotContain("KEEL_SERVICES_URL_USERS");
  }

  @Test
  void anUnknownLayoutNamesTheKnownOnes() throws Exception {
    assertThatThrownBy(() -> LayoutPackage.processes(deployment(), "spilt", "shop"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("layout 'spilt' has no processes in keel-deploy.properties")
        .hasMessageContaining("(layouts there: [split])");
  }

  @Test
  void anAppWithoutADeploymentFileSaysWhereToPutIt() {
    assertThatThrownBy(() -> LayoutPackage.processes(new Properties(), "split", "shop"))
        .isInstanceOf(UsageException.class)
        .hasMessage(
            "the app has no keel-deploy.properties (src/main/resources/keel-deploy.properties),"
                + " so it has no layout 'split'; add lines layout.split.<process>.components and"
                + " .url, or package it without --layout");
  }

  @Test
  void theSingleLayoutAndNamesKubernetesRefusesAreRejected() throws Exception {
    assertThatThrownBy(() -> LayoutPackage.processes(deployment(), "single", "shop"))
        .isInstanceOf(UsageException.class)
        .hasMessage("the layout 'single' is one process: package it without --layout");
    var bad = new Properties();
    bad.setProperty("layout.split.User_Store.components", "Users");
    bad.setProperty("layout.split.User_Store.url", "http://127.0.0.1:1");
    assertThatThrownBy(() -> LayoutPackage.processes(bad, "split", "shop"))
        .isInstanceOf(UsageException.class)
        .hasMessageStartingWith(
            "process 'User_Store' of layout 'split': 'shop-User_Store' is not a Kubernetes name");
  }

  /**
   * What {@code keel package} makes before the per-process folders: {@code app/} with the app's jar
   * (keel-deploy.properties inside, its dependencies in {@code lib/} on the manifest's class path)
   * and {@code runtime/bin/java}. The runtime is the test's JDK behind a script: jlink is {@code
   * keel package}'s step, not this class's.
   */
  Path basePackage() throws Exception {
    Path src = dir.resolve("src");
    Path classes = Files.createDirectories(dir.resolve("classes"));
    var files = new ArrayList<Path>();
    for (String[] s : SOURCES) {
      Path f = src.resolve(s[0]);
      Files.createDirectories(f.getParent());
      Files.writeString(f, s[1]);
      files.add(f);
    }
    var compiler = ToolProvider.getSystemJavaCompiler();
    var errors = new StringWriter();
    String cp = System.getProperty("java.class.path");
    var fm = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8);
    boolean ok =
        compiler
            .getTask(
                errors,
                fm,
                null,
                List.of("-classpath", cp, "-processorpath", cp, "-d", classes.toString()),
                null,
                fm.getJavaFileObjectsFromPaths(files))
            .call();
    assertThat(ok).as("javac:%n%s", errors).isTrue();
    Files.writeString(classes.resolve(LayoutRun.FILE), DEPLOY);

    Path base = dir.resolve("package");
    Path lib = Files.createDirectories(base.resolve("app/lib"));
    var classPath = new StringBuilder();
    for (String entry : cp.split(java.io.File.pathSeparator)) {
      Path p = Path.of(entry).toAbsolutePath();
      boolean jar = entry.endsWith(".jar") && Files.isRegularFile(p);
      if (!jar && !Files.isDirectory(p)) continue;
      // a reactor build puts modules' target/classes on the class path, not their jars
      String name = jar ? p.getFileName().toString() : "dir" + classPath.length();
      Path copy = lib.resolve(name);
      if (Files.exists(copy)) continue;
      Files.createSymbolicLink(copy, p);
      classPath.append("lib/").append(name).append(jar ? " " : "/ ");
    }
    var manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "demo.Main");
    manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath.toString().strip());
    try (var jar =
            new JarOutputStream(Files.newOutputStream(base.resolve("app/shop.jar")), manifest);
        Stream<Path> all = Files.walk(classes)) {
      for (Path f : all.filter(Files::isRegularFile).toList()) {
        jar.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
        Files.copy(f, jar);
        jar.closeEntry();
      }
    }
    Files.writeString(base.resolve("app/shop.aot"), "trained elsewhere");
    Path java = Files.createDirectories(base.resolve("runtime/bin")).resolve("java");
    Files.writeString(
        java,
        "#!/bin/sh\nexec '"
            + Path.of(System.getProperty("java.home"), "bin", "java")
            + "' \"$@\"\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    return base;
  }

  BlockingQueue<String> start(Path folder, int port, String variable, String url) throws Exception {
    var builder =
        new ProcessBuilder(folder.resolve("bin/shop").toString()).redirectErrorStream(true);
    builder.environment().put("KEEL_SERVER_PORT", Integer.toString(port));
    builder.environment().put(variable, url);
    Process process = builder.start();
    started.add(process);
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread.ofVirtual()
        .start(
            () -> {
              try (var in =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) lines.add(line);
              } catch (java.io.IOException e) {
                // the process ended
              }
            });
    return lines;
  }

  static void await(BlockingQueue<String> lines, String wanted, Process process) throws Exception {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    var seen = new StringBuilder();
    while (System.nanoTime() < until) {
      String line = lines.poll(100, TimeUnit.MILLISECONDS);
      if (line == null) {
        if (!process.isAlive() && lines.isEmpty()) {
          Thread.sleep(200); // the last lines are copied asynchronously
          lines.forEach(l -> seen.append(l).append('\n'));
          throw new AssertionError(
              "the process ended (exit "
                  + process.exitValue()
                  + ") before '"
                  + wanted
                  + "':\n"
                  + seen);
        }
        continue;
      }
      seen.append(line).append('\n');
      if (line.contains(wanted)) return;
    }
    throw new AssertionError("no '" + wanted + "' within 90 s; output:\n" + seen);
  }
}
