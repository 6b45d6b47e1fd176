package dev.keel.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.core.Config;
import dev.keel.core.ConfigException;
import dev.keel.core.Keel;
import dev.keel.test.TestClient;
import org.junit.jupiter.api.Test;

class DeployCheckTest {
  @Test
  void listsInsecureSettingsWithIdsAndFixes() {
    var config =
        Config.builder()
            .args(
                "--keel.server.port=0",
                "--keel.security.session.secure=false",
                "--keel.security.csrf.enabled=false",
                "--keel.security.trusted-proxies=*",
                "--keel.security.jwt.ttl=30d")
            .build();
    var findings = Security.deployCheck(config);
    assertThat(findings)
        .extracting(DeployFinding::id)
        .containsExactly(
            "keel.security.W001",
            "keel.security.W002",
            "keel.security.E001",
            "keel.security.W003",
            "keel.security.W004",
            "keel.security.W006",
            "keel.security.W007");
    assertThat(findings.get(2).fix()).contains("KEEL_SECURITY_JWT_SECRET");
  }

  @Test
  void aHardenedProdConfigHasNoFindings() {
    var config =
        Config.builder()
            .args(
                "--keel.server.port=0",
                "--keel.profile=prod",
                "--keel.security.jwt.secret=" + JwtTest.SECRET,
                "--keel.server.allowed-hosts=example.com",
                "--keel.secure-headers.strict-transport-security=max-age=31536000")
            .build();
    assertThat(Security.deployCheck(config)).isEmpty();
  }

  @Test
  void strictModeStopsStartUp() {
    var config =
        Config.builder()
            .args(
                "--keel.server.port=0",
                "--keel.profile=prod",
                "--keel.security.deploy-check.strict=true",
                "--keel.security.jwt.secret=" + JwtTest.SECRET)
            .build();
    Keel app = Keel.create(config).install(Security.create());
    assertThatThrownBy(() -> TestClient.inProcess(app).get("/").send())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("keel.security.W002: the app serves plain HTTP")
        .hasMessageContaining("Fix: set keel.server.tls.cert");
  }
}
