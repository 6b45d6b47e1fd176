package dev.keel.core.internal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.core.Config;
import dev.keel.core.ConfigException;
import dev.keel.core.Keel;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/** HTTP/2 over TLS (ALPN) and cleartext, TLS from PEM files, and clear errors for bad files. */
class Http2AndTlsTest {

  private static Keel app(String... args) {
    return Keel.create(Config.builder().args(args).build())
        .get("/hello", ctx -> "hello over " + ctx.protocol())
        .post("/echo", ctx -> ctx.bodyText());
  }

  @Test
  void http2OverTlsWithAlpnAndHttp11Fallback() throws Exception {
    var cert = new SelfSignedCertificate("localhost");
    Keel app =
        app(
                "--keel.server.port=0",
                "--keel.server.tls.cert=" + cert.certificate().getPath(),
                "--keel.server.tls.key=" + cert.privateKey().getPath())
            .start();
    try {
      assertThat(app.url()).startsWith("https://");
      SSLContext ssl = trusting(cert.cert());
      try (var h2 =
          HttpClient.newBuilder().sslContext(ssl).version(HttpClient.Version.HTTP_2).build()) {
        var r = h2.send(request(app, "/hello"), HttpResponse.BodyHandlers.ofString());
        assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(r.body()).isEqualTo("hello over HTTP/2.0");
        // many concurrent streams on one connection
        var futures = new ArrayList<CompletableFuture<HttpResponse<String>>>();
        for (int i = 0; i < 50; i++) {
          futures.add(
              h2.sendAsync(
                  HttpRequest.newBuilder(URI.create(app.url() + "/echo"))
                      .POST(HttpRequest.BodyPublishers.ofString("stream " + i))
                      .build(),
                  HttpResponse.BodyHandlers.ofString()));
        }
        for (int i = 0; i < 50; i++)
          assertThat(futures.get(i).get().body()).isEqualTo("stream " + i);
      }
      try (var h1 =
          HttpClient.newBuilder().sslContext(ssl).version(HttpClient.Version.HTTP_1_1).build()) {
        var r = h1.send(request(app, "/hello"), HttpResponse.BodyHandlers.ofString());
        assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(r.body()).isEqualTo("hello over HTTP/1.1");
      }
    } finally {
      app.stop();
      cert.delete();
    }
  }

  @Test
  void h2cUpgradeOnCleartext() throws Exception {
    Keel app = app("--keel.server.port=0").start();
    try (var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build()) {
      var r = client.send(request(app, "/hello"), HttpResponse.BodyHandlers.ofString());
      assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_2);
      assertThat(r.body()).isEqualTo("hello over HTTP/2.0");
      var missing = client.send(request(app, "/missing"), HttpResponse.BodyHandlers.ofString());
      assertThat(missing.statusCode()).isEqualTo(404);
      assertThat(missing.headers().firstValue("content-type")).contains("application/problem+json");
    } finally {
      app.stop();
    }
  }

  @Test
  void h2cCanBeTurnedOff() throws Exception {
    Keel app = app("--keel.server.port=0", "--keel.server.h2c=false").start();
    try (var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build()) {
      var r = client.send(request(app, "/hello"), HttpResponse.BodyHandlers.ofString());
      assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
    } finally {
      app.stop();
    }
  }

  @Test
  void missingOrBrokenTlsFilesStopStartUpWithAClearMessage() throws Exception {
    var cert = new SelfSignedCertificate("localhost");
    try {
      assertThatThrownBy(
              () ->
                  app(
                          "--keel.server.port=0",
                          "--keel.server.tls.cert=" + cert.certificate().getPath())
                      .start())
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("keel.server.tls.key is not");
      assertThatThrownBy(
              () ->
                  app(
                          "--keel.server.port=0",
                          "--keel.server.tls.cert=/nonexistent/cert.pem",
                          "--keel.server.tls.key=" + cert.privateKey().getPath())
                      .start())
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("/nonexistent/cert.pem does not exist");
      assertThatThrownBy(
              () ->
                  app(
                          "--keel.server.port=0",
                          "--keel.server.tls.cert=" + cert.privateKey().getPath(),
                          "--keel.server.tls.key=" + cert.certificate().getPath())
                      .start())
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("could not be loaded");
    } finally {
      cert.delete();
    }
  }

  private static HttpRequest request(Keel app, String path) {
    return HttpRequest.newBuilder(URI.create(app.url() + path)).build();
  }

  private static SSLContext trusting(X509Certificate cert) throws Exception {
    var store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    store.setCertificateEntry("keel", cert);
    var tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(store);
    var ssl = SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    return ssl;
  }
}
