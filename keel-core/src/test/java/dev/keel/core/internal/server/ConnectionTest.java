package dev.keel.core.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.Config;
import dev.keel.core.Handler;
import dev.keel.core.Keel;
import dev.keel.core.StreamingBody;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keep-alive, pipelining, 100-continue, chunked bodies, deadlines and connection limits. */
class ConnectionTest {
  private static Keel app;

  @BeforeAll
  static void start() {
    app =
        Keel.create(
                Config.builder()
                    .args(
                        "--keel.server.port=0",
                        "--keel.server.header-timeout=1s",
                        "--keel.server.body-timeout=1s",
                        "--keel.server.idle-timeout=1200ms",
                        "--keel.server.max-connections=400")
                    .build())
            .get("/fast", Handler.nonBlocking(ctx -> "fast"))
            .get(
                "/slow/{ms}",
                ctx -> {
                  Thread.sleep(ctx.pathParam("ms", Long.class));
                  return "slow " + ctx.pathParam("ms");
                })
            .get("/thread", ctx -> Thread.currentThread().isVirtual() ? "virtual" : "platform")
            .get(
                "/loop-thread",
                Handler.nonBlocking(
                    ctx -> Thread.currentThread().isVirtual() ? "virtual" : "platform"))
            .post("/echo", ctx -> ctx.bodyText())
            .get(
                "/stream",
                ctx ->
                    StreamingBody.of(
                        "text/plain",
                        out -> {
                          for (int i = 0; i < 3; i++) {
                            out.write(("part" + i + "\n").getBytes(StandardCharsets.UTF_8));
                            out.flush();
                          }
                        }));
    app.start();
  }

  @AfterAll
  static void stop() {
    app.stop();
  }

  @Test
  void keepAliveServesSeveralRequestsOnOneConnection() throws Exception {
    try (var c = new RawClient(app.port())) {
      c.send("GET /fast HTTP/1.1\r\nHost: a\r\n\r\n");
      assertThat(c.readResponses(1)).startsWith("HTTP/1.1 200").endsWith("fast");
      c.send("GET /thread HTTP/1.1\r\nHost: a\r\n\r\n");
      assertThat(c.readResponses(1)).startsWith("HTTP/1.1 200").endsWith("virtual");
    }
  }

  @Test
  void handlersRunOnVirtualThreadsUnlessNonBlocking() throws Exception {
    try (var c = new RawClient(app.port())) {
      c.send("GET /loop-thread HTTP/1.1\r\nHost: a\r\n\r\n");
      assertThat(c.readResponses(1)).endsWith("platform");
    }
  }

  @Test
  void pipelinedResponsesLeaveInRequestOrder() throws Exception {
    try (var c = new RawClient(app.port())) {
      c.send(
          "GET /slow/300 HTTP/1.1\r\nHost: a\r\n\r\n"
              + "GET /fast HTTP/1.1\r\nHost: a\r\n\r\n"
              + "GET /slow/10 HTTP/1.1\r\nHost: a\r\n\r\n"
              + "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\n\r\nping");
      String all = c.readResponses(4);
      assertThat(all.indexOf("slow 300")).isLessThan(all.indexOf("fast"));
      assertThat(all.indexOf("fast")).isLessThan(all.indexOf("slow 10"));
      assertThat(all.indexOf("slow 10")).isLessThan(all.indexOf("ping"));
    }
  }

  @Test
  void sixteenDeepPipelineOfNonBlockingRoute() throws Exception {
    try (var c = new RawClient(app.port())) {
      c.send("GET /fast HTTP/1.1\r\nHost: a\r\n\r\n".repeat(16));
      String all = c.readResponses(16);
      assertThat(all.split("HTTP/1.1 200", -1)).hasSize(17);
    }
  }

  @Test
  void malformedPercentEncodingIs400() throws Exception {
    try (var c = new RawClient(app.port())) {
      c.send("GET /slow/%zz HTTP/1.1\r\nHost: a\r\n\r\n");
      assertThat(c.readResponses(1))
          .startsWith("HTTP/1.1 400")
          .contains("application/problem+json");
    }
  }

  @Test
  void chunkedRequestBodyIsReassembled() throws Exception {
    try (var c = new RawClient(app.port())) {
      c.send(
          "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
              + "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");
      assertThat(c.readResponses(1)).endsWith("hello world");
    }
  }

  @Test
  void expectContinueGets100BeforeTheBody() throws Exception {
    try (var c = new RawClient(app.port())) {
      c.send("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n");
      String interim = c.readResponses(1);
      assertThat(interim).startsWith("HTTP/1.1 100 Continue");
      c.send("abc");
      assertThat(c.readResponses(1)).startsWith("HTTP/1.1 200").endsWith("abc");
    }
  }

  @Test
  void expectContinueWithTooLargeBodyIs413WithoutReading() throws Exception {
    try (var c = new RawClient(app.port())) {
      String r =
          c.send(
                  "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999\r\n"
                      + "Expect: 100-continue\r\n\r\n")
              .readUntilClose(4000);
      assertThat(r).startsWith("HTTP/1.1 413").doesNotContain("100 Continue");
    }
  }

