package dev.keel.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallationTest {
  @TempDir Path dir;

  @Test
  void readsTheLocalRepositoryFromMavenOptsAsMavenDoes() {
    assertThat(Installation.fromMavenOpts("-Xmx1g -Dmaven.repo.local=/work/m2/x -Dfoo=1"))
        .isEqualTo("/work/m2/x");
    assertThat(Installation.fromMavenOpts("-Dmaven.repo.local=/a -Dmaven.repo.local=/b"))
        .isEqualTo("/b");
    assertThat(Installation.fromMavenOpts("-Xmx1g")).isNull();
    assertThat(Installation.fromMavenOpts("-Dmaven.repo.local=")).isNull();
    assertThat(Installation.fromMavenOpts(null)).isNull();
  }

  @Test
  void installedOnlyWithTheBomTheParentAndEveryModule() throws IOException {
    String saved = System.getProperty("maven.repo.local");
    System.setProperty("maven.repo.local", dir.toString());
    try {
      assertThat(Installation.installed("9.9")).isFalse();
      Path keel = dir.resolve("dev/keel");
      for (String pom : new String[] {"keel-bom", "keel-parent"}) {
        Files.createDirectories(keel.resolve(pom + "/9.9"));
        Files.writeString(keel.resolve(pom + "/9.9/" + pom + "-9.9.pom"), "");
      }
      for (String module : Installation.MODULES) {
        assertThat(Installation.installed("9.9")).as("without " + module).isFalse();
        Files.createDirectories(keel.resolve(module + "/9.9"));
        Files.writeString(keel.resolve(module + "/9.9/" + module + "-9.9.jar"), "");
      }
      assertThat(Installation.installed("9.9")).isTrue();
    } finally {
      if (saved == null) System.clearProperty("maven.repo.local");
      else System.setProperty("maven.repo.local", saved);
    }
  }
}
