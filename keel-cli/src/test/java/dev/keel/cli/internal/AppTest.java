package dev.keel.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.cli.internal.newproject.ProjectSpec;
import dev.keel.cli.internal.newproject.ProjectWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A project made by keel new is a workspace of its own, its app named by its artifactId. */
class AppTest {
  @TempDir Path dir;

  @Test
  void aProjectIsTheAppNamedByItsArtifactId() throws IOException {
    Path blog = dir.resolve("blog");
    ProjectWriter.write(ProjectSpec.of(blog, null, "sqlite", "api"));
    Files.move(blog, dir.resolve("renamed-folder"));
    var ws = new Workspace(dir.resolve("renamed-folder"), Workspace.Kind.PROJECT);
    App app = App.resolve(ws, null, "run");
    assertThat(app.name()).isEqualTo("blog");
    assertThat(app.dir()).isEqualTo(dir.resolve("renamed-folder"));
  }

  @Test
  void theParentsArtifactIdIsNotTheProjects() throws IOException {
    Files.writeString(
        dir.resolve("pom.xml"),
        """
        <project><parent><groupId>g</groupId><artifactId>parent</artifactId></parent>
          <artifactId> shop </artifactId></project>
        """);
    assertThat(App.artifactId(dir)).isEqualTo("shop");
    assertThat(App.artifactId(dir.resolve("missing"))).isEqualTo("missing");
  }

  @Test
  void keelProjectMakesTheWorkspaceAProject() {
    String saved = System.getProperty("keel.project");
    System.setProperty("keel.project", dir.toString());
    try {
      assertThat(Workspace.current()).isEqualTo(new Workspace(dir, Workspace.Kind.PROJECT));
    } finally {
      if (saved == null) System.clearProperty("keel.project");
      else System.setProperty("keel.project", saved);
    }
  }
}
