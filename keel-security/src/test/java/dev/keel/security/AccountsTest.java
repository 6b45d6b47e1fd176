package dev.keel.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.Keel;
import dev.keel.test.TestClient;
import dev.keel.test.TestResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * {@link Security#accounts}: credentials that verify but name no account of the app — deleted, or a
 * {@code sub} outside the app's id format — are refused with 401, never a 500 from the handler that
 * looks the account up.
 */
class AccountsTest {
  final Set<Long> accounts = ConcurrentHashMap.newKeySet();
  final ApiKeys apiKeys = new ApiKeys("keel", ApiKeyStore.inMemory());
  final Sessions sessions = Sessions.from(JwtTest.config(), new MemorySessionStore());
  Security security;

  Keel app() {
    Keel app = Keel.create(JwtTest.config("--keel.security.jwt.secret=" + JwtTest.SECRET));
    security =
        Security.builder()
            .apiKeys(apiKeys)
            .sessions(sessions)
            // the app's ids are numbers: Long.parseLong throws for any other sub
            .accounts(p -> accounts.contains(Long.parseLong(p.id())))
            .build();
    app.install(security);
    // what an app's handler does with the id: with accounts(...) it never sees a bad one
    app.get("/me", ctx -> "account " + Long.parseLong(Security.authenticated(ctx).id()));
    app.get("/public", ctx -> Security.principal(ctx).map(Principal::id).orElse("anonymous"));
    app.get(
        "/login/{id}",
        ctx -> sessions.login(ctx, Principal.of(ctx.pathParam("id"))).principal().isPresent());
    return app;
  }

  static TestResponse me(TestClient client, String token) {
    return client.get("/me").header("Authorization", "Bearer " + token).send();
  }

  @Test
  void tokensOfUnknownAccountsOrForeignIdsAre401() {
    accounts.add(1L);
    try (var client = TestClient.inProcess(app())) {
      assertThat(me(client, security.jwt().issue(Principal.of("1"))).text()).isEqualTo("account 1");
      for (String id : List.of("2", "abc", "1.0", " 1", "0x1", "99999999999999999999", "\u0000")) {
        String token = security.jwt().issue(Principal.of(id));
        JwtTest.assertRejected(me(client, token), "no such account");
        // a public route too: the credentials are bad, whatever the route needs
        TestResponse open = client.get("/public").header("Authorization", "Bearer " + token).send();
        JwtTest.assertRejected(open, "no such account");
      }
      // an account deleted after its token was issued
      String token = security.jwt().issue(Principal.of("1"));
      accounts.remove(1L);
      JwtTest.assertRejected(me(client, token), "no such account");
    }
  }

  @Test
  void apiKeysOfUnknownAccountsAre401() {
    accounts.add(1L);
    ApiKeys.Created mine = apiKeys.create(Principal.of("1"), Set.of("*"));
    ApiKeys.Created foreign = apiKeys.create(Principal.of("admin"), Set.of("*"));
    try (var client = TestClient.inProcess(app())) {
      assertThat(client.get("/me").header("X-API-Key", mine.key()).send().text())
          .isEqualTo("account 1");
      JwtTest.assertRejected(
          client.get("/me").header("X-API-Key", foreign.key()).send(), "no such account");
    }
  }

  @Test
  void aSessionOfADeletedAccountIsLoggedOut() {
    accounts.add(1L);
    try (var client = TestClient.inProcess(app())) {
      String session = SessionsTest.cookie(client.get("/login/1").send());
      assertThat(client.get("/me").cookie("keel_session", session).send().text())
          .isEqualTo("account 1");
      accounts.remove(1L);
      TestResponse gone = client.get("/public").cookie("keel_session", session).send();
      assertThat(gone.text()).isEqualTo("anonymous");
      assertThat(gone.headers().get("set-cookie").getFirst()).contains("Max-Age=0");
      accounts.add(1L); // the session was deleted, not just skipped
      assertThat(client.get("/me").cookie("keel_session", session).send().status()).isEqualTo(401);
    }
  }
}
