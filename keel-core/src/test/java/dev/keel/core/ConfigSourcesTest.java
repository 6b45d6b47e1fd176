package dev.keel.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigSourcesTest {

  @TempDir Path work;
  @TempDir Path resources;
  private URLClassLoader classpath;

  @BeforeEach
  void openClasspath() {
    classpath = Fixture.classpath(resources);
  }

  @AfterEach
  void closeClasspath() throws IOException {
    classpath.close();
  }

  /** Source S sets keel.k1..keel.kS, so keel.kN is set by source N and every source below it. */
  @Test
  void everySourceOutranksTheOnesBelowIt() {
    List<String> args = keys(1).stream().map(k -> "--" + k + "=args").toList();
    Properties system = new Properties();
    keys(2).forEach(k -> system.setProperty(k, "system"));
    Map<String, String> env = new LinkedHashMap<>();
    keys(3).forEach(k -> env.put(k.toUpperCase().replace('.', '_'), "env"));
    Fixture.write(work, "keel-prod.properties", lines(keys(4), "work-profile"));
    Fixture.write(work, "keel.properties", "keel.profile=prod\n" + lines(keys(5), "work"));
    Fixture.write(resources, "keel-prod.properties", lines(keys(6), "classpath-profile"));
    Fixture.write(
        resources, "keel.properties", "# shipped defaults\n\n" + lines(keys(7), "classpath"));
    Map<String, String> defaults =
        keys(8).stream().collect(Collectors.toMap(k -> k, k -> "default"));

    Config config =
        Config.builder()
            .args(args.toArray(String[]::new))
            .systemProperties(system)
            .environment(env)
            .workingDirectory(work)
            .classLoader(classpath)
            .defaults(defaults)
            .build();

    assertThat(IntStream.rangeClosed(1, 8).mapToObj(n -> config.value("keel.k" + n).orElseThrow()))
        .containsExactly(
            new ConfigValue("keel.k1", "args", "command-line argument --keel.k1"),
            new ConfigValue("keel.k2", "system", "system property keel.k2"),
            new ConfigValue("keel.k3", "env", "environment variable KEEL_K3"),
            new ConfigValue("keel.k4", "work-profile", "file ./keel-prod.properties line 4"),
            new ConfigValue("keel.k5", "work", "file ./keel.properties line 6"),
            new ConfigValue(
                "keel.k6", "classpath-profile", "classpath keel-prod.properties line 6"),
            new ConfigValue("keel.k7", "classpath", "classpath keel.properties line 9"),
            new ConfigValue("keel.k8", "default", "default"));
    assertThat(config.profile()).isEqualTo("prod");
    config.validate();
  }

  /** keel.k1..keel.k{last}. */
  private static List<String> keys(int last) {
    return IntStream.rangeClosed(1, last).mapToObj(n -> "keel.k" + n).toList();
  }

  private static String lines(List<String> keys, String value) {
    return keys.stream().map(k -> k + "=" + value + "\n").collect(Collectors.joining());
  }

  @Test
  void profileDefaultsToDevAndLoadsTheDevFile() {
    Fixture.write(work, "keel-dev.properties", "keel.greeting=hello from dev\n");
    Fixture.write(work, "keel-prod.properties", "keel.greeting=hello from prod\n");

    Config config = Config.builder().workingDirectory(work).build();

    assertThat(config.profile()).isEqualTo("dev");
    assertThat(config.isDev()).isTrue();
    assertThat(config.isProd()).isFalse();
    assertThat(config.isTest()).isFalse();
    assertThat(config.string("keel.greeting", "none")).isEqualTo("hello from dev");
    assertThat(config.value("keel.profile")).isEmpty();
  }

  @Test
  void profileFromEnvironmentSelectsProfileFilesOnBothPaths() {
    Fixture.write(work, "keel-test.properties", "keel.a=work\n");
    Fixture.write(resources, "keel-test.properties", "keel.a=classpath\nkeel.b=classpath\n");

    Config config =
        Config.builder()
            .environment(Map.of("KEEL_PROFILE", "test"))
            .workingDirectory(work)
            .classLoader(classpath)
            .build();

    assertThat(config.isTest()).isTrue();
    assertThat(config.string("keel.a", "")).isEqualTo("work");
    assertThat(config.string("keel.b", "")).isEqualTo("classpath");
    assertThat(config.value("keel.profile").orElseThrow().origin())
        .isEqualTo("environment variable KEEL_PROFILE");
  }

  @Test
  void profileCannotBeSetInAProfileFile() {
    Fixture.write(work, "keel-dev.properties", "# dev\nkeel.profile=prod\n");

    Config config = Config.builder().workingDirectory(work).build();

    assertThat(config.profile()).isEqualTo("dev");
    assertThatThrownBy(config::validate)
        .isInstanceOf(ConfigException.class)
        .extracting(e -> ((ConfigException) e).problems())
        .isEqualTo(
            List.of(
                "keel.profile = \"prod\" (from file ./keel-dev.properties line 2): the profile"
                    + " cannot be set in a profile file"));
  }

  @Test
  void malformedProfileStopsTheBuildAtOnce() {
    assertThatThrownBy(() -> Fixture.env("KEEL_PROFILE", "Prod"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "KEEL-CONFIG-001: invalid configuration (1 problem)\n"
                + "  - keel.profile = \"Prod\" (from environment variable KEEL_PROFILE): expected a"
                + " profile name matching [a-z][a-z0-9-]*, such as dev, test or prod");
  }

  @Test
  void relaxedNamesMatchAcrossSources() {
    Fixture.write(work, "keel.properties", "keel.server.idle_timeout=5s\n");
    Properties system = new Properties();
    system.setProperty("KEEL.Server.Backlog", "64");

    Config config =
        Config.builder()
            .environment(Map.of("KEEL_SERVER_MAX_CONNECTIONS", "500"))
            .systemProperties(system)
            .workingDirectory(work)
            .build();

    assertThat(config.integer("keel.server.max-connections", 0, 0, 10_000)).isEqualTo(500);
    assertThat(config.integer("keel.server.backlog", 0, 0, 1024)).isEqualTo(64);
    assertThat(config.string("keel.server.idle-timeout", "")).isEqualTo("5s");
    config.validate();
  }

  @Test
  void onlyKeelEnvironmentVariablesSystemPropertiesAndArgumentsAreConfiguration() {
    Properties system = new Properties();
    system.setProperty("java.version", "25");
    system.setProperty("server.port", "1");

    Config config =
        Config.builder()
            .args("--server.port=1", "input.txt", "-v", "--keel.x=1")
            .environment(Map.of("PATH", "/bin", "keel_lower", "x", "SERVER_PORT", "1"))
            .systemProperties(system)
            .build();

    assertThat(config.string("server.port")).isEmpty();
    assertThat(config.string("keel.lower")).isEmpty();
    assertThat(config.string("keel.x")).contains("1");
    config.validate();
  }

  @Test
  void laterArgumentWinsAndArgumentWithoutValueIsReported() {
    Config config = Config.builder().args("--keel.port=1", "--keel.port=2", "--keel.debug").build();

    assertThat(config.value("keel.port").orElseThrow().value()).isEqualTo("2");
    assertThatThrownBy(config::validate)
        .isInstanceOf(ConfigException.class)
        .extracting(e -> ((ConfigException) e).problems())
        .isEqualTo(
            List.of(
                "command-line argument --keel.debug: expected --keel.debug=value, with no"
                    + " spaces"));
  }

  @Test
  void pathIsResolvedAgainstTheWorkingDirectory() {
    Config config =
        Config.builder()
            .environment(Map.of("KEEL_DATA_DIR", "data", "KEEL_LOG_FILE", "/var/log/keel.log"))
            .workingDirectory(work)
            .build();

    assertThat(config.path("keel.data.dir")).contains(work.resolve("data"));
    assertThat(config.path("keel.log.file")).contains(Path.of("/var/log/keel.log"));
    assertThat(config.path("keel.missing")).isEmpty();
  }

  @Test
  void builderReadsNothingFromTheProcessUnlessTold() {
    Config config = Config.builder().build();

    assertThat(config.profile()).isEqualTo("dev");
    assertThat(config).hasToString("Config[profile=dev; ]");
  }

  @Test
  void loadReadsCommandLineArguments() {
    Config config = Config.load("--keel.server.port=9000");

    assertThat(config.value("keel.server.port"))
        .contains(
            new ConfigValue(
                "keel.server.port", "9000", "command-line argument --keel.server.port"));
  }

  @Test
  void malformedFilesAreAllReportedByName() {
    Fixture.write(work, "keel.properties", "keel.a=1\nkeel.b=caf\\u00e\n");
    Fixture.write(resources, "keel.properties", "keel.c=\\uZZZZ\n");

    assertThatThrownBy(() -> Config.builder().workingDirectory(work).classLoader(classpath).build())
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "KEEL-CONFIG-003: unreadable configuration file (2 problems)\n"
                + "  - file ./keel.properties line 2: malformed escape \"\\u00e\", expected \\u"
                + " and four hex digits\n"
                + "  - classpath keel.properties line 1: malformed escape \"\\uZZZZ\", expected"
                + " \\u and four hex digits")
        .extracting(e -> ((ConfigException) e).code())
        .isEqualTo(ConfigException.UNREADABLE_FILE);
  }

  @Test
  void fileThatIsNotUtf8IsRejected() throws IOException {
    Files.write(work.resolve("keel-dev.properties"), new byte[] {'k', '=', (byte) 0xE9, '\n'});

    assertThatThrownBy(() -> Config.builder().workingDirectory(work).build())
        .isInstanceOf(ConfigException.class)
        .extracting(e -> ((ConfigException) e).problems())
        .isEqualTo(List.of("file ./keel-dev.properties: is not valid UTF-8; save it as UTF-8"));
  }

  @Test
  void filesAreReadAsUtf8() {
    Fixture.write(work, "keel.properties", "keel.greeting=Grüße, 你好\n");

    Config config = Config.builder().workingDirectory(work).build();

    assertThat(config.string("keel.greeting", "")).isEqualTo("Grüße, 你好");
  }
}
