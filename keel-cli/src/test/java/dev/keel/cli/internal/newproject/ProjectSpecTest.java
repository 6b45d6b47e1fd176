package dev.keel.cli.internal.newproject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.cli.internal.UsageException;
import dev.keel.cli.internal.newproject.ProjectSpec.Database;
import dev.keel.cli.internal.newproject.ProjectSpec.Template;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectSpecTest {
  @TempDir Path dir;

  @Test
  void theFolderNamesTheAppAndThePackageDefaultsToComExample() {
    ProjectSpec spec = ProjectSpec.of(dir.resolve("my-blog"), null, "sqlite", "api");
    assertThat(spec.app()).isEqualTo("my-blog");
    assertThat(spec.packageName()).isEqualTo("com.example.myblog");
    assertThat(spec.groupId()).isEqualTo("com.example");
    assertThat(spec.packagePath()).isEqualTo("com/example/myblog");
    assertThat(spec.database()).isEqualTo(Database.SQLITE);
    assertThat(spec.template()).isEqualTo(Template.API);
    assertThat(spec.dir()).isEqualTo(dir.resolve("my-blog"));
  }

  @Test
  void takesAGivenPackageDatabaseAndTemplate() {
    ProjectSpec spec = ProjectSpec.of(dir.resolve("shop"), "org.acme.shop", "postgres", "web");
    assertThat(spec.packageName()).isEqualTo("org.acme.shop");
    assertThat(spec.groupId()).isEqualTo("org.acme");
    assertThat(spec.flags()).containsExactly("postgres", "web", "sessions");
    assertThat(ProjectSpec.of(dir.resolve("shop"), "shop", "sqlite", "api").groupId())
        .isEqualTo("shop");
  }

  @Test
  void anEmptyFolderIsFine() throws IOException {
    Files.createDirectory(dir.resolve("blog"));
    assertThat(ProjectSpec.of(dir.resolve("blog"), null, "sqlite", "api").app()).isEqualTo("blog");
  }

  @Test
  void refusesANonEmptyFolderOrAFile() throws IOException {
    Files.createDirectories(dir.resolve("blog"));
    Files.writeString(dir.resolve("blog/notes.txt"), "mine");
    assertThatThrownBy(() -> ProjectSpec.of(dir.resolve("blog"), null, "sqlite", "api"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("is not empty")
        .hasMessageContaining("does not exist yet or is empty");
    Files.writeString(dir.resolve("file"), "");
    assertThatThrownBy(() -> ProjectSpec.of(dir.resolve("file"), null, "sqlite", "api"))
        .hasMessageContaining("is a file");
  }

  @Test
  void refusesAppNamesThatAreNotLowerCaseWithDashes() {
    for (String bad : new String[] {"My Blog", "Blog", "2fa", "blog-", "my--blog", "blog_x"}) {
      assertThatThrownBy(() -> ProjectSpec.of(dir.resolve(bad), null, "sqlite", "api"))
          .as(bad)
          .isInstanceOf(UsageException.class)
          .hasMessageContaining("cannot name an app")
          .hasMessageContaining("e.g. ./keel new ~/code/my-blog");
    }
    assertThatThrownBy(() -> ProjectSpec.of(dir.resolve("a".repeat(64)), null, "sqlite", "api"))
        .hasMessageContaining("at most 63");
  }

  @Test
  void refusesKeelsOwnNames() {
    for (String bad : new String[] {"keel", "keel-core", "keel-bom"}) {
      assertThatThrownBy(() -> ProjectSpec.of(dir.resolve(bad), null, "sqlite", "api"))
          .hasMessage(
              "'"
                  + bad
                  + "' is the name of a Keel artifact; choose another folder name,"
                  + " e.g. my-"
                  + bad);
    }
  }

  @Test
  void anAppNamedLikeAKeywordNeedsAPackage() {
    assertThatThrownBy(() -> ProjectSpec.of(dir.resolve("class"), null, "sqlite", "api"))
        .hasMessage(
            "the app's package would be com.example.class, but 'class' is a Java keyword; pass"
                + " another with --package, e.g. --package com.example.app");
    assertThat(ProjectSpec.of(dir.resolve("class"), "com.example.klass", "sqlite", "api").app())
        .isEqualTo("class");
  }

  @Test
  void refusesPackagesJavaCannotUse() {
    assertThat(ProjectSpec.packageProblem("com.example.blog")).isNull();
    assertThat(ProjectSpec.packageProblem("com..blog")).contains("empty part");
    assertThat(ProjectSpec.packageProblem("com.example.")).contains("empty part");
    assertThat(ProjectSpec.packageProblem("com.new.blog")).contains("'new' is a Java keyword");
    assertThat(ProjectSpec.packageProblem("com.1blog"))
        .contains("'1blog' is not a Java identifier");
    assertThat(ProjectSpec.packageProblem("com.my-blog")).contains("not a Java identifier");
    assertThat(ProjectSpec.packageProblem("java.blog")).contains("JDK");
    assertThat(ProjectSpec.packageProblem("dev.keel.blog")).contains("Keel's package");
    assertThatThrownBy(() -> ProjectSpec.of(dir.resolve("blog"), "com.my-blog", "sqlite", "api"))
        .isInstanceOf(UsageException.class)
        .hasMessage(
            "--package com.my-blog is not a usable Java package: 'my-blog' is not a Java"
                + " identifier; use lower-case dotted names, e.g. --package com.example.blog");
  }

  @Test
  void refusesUnknownDatabasesAndTemplates() {
    assertThatThrownBy(() -> ProjectSpec.of(dir.resolve("blog"), null, "mysql", "api"))
        .hasMessage("--db mysql is not known; use sqlite or postgres");
    assertThatThrownBy(() -> ProjectSpec.of(dir.resolve("blog"), null, "sqlite", "html"))
        .hasMessage("--template html is not known; use api or web");
  }

  @Test
  void withNamesFeaturesAndRefusesUnknownOrEmptyOnes(@TempDir Path dir) {
    assertThat(ProjectSpec.of(dir.resolve("blog"), null, "sqlite", "api", "").features()).isEmpty();
    assertThat(ProjectSpec.of(dir.resolve("blog"), null, "sqlite", "api", " graphql ").features())
        .containsExactly(ProjectSpec.Feature.GRAPHQL);
    assertThat(ProjectSpec.of(dir.resolve("blog"), null, "sqlite", "api", "graphql").flags())
        .contains("graphql")
        .doesNotContain("sessions");
    assertThat(
            ProjectSpec.of(dir.resolve("blog"), null, "sqlite", "api", "oidc, messaging,graphql")
                .features())
        .containsExactlyInAnyOrder(
            ProjectSpec.Feature.GRAPHQL, ProjectSpec.Feature.MESSAGING, ProjectSpec.Feature.OIDC);
    // the OpenID Connect login needs browser sessions, which the web template has anyway
    assertThat(ProjectSpec.of(dir.resolve("blog"), null, "sqlite", "api", "oidc").flags())
        .contains("oidc", "sessions");
    assertThat(ProjectSpec.of(dir.resolve("blog"), null, "sqlite", "web", "").flags())
        .contains("sessions");
    assertThat(ProjectSpec.of(dir.resolve("blog"), null, "sqlite", "api", "messaging").flags())
        .contains("messaging")
        .doesNotContain("sessions");
    assertThatThrownBy(() -> ProjectSpec.of(dir.resolve("blog"), null, "sqlite", "api", "kafka"))
        .hasMessage("--with kafka is not known; use graphql, messaging or oidc (comma-separated)");
    assertThatThrownBy(
            () -> ProjectSpec.of(dir.resolve("blog"), null, "sqlite", "api", "graphql,,graphql"))
        .hasMessageContaining("has an empty item");
  }
}
