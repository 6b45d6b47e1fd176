package dev.keel.security.internal.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.security.Principal;
import dev.keel.security.TokenRejected;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClaimPathsTest {
  @Test
  void nestedPathsListsAndSpaceSeparatedStrings() {
    var paths = new ClaimPaths("sub", "realm_access.roles", "scope");
    Principal p =
        paths.principal(
            Map.of(
                "sub", "ann",
                "realm_access", Map.of("roles", List.of("admin", "user")),
                "scope", "api:read api:write"));
    assertThat(p.id()).isEqualTo("ann");
    assertThat(p.roles()).containsExactlyInAnyOrder("admin", "user");
    assertThat(p.permissions()).containsExactlyInAnyOrder("api:read", "api:write");
  }

  @Test
  void aMissingPathGivesNothingAndAnEmptyPathIsNotRead() {
    var paths = new ClaimPaths("email", "groups", "");
    Principal p = paths.principal(Map.of("email", "ann@example.test", "scope", "api:read"));
    assertThat(p.id()).isEqualTo("ann@example.test");
    assertThat(p.roles()).isEmpty();
    assertThat(p.permissions()).isEmpty();
  }

  @Test
  void aDottedClaimNameIsReadAsOneName() {
    var paths = new ClaimPaths("sub", "https://example.com/roles", "scope");
    Principal p =
        paths.principal(Map.of("sub", "ann", "https://example.com/roles", List.of("editor")));
    assertThat(p.roles()).containsExactly("editor");
  }

  @Test
  void aTokenWithoutTheIdClaimIsRejected() {
    var paths = new ClaimPaths("preferred_username", "roles", "scope");
    assertThatThrownBy(() -> paths.principal(Map.of("sub", "ann")))
        .isInstanceOf(TokenRejected.class)
        .hasMessageContaining("'preferred_username'");
    assertThatThrownBy(() -> paths.principal(Map.of("preferred_username", List.of("x"))))
        .isInstanceOf(TokenRejected.class);
  }
}
