package dev.keel.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.Keel;
import dev.keel.test.TestClient;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeysTest {
  final ApiKeyStore store = ApiKeyStore.inMemory();
  final ApiKeys apiKeys = new ApiKeys("keel", store);

  Keel app() {
    Keel app = Keel.create(JwtTest.config());
    app.install(Security.builder().apiKeys(apiKeys).build());
    app.group(
        "/api/reports",
        api -> {
          api.use(Security.requires("reports:read"));
          api.get("", ctx -> "reports for " + Security.authenticated(ctx).id());
        });
    return app;
  }

  @Test
  void keysCarryAPrefixAndOnlyTheirHashIsStored() {
    ApiKeys.Created created = apiKeys.create(Principal.of("alice"), Set.of("reports:read"));
    assertThat(created.key()).matches("keel_[0-9a-f]{16}_[A-Za-z0-9_-]{43}");
    ApiKey stored = store.find(created.id()).orElseThrow();
    assertThat(stored.hash()).hasSize(64).doesNotContain(created.key().substring(22));
    assertThat(stored.toString()).doesNotContain(created.key().substring(22));
  }

  @Test
  void authenticatesScopedAndRevocable() {
    var owner = Principal.of("alice").withRoles("admin").withPermissions("*");
    ApiKeys.Created readOnly = apiKeys.create(owner, Set.of("reports:read"));
    ApiKeys.Created other = apiKeys.create(owner, Set.of("billing:read"));
    try (var client = TestClient.inProcess(app())) {
      assertThat(client.get("/api/reports").header("X-API-Key", readOnly.key()).send().text())
          .isEqualTo("reports for alice");
      // scoped: the owner may do anything, the key only what its scopes say
      assertThat(client.get("/api/reports").header("X-API-Key", other.key()).send().status())
          .isEqualTo(403);

      String wrong = readOnly.key().substring(0, readOnly.key().length() - 2) + "xx";
      var rejected = client.get("/api/reports").header("X-API-Key", wrong).send();
      assertThat(rejected.status()).isEqualTo(401);
      assertThat(rejected.header("WWW-Authenticate").orElseThrow()).contains("invalid_token");

      apiKeys.revoke(readOnly.id());
      var revoked = client.get("/api/reports").header("X-API-Key", readOnly.key()).send();
      assertThat(revoked.status()).isEqualTo(401);
      assertThat(revoked.header("WWW-Authenticate").orElseThrow()).contains("revoked API key");
    }
  }
}
