package dev.keel.test.middleware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.keel.core.Config;
import dev.keel.core.ConfigException;
import dev.keel.core.Keel;
import dev.keel.core.SecureHeaders;
import dev.keel.test.TestClient;
import dev.keel.test.TestResponse;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SecureHeadersTest {
  static Keel app(SecureHeaders headers) {
    return Transports.app()
        .use(headers)
        .get("/page", ctx -> "page")
        .get(
            "/embeddable",
            ctx -> {
              ctx.header("X-Frame-Options", "SAMEORIGIN");
              return "widget";
            })
        .get(
            "/boom",
            ctx -> {
              throw new IllegalStateException("boom");
            });
  }

  static List<Function<Keel, TestClient>> transports() {
    return Transports.all().toList();
  }

  static void assertDefaults(TestResponse r) {
    assertThat(r.header("X-Content-Type-Options")).contains("nosniff");
    assertThat(r.header("Referrer-Policy")).contains("no-referrer");
    assertThat(r.header("Content-Security-Policy")).contains("default-src 'self'");
    assertThat(r.header("Cross-Origin-Opener-Policy")).contains("same-origin");
    assertThat(r.header("Strict-Transport-Security")).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("transports")
  void defaultsOnEveryResponseIncludingErrors(Function<Keel, TestClient> transport) {
    try (var client = transport.apply(app(SecureHeaders.middleware()))) {
      for (String path : List.of("/page", "/boom", "/missing")) {
        var r = client.get(path).send();
        assertDefaults(r);
        assertThat(r.header("X-Frame-Options")).as(path).contains("DENY");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("transports")
  void aHeaderTheHandlerSetIsKept(Function<Keel, TestClient> transport) {
    try (var client = transport.apply(app(SecureHeaders.middleware()))) {
      var r = client.get("/embeddable").send();
      assertThat(r.headers().get("x-frame-options")).containsExactly("SAMEORIGIN");
      assertDefaults(r);
    }
  }

  @ParameterizedTest
  @MethodSource("transports")
  void headersCanBeOverriddenRemovedAndAdded(Function<Keel, TestClient> transport) {
    var custom =
        SecureHeaders.middleware()
            .with("content-security-policy", "default-src 'self'; img-src https://cdn.example.com")
            .without("X-Frame-Options")
            .with("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
            .with("Permissions-Policy", "camera=()");
    try (var client = transport.apply(app(custom))) {
      var r = client.get("/page").send();
      assertThat(r.header("Content-Security-Policy"))
          .contains("default-src 'self'; img-src https://cdn.example.com");
      assertThat(r.header("X-Frame-Options")).isEmpty();
      assertThat(r.header("Strict-Transport-Security"))
          .contains("max-age=63072000; includeSubDomains");
      assertThat(r.header("Permissions-Policy")).contains("camera=()");
      assertThat(r.header("X-Content-Type-Options")).contains("nosniff");
    }
  }

  @ParameterizedTest
  @MethodSource("transports")
  void settingsFromConfig(Function<Keel, TestClient> transport) {
    Keel app =
        Transports.app(
            "--keel.secure-headers.frame-options=off",
            "--keel.secure-headers.referrer-policy=strict-origin-when-cross-origin",
            "--keel.secure-headers.strict-transport-security=max-age=600");
    app.use(SecureHeaders.from(app.config())).get("/page", ctx -> "page");
    try (var client = transport.apply(app)) {
      var r = client.get("/page").send();
      assertThat(r.header("X-Frame-Options")).isEmpty();
      assertThat(r.header("Referrer-Policy")).contains("strict-origin-when-cross-origin");
      assertThat(r.header("Strict-Transport-Security")).contains("max-age=600");
    }
  }

  @Test
  void httpsTurnsOnStrictTransportSecurity() {
    var tls = Config.builder().args("--keel.server.tls.cert=cert.pem").build();
    assertThat(SecureHeaders.from(tls).headers())
        .contains(entry("Strict-Transport-Security", "max-age=31536000"));
    var off =
        Config.builder()
            .args(
                "--keel.server.tls.cert=cert.pem",
                "--keel.secure-headers.strict-transport-security=OFF")
            .build();
    assertThat(SecureHeaders.from(off).headers()).doesNotContainKey("Strict-Transport-Security");
    assertThat(SecureHeaders.middleware().headers()).doesNotContainKey("Strict-Transport-Security");
  }

  @Test
  void mistakesAreReportedWithTheFix() {
    assertThatThrownBy(() -> SecureHeaders.middleware().with("X-Frame-Options", " "))
        .hasMessage(
            "secure header X-Frame-Options has the value ' ', which is empty or has control"
                + " characters; to drop the header use without(\"X-Frame-Options\") or the value"
                + " off");
    assertThatThrownBy(() -> SecureHeaders.middleware().with("Bad Name", "x"))
        .hasMessage(
            "'Bad Name' is not a valid header name; use one such as Content-Security-Policy");

    Keel app = Transports.app("--keel.secure-headers.frame-option=SAMEORIGIN");
    app.use(SecureHeaders.from(app.config()));
    assertThatThrownBy(app::start)
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown key keel.secure-headers.frame-option")
        .hasMessageContaining("did you mean keel.secure-headers.frame-options?");
  }
}
