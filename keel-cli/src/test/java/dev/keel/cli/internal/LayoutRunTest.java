package dev.keel.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** {@code keel run --layout split}: one child process per process of the layout. */
class LayoutRunTest {
  static final String DEPLOY =
      """
      layout.split.app.components = Articles
      layout.split.app.url = http://127.0.0.1:25301
      layout.split.users.components = Users, Profiles
      layout.split.users.url = http://127.0.0.1:25302
      """;

  static Properties deployment() throws Exception {
    var p = new Properties();
    p.load(new StringReader(DEPLOY));
    return p;
  }

  /** A stand-in for the app: prints its arguments; "app" ends with 3, "users" would run on. */
  public static final class Stand {
    public static void main(String[] args) throws Exception {
      System.out.println("args " + String.join(" ", args));
      System.out.flush();
      if (String.join(" ", args).contains("process=app")) {
        Thread.sleep(6000); // both JVMs start on a loaded machine first
        System.exit(3);
      }
      Thread.sleep(60_000);
    }
  }

  @Test
  void eachProcessGetsItsLayoutNameAndPort() throws Exception {
    var processes = LayoutRun.processes(deployment(), "split");
    assertThat(processes)
        .containsExactly(
            new LayoutRun.Spec("app", 25301, "Articles"),
            new LayoutRun.Spec("users", 25302, "Users, Profiles"));
    assertThat(
            LayoutRun.commands(
                processes, "split", List.of("java", "-jar", "x.jar"), List.of("--seed")))
        .containsExactly(
            List.of(
                "java",
                "-jar",
                "x.jar",
                "--seed",
                "--keel.services.layout=split",
                "--keel.services.process=app",
                "--keel.server.port=25301"),
            List.of(
                "java",
                "-jar",
                "x.jar",
                "--seed",
                "--keel.services.layout=split",
                "--keel.services.process=users",
                "--keel.server.port=25302"));
  }

  @Test
  void anUnknownLayoutNamesTheOnesThereAre() throws Exception {
    assertThatThrownBy(() -> LayoutRun.processes(deployment(), "spilt"))
        .isInstanceOf(UsageException.class)
        .hasMessage(
            "layout 'spilt' has no processes in keel-deploy.properties (layouts there: [split]);"
                + " add lines layout.spilt.<process>.components and .url");
  }

  @Test
  void startsEveryProcessAndStopsTheOthersWhenOneEnds() throws Exception {
    var bytes = new ByteArrayOutputStream();
    var out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    List<String> base =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            Stand.class.getName());
    long start = System.nanoTime();
    int exit =
        LayoutRun.run(
            Path.of("").toAbsolutePath(),
            LayoutRun.processes(deployment(), "split"),
            "split",
            base,
            List.of(),
            out);
    assertThat(exit).isEqualTo(3);
    assertThat((System.nanoTime() - start) / 1_000_000_000).isLessThan(30);
    String output = bytes.toString(StandardCharsets.UTF_8);
    for (int i = 0; i < 50 && !output.contains("process=users"); i++) { // copied asynchronously
      Thread.sleep(100);
      output = bytes.toString(StandardCharsets.UTF_8);
    }
    assertThat(output)
        .contains("[app] started on port 25301, hosting [Articles]")
        .contains("[users] started on port 25302, hosting [Users, Profiles]")
        .contains(
            "[app] args --keel.services.layout=split --keel.services.process=app"
                + " --keel.server.port=25301")
        .contains(
            "[users] args --keel.services.layout=split --keel.services.process=users"
                + " --keel.server.port=25302");
  }
}
