package dev.keel.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.core.Config;
import dev.keel.core.HttpException;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The client credentials token source against the real {@code oidc-provider}. */
class ClientCredentialsTest {
  static LocalOpenIdProvider provider;

  @BeforeAll
  static void startProvider() throws Exception {
    provider = LocalOpenIdProvider.start(26503, 26598, List.of(LocalOpenIdProvider.newKey("k1")));
  }

  @AfterAll
  static void stopProvider() throws Exception {
    provider.close();
  }

  static ClientCredentials tokens(String client, String secret, String... more) {
    var args =
        new java.util.ArrayList<>(
            List.of(
                "--keel.security.oidc.issuer=" + provider.issuer,
                "--keel.security.oidc.client-id=" + client,
                "--keel.security.oidc.client-secret=" + secret,
                "--keel.security.oidc.client-credentials.scopes=api:read",
                "--keel.security.oidc.client-credentials.resource=urn:keel:api"));
    args.addAll(List.of(more));
    return ClientCredentials.from(Config.builder().args(args.toArray(String[]::new)).build());
  }

  @Test
  void oneTokenServesManyCallsIncludingConcurrentOnes() throws Exception {
    ClientCredentials tokens = tokens("keel-service", "keel-service-secret");
    long before = provider.count("token");
    List<Future<String>> calls;
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      calls = pool.invokeAll(java.util.Collections.nCopies(20, tokens::token));
    }
    String first = calls.get(0).get();
    for (Future<String> call : calls) assertThat(call.get()).isEqualTo(first);
    assertThat(tokens.token()).isEqualTo(first);
    assertThat(first.split("\\.")).hasSize(3); // a JWT access token for urn:keel:api
    assertThat(provider.count("token") - before).isEqualTo(1);
  }

  @Test
  void aTokenNearItsExpiryIsReplaced() throws Exception {
    // short-lived tokens live 4 s; refresh-before 60 s is capped at half the lifetime: 2 s
    ClientCredentials tokens = tokens("short-lived", "short-lived-secret");
    long before = provider.count("token");
    String first = tokens.token();
    assertThat(tokens.token()).isEqualTo(first);
    assertThat(provider.count("token") - before).isEqualTo(1);
    Thread.sleep(2_200);
    String second = tokens.token();
    assertThat(second).isNotEqualTo(first);
    assertThat(provider.count("token") - before).isEqualTo(2);
  }

  @Test
  void aWrongSecretIsA503ThatSaysNothingAboutTheSecret() {
    ClientCredentials tokens = tokens("keel-service", "not-the-secret");
    assertThatThrownBy(tokens::token)
        .isInstanceOfSatisfying(
            HttpException.class,
            e -> {
              assertThat(e.status()).isEqualTo(503);
              assertThat(e.problem().is(SecurityProblems.OIDC_PROVIDER_UNAVAILABLE)).isTrue();
              assertThat(e.getMessage()).doesNotContain("not-the-secret");
            });
  }
}