  @Test
  void streamedResponseIsChunked() throws Exception {
    try (var c = new RawClient(app.port())) {
      String r =
          c.send("GET /stream HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
              .readUntilClose(4000);
      assertThat(r).containsIgnoringCase("transfer-encoding: chunked");
      assertThat(r).contains("part0\n").contains("part2\n").endsWith("0\r\n\r\n");
    }
  }

  @Test
  void tricklingHeadersGet408AtTheHeaderDeadline() throws Exception {
    try (var c = new RawClient(app.port())) {
      long start = System.nanoTime();
      c.send("GET /fast HTTP/1.1\r\nX-Slow: ");
      for (int i = 0; i < 30 && c.available() == 0; i++) {
        Thread.sleep(100);
        c.send("x"); // one byte at a time: an idle timer alone would never fire
      }
      String r = c.readUntilClose(4000);
      assertThat(r).startsWith("HTTP/1.1 408").contains("keel.server.header-timeout");
      assertThat(r).contains("\"type\":\"https://keel.dev/problems/request-timeout\"");
      assertThat(r).contains("X-Content-Type-Options: nosniff"); // written before any route
      assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3500);
    }
  }

  @Test
  void slowBodyGets408AtTheBodyDeadline() throws Exception {
    try (var c = new RawClient(app.port())) {
      String r =
          c.send("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\nab")
              .readUntilClose(4000);
      assertThat(r).startsWith("HTTP/1.1 408").contains("keel.server.body-timeout");
      assertThat(r).contains("\"type\":\"https://keel.dev/problems/request-timeout\"");
      assertThat(r).contains("X-Content-Type-Options: nosniff");
    }
  }

  @Test
  void silentConnectionIsClosedAtTheHeaderDeadline() throws Exception {
    try (var c = new RawClient(app.port())) {
      String r = c.readUntilClose(4000);
      assertThat(r).startsWith("HTTP/1.1 408");
    }
  }

  @Test
  void idleKeepAliveConnectionIsClosed() throws Exception {
    try (var c = new RawClient(app.port())) {
      c.send("GET /fast HTTP/1.1\r\nHost: a\r\n\r\n");
      c.readResponses(1);
      assertThat(c.isClosedByServer(4000)).isTrue();
    }
  }

  @Test
  void hundredsOfHalfOpenConnectionsDoNotBlockANormalRequest() throws Exception {
    List<RawClient> idle = new ArrayList<>();
    try {
      for (int i = 0; i < 300; i++) {
        idle.add(new RawClient(app.port()).send("GET /fast HTTP/1.1\r\nHost: a\r\n"));
      }
      var http = HttpClient.newHttpClient();
      var response =
          http.send(
              HttpRequest.newBuilder(URI.create(app.url() + "/fast")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
    } finally {
      for (RawClient c : idle) c.close();
    }
  }

  @Test
  void connectionsBeyondTheLimitGet503AndAreClosed() throws Exception {
    var own =
        Keel.create(
                Config.builder()
                    .args("--keel.server.port=0", "--keel.server.max-connections=3")
                    .build())
            .get("/ok", ctx -> "ok");
    own.start();
    List<RawClient> held = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) held.add(new RawClient(own.port()));
      Thread.sleep(300); // connections are counted on the worker loops: let the three settle
      try (var extra = new RawClient(own.port())) {
        String r = extra.readUntilClose(3000);
        assertThat(r).startsWith("HTTP/1.1 503").contains("Too many connections");
        assertThat(r)
            .contains(
                "{\"type\":\"https://keel.dev/problems/too-many-connections\","
                    + "\"title\":\"Too many connections\",\"status\":503,");
        assertThat(r).contains("Retry-After: 1").contains("X-Content-Type-Options: nosniff");
      }
      held.remove(0).close();
      Thread.sleep(200); // the server sees the close
      try (var again = new RawClient(own.port())) {
        again.send("GET /ok HTTP/1.1\r\nHost: a\r\n\r\n");
        assertThat(again.readResponses(1)).startsWith("HTTP/1.1 200").endsWith("ok");
      }
    } finally {
      for (RawClient c : held) c.close();
      own.stop();
    }
  }

  @Test
  void concurrentBlockingRequestsDoNotQueueBehindEachOther() throws Exception {
    var http = HttpClient.newHttpClient();
    long start = System.nanoTime();
    var futures = new ArrayList<CompletableFuture<HttpResponse<String>>>();
    for (int i = 0; i < 50; i++) {
      futures.add(
          http.sendAsync(
              HttpRequest.newBuilder(URI.create(app.url() + "/slow/300")).build(),
              HttpResponse.BodyHandlers.ofString()));
    }
    for (var f : futures) assertThat(f.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    // 50 × 300 ms sequentially would be 15 s; on virtual threads they overlap.
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5000);
  }

  @Test
  void gracefulStopLetsAnInFlightRequestFinish() throws Exception {
    var started = new CountDownLatch(1);
    var own =
        Keel.create(Config.builder().args("--keel.server.port=0").build())
            .get(
                "/work",
                ctx -> {
                  started.countDown();
                  Thread.sleep(500);
                  return "done";
                });
    own.start();
    var http = HttpClient.newHttpClient();
    var future =
        http.sendAsync(
            HttpRequest.newBuilder(URI.create(own.url() + "/work")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
    own.stop();
    var response = future.get(5, TimeUnit.SECONDS);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("done");
  }
}
