package dev.keel.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Static files: validators, ranges, content types, and no way out of the root. */
class StaticFilesTest {
  @TempDir static Path base;
  static Keel app;
  static HttpClient http = HttpClient.newHttpClient();
  static byte[] big;

  @BeforeAll
  static void start() throws IOException {
    Path root = Files.createDirectories(base.resolve("public"));
    Files.writeString(root.resolve("hello.txt"), "hello, static world");
    Files.writeString(root.resolve("style.css"), "body { color: red }");
    Files.createDirectories(root.resolve("sub"));
    Files.writeString(root.resolve("sub/page.html"), "<h1>sub</h1>");
    Files.writeString(root.resolve(".env"), "SECRET=1");
    big = new byte[300_000];
    for (int i = 0; i < big.length; i++) big[i] = (byte) (i % 251);
    Files.write(root.resolve("big.bin"), big);
    Files.writeString(base.resolve("outside.txt"), "TOP SECRET");
    Files.createSymbolicLink(root.resolve("escape.txt"), base.resolve("outside.txt"));
    Files.createSymbolicLink(root.resolve("inside-link.txt"), root.resolve("hello.txt"));
    app =
        Keel.create("--keel.server.port=0")
            .get("/assets/{*path}", StaticFiles.directory(root))
            .get(
                "/cp/{*path}",
                StaticFiles.classpath("static-test").cacheControl("public, max-age=60"))
            .start();
  }

  @AfterAll
  static void stop() {
    app.stop();
  }

  static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
    var b = HttpRequest.newBuilder(URI.create(app.url() + path));
    for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void servesFilesWithTypeAndValidators() throws Exception {
    var r = get("/assets/hello.txt");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("hello, static world");
    assertThat(r.headers().firstValue("content-type")).contains("text/plain; charset=UTF-8");
    assertThat(r.headers().firstValue("last-modified")).isPresent();
    String etag = r.headers().firstValue("etag").orElseThrow();

    assertThat(get("/assets/hello.txt", "If-None-Match", etag).statusCode()).isEqualTo(304);
    String lastModified = r.headers().firstValue("last-modified").orElseThrow();
    assertThat(get("/assets/hello.txt", "If-Modified-Since", lastModified).statusCode())
        .isEqualTo(304);
    assertThat(get("/assets/style.css").headers().firstValue("content-type"))
        .contains("text/css; charset=UTF-8");
    assertThat(get("/assets/sub/page.html").statusCode()).isEqualTo(200);
    assertThat(get("/assets/inside-link.txt").statusCode()).isEqualTo(200);
  }

  @Test
  void bigFilesArriveIntactAndRangesWork() throws Exception {
    assertThat(get("/assets/big.bin").body()).isEqualTo(big);
    var part = get("/assets/big.bin", "Range", "bytes=100-199");
    assertThat(part.statusCode()).isEqualTo(206);
    assertThat(part.headers().firstValue("content-range")).contains("bytes 100-199/300000");
    assertThat(part.body()).isEqualTo(java.util.Arrays.copyOfRange(big, 100, 200));
    var suffix = get("/assets/big.bin", "Range", "bytes=-10");
    assertThat(suffix.body())
        .isEqualTo(java.util.Arrays.copyOfRange(big, big.length - 10, big.length));
    var unsatisfiable = get("/assets/big.bin", "Range", "bytes=400000-");
    assertThat(unsatisfiable.statusCode()).isEqualTo(416);
    assertThat(unsatisfiable.headers().firstValue("content-range")).contains("bytes */300000");
  }

  @Test
  void classpathResources() throws Exception {
    var r = get("/cp/greeting.txt");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(new String(r.body(), StandardCharsets.UTF_8))
        .isEqualTo("hello from the classpath\n");
    assertThat(r.headers().firstValue("cache-control")).contains("public, max-age=60");
    assertThat(get("/cp/missing.txt").statusCode()).isEqualTo(404);
    assertThat(get("/cp/../keel.properties").statusCode()).isIn(400, 404);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/assets/../outside.txt",
        "/assets/%2e%2e/outside.txt",
        "/assets/%2E%2E%2Foutside.txt",
        "/assets/..%2foutside.txt",
        "/assets/%252e%252e/outside.txt",
        "/assets/sub/..%5c..%5coutside.txt",
        "/assets/..\\outside.txt",
        "/assets/%c0%ae%c0%ae/outside.txt",
        "/assets/%e0%80%ae%e0%80%ae/outside.txt",
        "/assets/escape.txt",
        "/assets/.env",
        "/assets/sub",
        "/assets/%00hello.txt",
        "/assets//etc/passwd",
        "/assets/C:/windows/win.ini"
      })
  void neverServesAnythingOutsideTheRoot(String path) throws Exception {
    try (var socket = new Socket("127.0.0.1", app.port())) {
      socket.setSoTimeout(5000);
      socket
          .getOutputStream()
          .write(
              ("GET " + path + " HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
      String response = readAll(socket.getInputStream());
      assertThat(response).doesNotContain("TOP SECRET").doesNotContain("SECRET=1");
      assertThat(response).matches("(?s)HTTP/1.1 (400|404) .*");
    }
  }

  private static String readAll(InputStream in) throws IOException {
    var out = new ByteArrayOutputStream();
    in.transferTo(out);
    return out.toString(StandardCharsets.ISO_8859_1);
  }
}
