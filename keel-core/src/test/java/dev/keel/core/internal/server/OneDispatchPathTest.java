package dev.keel.core.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.Config;
import dev.keel.core.Handler;
import dev.keel.core.NotFound;
import dev.keel.core.SecureHeaders;
import dev.keel.core.internal.http.ErrorMapper;
import dev.keel.core.internal.http.Pipeline;
import dev.keel.core.internal.http.ResultEncoder;
import dev.keel.core.internal.json.JsonCodec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The in-memory connection that the in-process test client uses runs the same code as a TCP
 * connection: the same raw request bytes get the same raw response bytes both ways (the {@code
 * Date} header aside, which moves with the clock), for ordinary answers, errors the pipeline maps,
 * and rejections the connection writes before routing.
 */
class OneDispatchPathTest {
  private static NettyServer server;
  private static int port;

  record Note(String text) {}

  @BeforeAll
  static void start() throws Exception {
    Config config =
        Config.builder().args("--keel.server.port=0", "--keel.server.max-body-size=100").build();
    var settings = ServerSettings.from(config);
    var json = new JsonCodec(JsonCodec.Limits.DEFAULT);
    var routes =
        List.of(
            new Pipeline.RouteSpec("GET", "/text", ctx -> "hello", List.of()),
            new Pipeline.RouteSpec(
                "GET", "/fast", Handler.nonBlocking(ctx -> new Note("quick")), List.of()),
            new Pipeline.RouteSpec(
                "POST",
                "/notes",
                ctx -> {
                  ctx.status(201).header("Location", "/notes/1");
                  return ctx.body(Note.class);
                },
                List.of()),
            new Pipeline.RouteSpec(
                "GET",
                "/missing",
                ctx -> {
                  throw new NotFound("no such note");
                },
                List.of()),
            new Pipeline.RouteSpec("GET", "/q", ctx -> ctx.query("tag").orElse("-"), List.of()),
            new Pipeline.RouteSpec("GET", "/big", ctx -> "x".repeat(5000), List.of()),
            new Pipeline.RouteSpec(
                "GET",
                "/stream",
                ctx ->
                    (dev.keel.core.StreamingBody)
                        out -> {
                          out.write("one,".getBytes(StandardCharsets.UTF_8));
                          out.flush();
                          out.write("two".getBytes(StandardCharsets.UTF_8));
                        },
                List.of()));
    var pipeline =
        new Pipeline(
            routes,
            List.of(SecureHeaders.middleware()),
            List.of(),
            List.of(),
            new ResultEncoder(json, new ResultEncoder.Options(true, true, 1024)),
            new ErrorMapper(Map.of()));
    server = new NettyServer(settings, pipeline, json);
    port = server.start();
  }

  @AfterAll
  static void stop() {
    server.stop(java.time.Duration.ZERO);
  }

  static Stream<Arguments> exchanges() {
    String post = "POST /notes HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n";
    return Stream.of(
        Arguments.of("text", "GET /text HTTP/1.1\r\nHost: a\r\n\r\n", 1),
        Arguments.of("non-blocking JSON", "GET /fast HTTP/1.1\r\nHost: a\r\n\r\n", 1),
        Arguments.of("HEAD", "HEAD /text HTTP/1.1\r\nHost: a\r\n\r\n", 1),
        Arguments.of("POST 201", post + "Content-Length: 16\r\n\r\n{\"text\":\"milk\"}\n", 1),
        Arguments.of(
            "chunked POST",
            post
                + "Transfer-Encoding: chunked\r\n\r\n5\r\n{\"tex\r\nb\r\nt\":\"milk\"}\r\n0\r\n\r\n",
            1),
        Arguments.of("422-ish bad JSON", post + "Content-Length: 7\r\n\r\n{\"text\"", 1),
        Arguments.of("404 by the handler", "GET /missing HTTP/1.1\r\nHost: a\r\n\r\n", 1),
        Arguments.of("404 no route", "GET /nowhere HTTP/1.1\r\nHost: a\r\n\r\n", 1),
        Arguments.of("405", "DELETE /text HTTP/1.1\r\nHost: a\r\n\r\n", 1),
        Arguments.of("bad query", "GET /q?tag=%zz HTTP/1.1\r\nHost: a\r\n\r\n", 1),
        Arguments.of("gzip", "GET /big HTTP/1.1\r\nHost: a\r\nAccept-Encoding: gzip\r\n\r\n", 1),
        Arguments.of("etag", "GET /big HTTP/1.1\r\nHost: a\r\nIf-None-Match: W/\"x\"\r\n\r\n", 1),
        Arguments.of("streamed", "GET /stream HTTP/1.1\r\nHost: a\r\n\r\n", 1),
        Arguments.of( // the second, non-blocking, runs after the first, blocking, has finished
            "pipelined",
            "GET /text HTTP/1.1\r\nHost: a\r\n\r\nGET /fast HTTP/1.1\r\nHost: a\r\n\r\n",
            2),
        Arguments.of("no Host (rejected before routing)", "GET /text HTTP/1.1\r\n\r\n", 1),
        Arguments.of("body over the limit", post + "Content-Length: 500\r\n\r\n", 1),
        Arguments.of("HTTP/1.2", "GET /text HTTP/1.2\r\nHost: a\r\n\r\n", 1),
        Arguments.of(
            "Connection: close", "GET /text HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n", 1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exchanges")
  void theSameBytesGetTheSameAnswerOverTcpAndInMemory(String name, String request, int responses)
      throws Exception {
    String overTcp;
    try (var client = new RawClient(port)) {
      client.send(request);
      overTcp = client.readUntilClose(400);
    }
    String inMemory = overLocalChannel(request);
    assertThat(withoutDate(overTcp.replace("<<timeout>>", "")))
        .isNotEmpty()
        .isEqualTo(withoutDate(inMemory));
    assertThat(overTcp.split("HTTP/1.1 \\d{3} ", -1)).as(overTcp).hasSize(responses + 1);
  }

  /**
   * Sends raw bytes over an in-memory connection and collects raw bytes for 400 ms or until close.
   */
  private static String overLocalChannel(String request) throws Exception {
    var out = new ByteArrayOutputStream();
    var closed = new CompletableFuture<Void>();
    Channel channel =
        server.connectLocally(
            p ->
                p.addLast(
                    new ChannelInboundHandlerAdapter() {
                      @Override
                      public void channelRead(ChannelHandlerContext ctx, Object msg) {
                        ByteBuf buf = (ByteBuf) msg;
                        synchronized (out) {
                          byte[] bytes = new byte[buf.readableBytes()];
                          buf.readBytes(bytes);
                          out.writeBytes(bytes);
                        }
                        buf.release();
                      }

                      @Override
                      public void channelInactive(ChannelHandlerContext ctx) {
                        closed.complete(null);
                      }
                    }));
    channel.writeAndFlush(Unpooled.copiedBuffer(request, StandardCharsets.ISO_8859_1));
    try {
      closed.get(400, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException stillOpen) {
      channel.close().syncUninterruptibly();
    }
    synchronized (out) {
      return out.toString(StandardCharsets.ISO_8859_1);
    }
  }

  private static String withoutDate(String response) {
    return response.replaceAll("(?im)^date: [^\r\n]*\r\n", "");
  }
}
