package dev.keel.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The certified npm {@code oidc-provider} (with playwright-core beside it for the browser test),
 * installed into {@code target/oidc-node} on first use and run with node on a port of the test's
 * choosing. The test makes the provider's RSA signing keys, so it can also mint tokens the provider
 * could have signed (wrong audience, expired) and tokens it could not (another key).
 */
final class LocalOpenIdProvider implements AutoCloseable {
  static final String OIDC_PROVIDER = "oidc-provider@9.13.3";
  static final String PLAYWRIGHT = "playwright-core@1.65.1";
  static final Path DIR = Path.of("target", "oidc-node").toAbsolutePath();

  final int port;
  final String issuer;
  private final Process process;
  private final Path log;

  private LocalOpenIdProvider(int port, Process process, Path log) {
    this.port = port;
    this.issuer = "http://127.0.0.1:" + port;
    this.process = process;
    this.log = log;
  }

  static RSAKey newKey(String kid) {
    try {
      return new RSAKeyGenerator(2048)
          .keyID(kid)
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.RS256)
          .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Starts the provider with {@code keys} (the first signs) and the test clients: {@code keel-web}
   * (authorization code, its callback on {@code appPort}), {@code keel-service} and {@code
   * short-lived} (client credentials, tokens of 4 s for the latter).
   */
  static LocalOpenIdProvider start(int port, int appPort, List<RSAKey> keys) throws Exception {
    install();
    String app = "http://127.0.0.1:" + appPort;
    List<Object> jwks = new ArrayList<>();
    for (RSAKey k : keys) jwks.add(k.toJSONObject());
    Map<String, Object> setup =
        Map.of(
            "keys",
            jwks,
            "clients",
            List.of(
                Map.of(
                    "client_id", "keel-web",
                    "client_secret", "web-secret",
                    "redirect_uris", List.of(app + "/login/oidc/callback"),
                    "post_logout_redirect_uris", List.of(app + "/bye"),
                    "grant_types", List.of("authorization_code"),
                    "response_types", List.of("code")),
                service("keel-service"),
                service("short-lived")));
    Path setupFile = DIR.resolve("setup-" + port + ".json");
    Files.writeString(setupFile, JSONObjectUtils.toJSONString(setup));
    try (InputStream script = LocalOpenIdProvider.class.getResourceAsStream("/oidc-provider.mjs")) {
      Files.copy(script, DIR.resolve("oidc-provider.mjs"), StandardCopyOption.REPLACE_EXISTING);
    }
    Path log = DIR.resolve("provider-" + port + ".log");
    Process p =
        new ProcessBuilder("node", "oidc-provider.mjs", String.valueOf(port), setupFile.toString())
            .directory(DIR.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    var provider = new LocalOpenIdProvider(port, p, log);
    provider.awaitReady();
    return provider;
  }

  private static Map<String, Object> service(String id) {
    return Map.of(
        "client_id",
        id,
        "client_secret",
        id + "-secret",
        "redirect_uris",
        List.of(),
        "grant_types",
        List.of("client_credentials"),
        "response_types",
        List.of(),
        "scope",
        "api:read api:write");
  }

  static synchronized void install() throws IOException, InterruptedException {
    if (Files.isDirectory(DIR.resolve("node_modules/oidc-provider"))
        && Files.isDirectory(DIR.resolve("node_modules/playwright-core"))) {
      return;
    }
    Files.createDirectories(DIR);
    Files.writeString(DIR.resolve("package.json"), "{\"private\":true,\"type\":\"module\"}");
    run(
        DIR,
        300,
        "npm",
        "install",
        "--no-audit",
        "--no-fund",
        "--silent",
        OIDC_PROVIDER,
        PLAYWRIGHT);
  }

  static String run(Path dir, int seconds, String... command)
      throws IOException, InterruptedException {
    var process =
        new ProcessBuilder(List.of(command))
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .start();
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish in " + seconds + " s");
    }
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      throw new AssertionError(command[0] + " exited " + process.exitValue() + ":\n" + out);
    }
    return out;
  }

  private void awaitReady() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plusSeconds(20);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) throw new AssertionError("oidc-provider exited:\n" + output());
      try {
        var r =
            http.send(
                HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
                    .timeout(Duration.ofSeconds(2))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) return;
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new AssertionError("oidc-provider did not start in 20 s:\n" + output());
  }

  String output() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How often the provider served {@code /jwks}, {@code /token} and introspection so far. */
  long count(String what) throws Exception {
    var r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(issuer + "/test/counts")).build(),
                HttpResponse.BodyHandlers.ofString());
    return ((Number) JSONObjectUtils.parse(r.body()).get(what)).longValue();
  }

  /** Makes the provider's next token response carry {@code idToken} as its ID token. */
  void nextIdToken(String idToken) throws Exception {
    var r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(issuer + "/test/next-id-token"))
                    .POST(HttpRequest.BodyPublishers.ofString(idToken))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
    if (r.statusCode() != 204) throw new AssertionError("next-id-token: " + r.statusCode());
  }

  /** A JWT access token as the provider would sign it, with {@code key}. */
  String mint(RSAKey key, String audience, Instant expires) {
    return mint(key, key.getKeyID(), issuer, audience, expires);
  }

  String mint(RSAKey key, String kid, String iss, String audience, Instant expires) {
    try {
      var claims =
          new JWTClaimsSet.Builder()
              .issuer(iss)
              .subject("mallory-service")
              .audience(audience)
              .claim("scope", "api:read")
              .issueTime(Date.from(Instant.now().minusSeconds(5)))
              .expirationTime(Date.from(expires))
              .build();
      var jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256)
                  .keyID(kid)
                  .type(new JOSEObjectType("at+jwt"))
                  .build(),
              claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
  }
}
