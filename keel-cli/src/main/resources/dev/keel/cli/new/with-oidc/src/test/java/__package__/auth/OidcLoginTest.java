package {{package}}.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import {{package}}.App;
import dev.keel.test.TestClient;
import dev.keel.test.TestResponse;
import java.io.IOException;
import java.net.ServerSocket;
{{#sqlite}}
import java.nio.file.Path;
{{/sqlite}}
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
{{#sqlite}}
import org.junit.jupiter.api.io.TempDir;
{{/sqlite}}

/**
 * What can be checked without an OpenID provider: no provider configured, no login routes; one
 * configured but unreachable, a 503 problem rather than a stack trace; settings missing, start-up
 * stops naming them.
 */
class OidcLoginTest {
{{#sqlite}}
  @TempDir Path dir;
{{/sqlite}}

  private String[] args(String... more) {
    List<String> args = new ArrayList<>(List.of("--keel.profile=test"));
{{#sqlite}}
    args.add("--keel.db.url=jdbc:sqlite:" + dir.resolve("test.db"));
{{/sqlite}}
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  @Test
  void withoutAnIssuerThereIsNoLogin() {
    try (var client = TestClient.inProcess(App.app(args()))) {
      assertThat(client.get("/login/oidc").send().status()).isEqualTo(404);
      assertThat(client.get("/me").send().status()).isEqualTo(404);
      assertThat(client.get("/health/ready").send().status()).isEqualTo(200);
    }
  }

  @Test
  void anUnreachableProviderIsA503Problem() throws IOException {
    int closed;
    try (var socket = new ServerSocket(0)) {
      closed = socket.getLocalPort(); // free again once closed: nothing answers there
    }
    var app =
        App.app(
            args(
                "--keel.security.oidc.issuer=http://127.0.0.1:" + closed,
                "--keel.security.oidc.client-id=web",
                "--keel.security.oidc.timeout=1s",
                "--keel.security.oidc.redirect-uri=http://127.0.0.1/login/oidc/callback"));
    try (var client = TestClient.overSocket(app)) {
      TestResponse r = client.get("/login/oidc").send();
      assertThat(r.status()).as(r.text()).isEqualTo(503);
      assertThat(r.json().get("type").asString()).endsWith("/oidc-provider-unavailable");
      assertThat(r.text()).doesNotContain("Exception");
      assertThat(client.get("/me").send().status()).isEqualTo(401); // nobody is signed in
    }
  }

  @Test
  void anIssuerWithoutItsClientStopsStartUpNamingTheKeys() {
    assertThatThrownBy(
            () -> App.app(args("--keel.security.oidc.issuer=https://id.example.com")).start())
        .hasMessageContaining("keel.security.oidc.client-id")
        .hasMessageContaining("keel.security.oidc.redirect-uri");
  }
}
