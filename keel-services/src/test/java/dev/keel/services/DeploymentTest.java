package dev.keel.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeploymentTest {
  @Test
  void readsProcessesOfEachLayout() {
    var d =
        Deployment.parse(
            """
            # two processes
            layout.split.app.components = Articles, Comments
            layout.split.app.url = http://127.0.0.1:8080
            layout.split.users.components = Users
            layout.split.users.url = http://users.internal:8080
            """,
            "keel-deploy.properties");
    var split = d.layout("split");
    assertThat(split.processes())
        .containsExactly(
            new Deployment.Process(
                "app", URI.create("http://127.0.0.1:8080"), List.of("Articles", "Comments")),
            new Deployment.Process(
                "users", URI.create("http://users.internal:8080"), List.of("Users")));
    assertThat(split.host("Users").orElseThrow().name()).isEqualTo("users");
    assertThat(d.layout("single").processes()).isEmpty();
  }

  @Test
  void mistakesNameTheKeyAndTheFix() {
    assertThatThrownBy(() -> Deployment.parse("layout.split.app.component = A", "f"))
        .hasMessage(
            "f: key 'layout.split.app.component' (expected: the setting 'components' or 'url')");
    assertThatThrownBy(() -> Deployment.parse("layout.split.app.components = A", "f"))
        .hasMessage("f: layout.split.app.url is missing (e.g. = http://127.0.0.1:8081)");
    assertThatThrownBy(
            () ->
                Deployment.parse(
                    "layout.split.app.components = A\nlayout.split.app.url = 127.0.0.1:80", "f"))
        .hasMessageContaining("(expected: http://host:port or https://host:port)");
    assertThatThrownBy(() -> Deployment.parse("processes = a", "f"))
        .hasMessageContaining("expected: layout.<layout>.<process>.components or .url");
    assertThatThrownBy(() -> Deployment.parse("layout.single.a.url = http://x", "f"))
        .hasMessageContaining("the layout 'single' is built in");
  }
}
