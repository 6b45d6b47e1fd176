package dev.keel.realtime;

import static dev.keel.realtime.FrameClient.BINARY;
import static dev.keel.realtime.FrameClient.CLOSE;
import static dev.keel.realtime.FrameClient.CONTINUATION;
import static dev.keel.realtime.FrameClient.PING;
import static dev.keel.realtime.FrameClient.PONG;
import static dev.keel.realtime.FrameClient.RSV1;
import static dev.keel.realtime.FrameClient.RSV2;
import static dev.keel.realtime.FrameClient.RSV3;
import static dev.keel.realtime.FrameClient.TEXT;
import static dev.keel.realtime.FrameClient.bytes;
import static dev.keel.realtime.FrameClient.closeBody;
import static dev.keel.realtime.FrameClient.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.Keel;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RFC 6455 sections 5 to 8, case by case, in the manner of the Autobahn test suite: raw frames over
 * a real socket to a real server, asserting the exact close code the server answers with (or the
 * echo it sends), that it closes TCP after its close frame, and that a frame it rejects never
 * reaches the handler. Permessage-deflate (RFC 7692) is covered where it changes what is valid.
 */
class WebSocketConformanceTest {
  private static Keel app;
  private static final Map<String, BlockingQueue<String>> events = new ConcurrentHashMap<>();
  private static final AtomicInteger ids = new AtomicInteger();

  @BeforeAll
  static void start() {
    app = Keel.create("--keel.server.port=0");
    Realtime rt = Realtime.create();
    app.install(rt);
    rt.ws("/echo/{id}", new Echo());
    rt.ws("/small/{id}", rt.defaults().withMaxMessageSize(1024, 4096), new Echo());
    rt.ws("/wide/{id}", rt.defaults().withMaxMessageSize(8192, 4096), new Echo());
    rt.ws("/plain/{id}", rt.defaults().withCompression(false), new Echo());
    app.start();
  }

  @AfterAll
  static void stop() {
    app.stop();
  }

  /** Echoes every message and records what the handler saw, per connection. */
  static final class Echo implements WebSocketHandler {
    private static void record(WebSocket s, String event) {
      events.computeIfAbsent(s.pathParams().get("id"), k -> new LinkedBlockingQueue<>()).add(event);
    }

    @Override
    public void onOpen(WebSocket s) {
      record(s, "open");
    }

    @Override
    public void onText(WebSocket s, String text) {
      record(s, "text:" + text);
      if (text.startsWith("!close ")) { // "!close CODE REASON": the server closes
        String[] parts = text.split(" ", 3);
        try {
          s.close(Integer.parseInt(parts[1]), parts[2]);
        } catch (IllegalArgumentException e) {
          s.send("refused: " + e.getMessage());
        }
        return;
      }
      s.send(text);
    }

    @Override
    public void onBinary(WebSocket s, byte[] data) {
      record(s, "binary:" + data.length);
      s.send(data);
    }

    @Override
    public void onClose(WebSocket s, int code, String reason) {
      record(s, "close:" + code);
    }
  }

  /** One connection to one route, with the id its handler events are recorded under. */
  private record Conn(String id, FrameClient client) implements AutoCloseable {
    /** Everything the handler saw, up to and including onClose. */
    List<String> serverEvents() throws InterruptedException {
      var queue = events.computeIfAbsent(id, k -> new LinkedBlockingQueue<>());
      List<String> seen = new ArrayList<>();
      String e;
      while ((e = queue.poll(5, TimeUnit.SECONDS)) != null) {
        seen.add(e);
        if (e.startsWith("close:")) break;
      }
      return seen;
    }

    /** The server fails the connection with {@code code}; the handler got no message. */
    void assertFails(int code) throws IOException, InterruptedException {
      assertThat(client.closeCode()).isEqualTo(code);
      assertThat(serverEvents()).containsExactly("open", "close:" + code);
    }

    void assertEchoText(byte[] expected) throws IOException {
      var frame = client.read();
      assertThat(frame.opcode()).as("%s", frame).isEqualTo(TEXT);
      assertThat(frame.fin()).isTrue();
      assertThat(frame.payload()).isEqualTo(expected);
    }

    @Override
    public void close() throws IOException {
      client.close();
    }
  }

  private static Conn open(String route) throws IOException {
    return open(route, false);
  }

  private static Conn open(String route, boolean offerDeflate) throws IOException {
    String id = Integer.toString(ids.incrementAndGet());
    String path = route + "/" + id;
    return new Conn(
        id,
        offerDeflate
            ? FrameClient.connectDeflate(app.port(), path)
            : FrameClient.connect(app.port(), path));
  }

  private static Conn openDeflate(String route) throws IOException {
    var conn = open(route, true);
    assertThat(conn.client().deflateNegotiated()).as(conn.client().handshake).isTrue();
    return conn;
  }

  // ---- 4.2.1 the opening handshake

  private static String handshake(String headers) throws IOException {
    try (var socket = new Socket("127.0.0.1", app.port())) {
      socket.setSoTimeout(5000);
      String request = "GET /echo/h HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @ParameterizedTest(name = "version {0}")
  @ValueSource(strings = {"8", "7", "0", "14"})
  void otherVersionsGet426WithTheSupportedOne(String version) throws Exception {
    String response =
        handshake(
            "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key:"
                + " dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: "
                + version
                + "\r\nConnection: close\r\n");
    assertThat(response)
        .startsWith("HTTP/1.1 426")
        .contains("\"type\":\"https://keel.dev/problems/websocket-version\"")
        .containsIgnoringCase("sec-websocket-version: 13")
        .contains("send Sec-WebSocket-Version: 13");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"", "Sec-WebSocket-Key: short\r\n", "Sec-WebSocket-Key: !!!!\r\n"})
  void aMissingOrMalformedKeyGets400(String key) throws Exception {
    String response =
        handshake(
            "Upgrade: websocket\r\nConnection: Upgrade, close\r\nSec-WebSocket-Version: 13\r\n"
                + key);
    assertThat(response).startsWith("HTTP/1.1 400").contains("Sec-WebSocket-Key");
    assertThat(response).contains("\"type\":\"https://keel.dev/problems/websocket-handshake\"");
  }

  @Test
  void aHandshakeWithoutConnectionUpgradeGets400() throws Exception {
    String response =
        handshake(
            "Upgrade: websocket\r\nConnection: close\r\nSec-WebSocket-Key:"
                + " dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n");
    assertThat(response).startsWith("HTTP/1.1 400").contains("Connection: Upgrade");
    assertThat(response).contains("\"type\":\"https://keel.dev/problems/websocket-handshake\"");
  }

  // ---- 5.2 base framing

  @ParameterizedTest(name = "{0} bytes") // 7-bit, 16-bit and 64-bit length forms
  @ValueSource(ints = {0, 1, 125, 126, 127, 65535, 65536})
  void textOfEveryLengthFormIsEchoed(int length) throws Exception {
    try (var c = open("/echo")) {
      byte[] payload = utf8("x".repeat(length));
      c.client().frame(true, 0, TEXT, payload);
      c.assertEchoText(payload);
    }
  }

  @Test
  void binaryIsEchoedByteForByte() throws Exception {
    try (var c = open("/echo")) {
      byte[] data = new byte[256];
      for (int i = 0; i < data.length; i++) data[i] = (byte) i;
      c.client().frame(true, 0, BINARY, data);
      var frame = c.client().read();
      assertThat(frame.opcode()).isEqualTo(BINARY);
      assertThat(frame.payload()).isEqualTo(data);
    }
  }

  static Stream<Arguments> reservedBits() { // Autobahn 3.1-3.7
    return Stream.of(
        Arguments.of(RSV3, TEXT),
        Arguments.of(RSV2, TEXT),
        Arguments.of(RSV2 | RSV3, TEXT),
        Arguments.of(RSV1, TEXT),
        Arguments.of(RSV1 | RSV3, BINARY),
        Arguments.of(RSV1 | RSV2, PING),
        Arguments.of(RSV1 | RSV2 | RSV3, CLOSE));
  }

  @ParameterizedTest(name = "rsv={0} opcode={1}")
  @MethodSource("reservedBits")
  void reservedBitsWithoutAnExtensionFailWith1002(int rsv, int opcode) throws Exception {
    try (var c = open("/echo")) {
      c.client()
          .frame(true, rsv, opcode, opcode == CLOSE ? closeBody(1000, new byte[0]) : utf8("hi"));
      c.assertFails(1002);
    }
  }

  @Test
  void rsv1FailsWhenTheRouteDeclinedCompression() throws Exception {
    try (var c = open("/plain", true)) {
      assertThat(c.client().deflateNegotiated()).isFalse();
      c.client().frame(true, RSV1, TEXT, utf8("hi"));
      c.assertFails(1002);
    }
  }

  @ParameterizedTest(name = "opcode {0}") // Autobahn 4.1.x, 4.2.x
  @ValueSource(ints = {3, 4, 5, 6, 7, 11, 12, 13, 14, 15})
  void reservedOpcodesFailWith1002(int opcode) throws Exception {
    try (var c = open("/echo")) {
      c.client().frame(true, 0, opcode, utf8("hi"));
      c.assertFails(1002);
    }
  }

  @Test
  void unmaskedClientFrameFailsWith1002() throws Exception { // 5.1
    try (var c = open("/echo")) {
      c.client().unmaskedFrame(true, TEXT, utf8("hi"));
      c.assertFails(1002);
    }
  }

  @Test
  void nonMinimalLengthFailsWith1002() throws Exception { // 5.2: "the minimal number of bytes"
    try (var c = open("/echo")) {
      c.client().raw(bytes(0x81, 0x80 | 126, 0, 2, 0, 0, 0, 0, 'h', 'i'));
      c.assertFails(1002);
    }
  }

  @Test
  void lengthWithTheHighBitSetFailsWith1002() throws Exception { // 5.2: "MUST be 0"
    try (var c = open("/echo")) {
      c.client().raw(bytes(0x81, 0x80 | 127, 0x80, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 'h', 'i'));
      c.assertFails(1002);
    }
  }

  // ---- 5.4 fragmentation

  @Test
  void fragmentsMakeOneMessage() throws Exception {
    try (var c = open("/echo")) {
      var f = c.client();
      f.send(
          f.encode(false, 0, TEXT, utf8("frag")),
          f.encode(false, 0, CONTINUATION, utf8("men")),
          f.encode(true, 0, CONTINUATION, utf8("ted")));
      c.assertEchoText(utf8("fragmented"));
      f.close(1000, new byte[0]);
      assertThat(f.closeCode()).isEqualTo(1000);
      assertThat(c.serverEvents()).containsExactly("open", "text:fragmented", "close:1000");
    }
  }

  @Test
  void emptyFragmentsMakeAnEmptyMessage() throws Exception {
    try (var c = open("/echo")) {
      var f = c.client();
      f.send(
          f.encode(false, 0, TEXT, new byte[0]),
          f.encode(false, 0, CONTINUATION, new byte[0]),
          f.encode(true, 0, CONTINUATION, new byte[0]));
      c.assertEchoText(new byte[0]);
    }
  }

  @Test
  void pingBetweenFragmentsIsAnsweredAndTheMessageStillArrives() throws Exception { // 5.4, 5.5
    try (var c = open("/echo")) {
      var f = c.client();
      f.send(
          f.encode(false, 0, TEXT, utf8("a")),
          f.encode(true, 0, PING, utf8("in between")),
          f.encode(true, 0, CONTINUATION, utf8("b")));
      var pong = f.read();
      assertThat(pong.opcode()).isEqualTo(PONG);
      assertThat(pong.text()).isEqualTo("in between");
      c.assertEchoText(utf8("ab"));
    }
  }

  @ParameterizedTest(name = "fin={0}") // Autobahn 5.9-5.12
  @ValueSource(booleans = {true, false})
  void continuationWithoutAStartedMessageFailsWith1002(boolean fin) throws Exception {
    try (var c = open("/echo")) {
      c.client().frame(fin, 0, CONTINUATION, utf8("orphan"));
      c.assertFails(1002);
    }
  }

  @Test
  void continuationAfterAFinishedMessageFailsWith1002() throws Exception {
    try (var c = open("/echo")) {
      var f = c.client();
      f.text("done");
      c.assertEchoText(utf8("done"));
      f.frame(true, 0, CONTINUATION, utf8("orphan"));
      assertThat(f.closeCode()).isEqualTo(1002);
      assertThat(c.serverEvents()).containsExactly("open", "text:done", "close:1002");
    }
  }

  @ParameterizedTest(name = "opcode {0}")
  @ValueSource(ints = {TEXT, BINARY})
  void newMessageWhileOneIsOpenFailsWith1002(int opcode) throws Exception {
    try (var c = open("/echo")) {
      var f = c.client();
      f.send(f.encode(false, 0, TEXT, utf8("a")), f.encode(true, 0, opcode, utf8("b")));
      c.assertFails(1002);
    }
  }

  // ---- 5.5 control frames

  @ParameterizedTest(name = "opcode {0}") // Autobahn 5.1, 5.2
  @ValueSource(ints = {PING, PONG, CLOSE})
  void fragmentedControlFrameFailsWith1002(int opcode) throws Exception {
    try (var c = open("/echo")) {
      var f = c.client();
      byte[] body = opcode == CLOSE ? closeBody(1000, new byte[0]) : utf8("x");
      f.send(f.encode(false, 0, opcode, body), f.encode(true, 0, CONTINUATION, new byte[0]));
      c.assertFails(1002);
    }
  }

  @ParameterizedTest(name = "{0} bytes") // Autobahn 2.1-2.4
  @ValueSource(ints = {0, 5, 125})
  void pingIsAnsweredWithAPongCarryingItsPayload(int length) throws Exception {
    try (var c = open("/echo")) {
      byte[] payload = new byte[length];
      for (int i = 0; i < length; i++) payload[i] = (byte) (i * 7);
      c.client().frame(true, 0, PING, payload);
      var pong = c.client().read();
      assertThat(pong.opcode()).isEqualTo(PONG);
      assertThat(pong.payload()).isEqualTo(payload);
    }
  }

  @ParameterizedTest(name = "opcode {0}") // Autobahn 2.5, 7.3.6
  @ValueSource(ints = {PING, PONG, CLOSE})
  void controlFrameOver125BytesFailsWith1002(int opcode) throws Exception {
    try (var c = open("/echo")) {
      c.client()
          .frame(true, 0, opcode, opcode == CLOSE ? closeBody(1000, new byte[124]) : new byte[126]);
      c.assertFails(1002);
    }
  }

  @Test
  void unsolicitedPongsAreIgnored() throws Exception { // Autobahn 2.7, 2.8
    try (var c = open("/echo")) {
      var f = c.client();
      f.send(f.encode(true, 0, PONG, new byte[0]), f.encode(true, 0, PONG, utf8("unasked")));
      f.text("after");
      c.assertEchoText(utf8("after"));
    }
  }

  @Test
  void everyPingGetsItsPong() throws Exception { // Autobahn 2.10
    try (var c = open("/echo")) {
      var f = c.client();
      var frames = new byte[10][];
      for (int i = 0; i < 10; i++) frames[i] = f.encode(true, 0, PING, utf8("p" + i));
      f.send(frames);
      for (int i = 0; i < 10; i++) assertThat(f.read().text()).isEqualTo("p" + i);
    }
  }

  // ---- 8.1 UTF-8 (RFC 3629) in text messages

  static Stream<Arguments> validUtf8() { // Autobahn 6.2, 6.5, 6.22, 6.23
    return Stream.of(
        Arguments.of(Named.of("Greek kosme", "κόσμε")),
        Arguments.of(Named.of("U+0000", "\u0000")),
        Arguments.of(Named.of("U+FEFF", "\uFEFF")),
        Arguments.of(Named.of("noncharacter U+FFFF", "\uFFFF")),
        Arguments.of(Named.of("noncharacter U+FFFE", "\uFFFE")),
        Arguments.of(Named.of("U+10FFFF", "\uDBFF\uDFFF")),
        Arguments.of(Named.of("emoji U+1F600", "\uD83D\uDE00")),
        Arguments.of(Named.of("replacement character", "\uFFFD")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validUtf8")
  void validUtf8IsEchoedExactly(String text) throws Exception {
    try (var c = open("/echo")) {
      c.client().text(text);
      c.assertEchoText(utf8(text));
    }
  }

  @ParameterizedTest(name = "{0}") // Autobahn 6.2.3, 6.2.4: a code point split across frames
  @MethodSource("validUtf8")
  void validUtf8SplitAtEveryByteIsOneMessage(String text) throws Exception {
    try (var c = open("/echo")) {
      var f = c.client();
      byte[] all = utf8("a" + text + "z");
      var frames = new byte[all.length + 1][];
      for (int i = 0; i < all.length; i++) {
        frames[i] = f.encode(false, 0, i == 0 ? TEXT : CONTINUATION, new byte[] {all[i]});
      }
      frames[all.length] = f.encode(true, 0, CONTINUATION, new byte[0]);
      f.send(frames);
      c.assertEchoText(all);
    }
  }

  static Stream<Arguments> invalidUtf8() { // Autobahn 6.3-6.21
    return Stream.of(
        invalid(
            "6.3.1 kosme then a surrogate",
            0xce,
            0xba,
            0xe1,
            0xbd,
            0xb9,
            0xcf,
            0x83,
            0xce,
            0xbc,
            0xce,
            0xb5,
            0xed,
            0xa0,
            0x80,
            0x65,
            0x64,
            0x69,
            0x74,
            0x65,
            0x64),
        invalid("lone continuation byte", 0x80),
        invalid("continuation bytes", 0x80, 0xbf, 0x80),
        invalid("lone start byte", 0xc0, 0x20),
        invalid("2-byte sequence cut short", 0x61, 0xce),
        invalid("3-byte sequence cut short", 0xe1, 0xbd),
        invalid("4-byte sequence cut short", 0xf0, 0x9f, 0x98),
        invalid("byte FE", 0xfe),
        invalid("byte FF", 0xff),
        invalid("5-byte sequence", 0xf8, 0x88, 0x80, 0x80, 0x80),
        invalid("6-byte sequence", 0xfc, 0x84, 0x80, 0x80, 0x80, 0x80),
        invalid("overlong slash (2 bytes)", 0xc0, 0xaf),
        invalid("overlong slash (3 bytes)", 0xe0, 0x80, 0xaf),
        invalid("overlong slash (4 bytes)", 0xf0, 0x80, 0x80, 0xaf),
        invalid("maximum overlong (2 bytes)", 0xc1, 0xbf),
        invalid("maximum overlong (3 bytes)", 0xe0, 0x9f, 0xbf),
        invalid("maximum overlong (4 bytes)", 0xf0, 0x8f, 0xbf, 0xbf),
        invalid("overlong NUL", 0xc0, 0x80),
        invalid("surrogate U+D800", 0xed, 0xa0, 0x80),
        invalid("surrogate U+DFFF", 0xed, 0xbf, 0xbf),
        invalid("surrogate pair", 0xed, 0xa0, 0x80, 0xed, 0xb0, 0x80),
        invalid("beyond U+10FFFF", 0xf4, 0x90, 0x80, 0x80),
        invalid("start byte F5", 0xf5, 0x80, 0x80, 0x80));
  }

  private static Arguments invalid(String name, int... b) {
    return Arguments.of(Named.of(name, bytes(b)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidUtf8")
  void invalidUtf8FailsWith1007(byte[] payload) throws Exception {
    try (var c = open("/echo")) {
      c.client().frame(true, 0, TEXT, payload);
      c.assertFails(1007);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidUtf8")
  void invalidUtf8SplitAtEveryByteFailsWith1007(byte[] payload) throws Exception {
    try (var c = open("/echo")) {
      var f = c.client();
      var frames = new byte[payload.length][];
      for (int i = 0; i < payload.length; i++) {
        boolean last = i == payload.length - 1;
        frames[i] = f.encode(last, 0, i == 0 ? TEXT : CONTINUATION, new byte[] {payload[i]});
      }
      f.send(frames);
      c.assertFails(1007);
    }
  }

  @Test
  void codePointBrokenAcrossFramesFailsWith1007() throws Exception {
    try (var c = open("/echo")) {
      var f = c.client();
      f.send(
          f.encode(false, 0, TEXT, bytes(0xf0, 0x9f)), f.encode(true, 0, CONTINUATION, utf8("A")));
      c.assertFails(1007);
    }
  }

  @Test
  void invalidFirstFragmentFailsWithoutWaitingForTheRest() throws Exception { // Autobahn 6.4.1
    try (var c = open("/echo")) {
      c.client().frame(false, 0, TEXT, bytes(0xce, 0xba, 0xed, 0xa0, 0x80));
      c.assertFails(1007);
    }
  }

  @Test
  void binaryMessagesAreNotCheckedForUtf8() throws Exception {
    try (var c = open("/echo")) {
      c.client().frame(true, 0, BINARY, bytes(0xff, 0xfe, 0xed, 0xa0, 0x80));
      assertThat(c.client().read().payload()).isEqualTo(bytes(0xff, 0xfe, 0xed, 0xa0, 0x80));
    }
  }

  // ---- 5.5.1 and 7 the closing handshake

  @ParameterizedTest(name = "{0}") // Autobahn 7.7.x, and 1012-1014 registered with IANA since
  @ValueSource(
      ints = {
        1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 3000, 3999, 4000,
        4999
      })
  void validCloseCodeIsEchoedThenTcpCloses(int code) throws Exception {
    try (var c = open("/echo")) {
      c.client().close(code, utf8("bye"));
      assertThat(c.client().closeCode()).isEqualTo(code);
      assertThat(c.serverEvents()).containsExactly("open", "close:" + code);
    }
  }

  @Test
  void closeWithoutACodeIsAnsweredWith1000() throws Exception { // Autobahn 7.3.1
    try (var c = open("/echo")) {
      c.client().frame(true, 0, CLOSE, new byte[0]);
      assertThat(c.client().closeCode()).isEqualTo(1000);
      assertThat(c.serverEvents()).containsExactly("open", "close:1005");
    }
  }

  @Test
  void closeWithTheLongestReasonIsEchoed() throws Exception { // Autobahn 7.3.5
    try (var c = open("/echo")) {
      c.client().close(1000, utf8("κ".repeat(61) + "x")); // 123 bytes
      assertThat(c.client().closeCode()).isEqualTo(1000);
    }
  }

  @ParameterizedTest(name = "{0}") // Autobahn 7.9.x
  @ValueSource(ints = {0, 999, 1004, 1005, 1006, 1015, 1016, 1100, 2000, 2999, 5000, 65535})
  void invalidCloseCodeFailsWith1002(int code) throws Exception {
    try (var c = open("/echo")) {
      c.client().close(code, new byte[0]);
      c.assertFails(1002);
    }
  }

  @Test
  void oneByteClosePayloadFailsWith1002() throws Exception { // Autobahn 7.3.2
    try (var c = open("/echo")) {
      c.client().frame(true, 0, CLOSE, bytes(0x03));
      c.assertFails(1002);
    }
  }

  @ParameterizedTest(name = "{0}") // Autobahn 7.5.1
  @MethodSource("invalidUtf8")
  void closeReasonThatIsNotUtf8FailsWith1002(byte[] reason) throws Exception {
    try (var c = open("/echo")) {
      c.client().close(1000, reason);
      c.assertFails(1002);
    }
  }

  @Test
  void framesAfterTheCloseAreIgnored() throws Exception { // Autobahn 7.1.2-7.1.4
    try (var c = open("/echo")) {
      var f = c.client();
      f.send(
          f.encode(true, 0, CLOSE, closeBody(1000, new byte[0])),
          f.encode(true, 0, TEXT, utf8("late")),
          f.encode(true, 0, PING, utf8("late")));
      assertThat(f.closeCode()).isEqualTo(1000);
      assertThat(c.serverEvents()).containsExactly("open", "close:1000");
    }
  }

  @Test
  void closeInsideAFragmentedMessageEndsItUndelivered() throws Exception { // Autobahn 7.1.5
    try (var c = open("/echo")) {
      var f = c.client();
      f.send(
          f.encode(false, 0, TEXT, utf8("never")),
          f.encode(true, 0, CLOSE, closeBody(1000, new byte[0])),
          f.encode(true, 0, CONTINUATION, utf8(" finished")));
      assertThat(f.closeCode()).isEqualTo(1000);
      assertThat(c.serverEvents()).containsExactly("open", "close:1000");
    }
  }

  @Test
  void serverCloseCutsALongReasonToAValidFrame() throws Exception {
    try (var c = open("/echo")) {
      c.client().text("!close 4000 " + "κ".repeat(100)); // 200 bytes of reason
      var frame = c.client().read();
      assertThat(frame.opcode()).isEqualTo(CLOSE);
      assertThat(frame.closeCode()).isEqualTo(4000);
      assertThat(frame.payload().length).isLessThanOrEqualTo(125);
      assertThat(frame.text().substring(2)).isEqualTo("κ".repeat(61)); // 122 of 123 bytes
      assertThat(c.client().closedByServer()).isTrue();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(ints = {1005, 1006, 1015, 999, 5000})
  void serverCloseWithACodeThatMayNotBeSentIsRefused(int code) throws Exception {
    try (var c = open("/echo")) {
      c.client().text("!close " + code + " bye");
      c.assertEchoText(
          utf8(
              "refused: WebSocket close code "
                  + code
                  + " may not be sent (expected: 1000-1003, 1007-1014 or 3000-4999; RFC 6455"
                  + " section 7.4)"));
      c.client().text("still open");
      c.assertEchoText(utf8("still open"));
    }
  }

  // ---- 10.4 limits

  @Test
  void frameOverTheFrameLimitFailsWith1009() throws Exception {
    try (var c = open("/small")) {
      c.client().frame(true, 0, BINARY, new byte[1025]);
      c.assertFails(1009);
    }
  }

  @Test
  void fragmentsOverTheMessageLimitFailWith1009() throws Exception {
    try (var c = open("/small")) {
      var f = c.client();
      var frames = new byte[5][];
      for (int i = 0; i < 5; i++) {
        frames[i] = f.encode(i == 4, 0, i == 0 ? TEXT : CONTINUATION, utf8("x".repeat(1000)));
      }
      f.send(frames);
      c.assertFails(1009);
    }
  }

  @Test
  void singleFrameOverTheMessageLimitFailsWith1009() throws Exception {
    try (var c = open("/wide")) { // frames up to 8 KiB, messages up to 4 KiB
      c.client().frame(true, 0, TEXT, utf8("x".repeat(5000)));
      c.assertFails(1009);
    }
  }

  // ---- RFC 7692 permessage-deflate: only RSV1, only on a message's first frame

  @Test
  void compressedMessagesAreEchoed() throws Exception {
    try (var c = openDeflate("/echo")) {
      var f = c.client();
      for (String text : List.of("hello κόσμε", "again, with the shared context", "")) {
        f.frame(true, RSV1, TEXT, f.compress(utf8(text)));
        c.assertEchoText(utf8(text));
      }
    }
  }

  @Test
  void compressedMessageInFragmentsIsEchoed() throws Exception {
    try (var c = openDeflate("/echo")) {
      var f = c.client();
      byte[] text = utf8("κόσμε ".repeat(50));
      byte[] z = f.compress(text);
      int half = z.length / 2;
      f.send(
          f.encode(false, RSV1, TEXT, Arrays.copyOfRange(z, 0, half)),
          f.encode(true, 0, CONTINUATION, Arrays.copyOfRange(z, half, z.length)));
      c.assertEchoText(text);
    }
  }

  @Test
  void uncompressedMessagesStayAllowed() throws Exception {
    try (var c = openDeflate("/echo")) {
      c.client().text("plain");
      c.assertEchoText(utf8("plain"));
    }
  }

  static Stream<Arguments> badBitsUnderDeflate() {
    return Stream.of(
        Arguments.of(Named.of("RSV2 on text", RSV2), TEXT, false),
        Arguments.of(Named.of("RSV3 on text", RSV3), TEXT, false),
        Arguments.of(Named.of("RSV1|RSV2 on binary", RSV1 | RSV2), BINARY, false),
        Arguments.of(Named.of("RSV1 on ping", RSV1), PING, false),
        Arguments.of(Named.of("RSV1 on close", RSV1), CLOSE, false),
        Arguments.of(Named.of("RSV1 on a continuation", RSV1), CONTINUATION, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badBitsUnderDeflate")
  void otherReservedBitsFailWith1002EvenWithDeflate(int rsv, int opcode, boolean afterStart)
      throws Exception {
    try (var c = openDeflate("/echo")) {
      var f = c.client();
      byte[] body = opcode == CLOSE ? closeBody(1000, new byte[0]) : f.compress(utf8("hi"));
      if (afterStart) {
        f.send(f.encode(false, 0, TEXT, utf8("start")), f.encode(true, rsv, opcode, utf8("end")));
      } else {
        f.frame(true, rsv, opcode, body);
      }
      c.assertFails(1002);
    }
  }

  @Test
  void compressedInvalidUtf8FailsWith1007() throws Exception {
    try (var c = openDeflate("/echo")) {
      var f = c.client();
      f.frame(true, RSV1, TEXT, f.compress(bytes(0x61, 0xed, 0xa0, 0x80)));
      c.assertFails(1007);
    }
  }

  @Test
  void compressedMessageThatInflatesOverTheLimitFailsWith1009() throws Exception {
    try (var c = openDeflate("/small")) { // 100 KB of 'x' is a few hundred bytes compressed
      var f = c.client();
      byte[] z = f.compress(utf8("x".repeat(100_000)));
      assertThat(z.length).isLessThan(1024);
      f.frame(true, RSV1, TEXT, z);
      c.assertFails(1009);
    }
  }
}
