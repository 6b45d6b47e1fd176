package dev.keel.core.internal.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link JsonText#suspect}'s byte scan against an oracle that decodes: a document is suspect
 * exactly when it is not strict UTF-8 or one of its decoded strings has NUL or a lone surrogate.
 * Random documents put escapes, pairs and multi-byte sequences across the scan's 8- and 32-byte
 * blocks.
 */
class JsonTextTest {
  private static final JsonMapper PLAIN = JsonMapper.builder().build();

  private static final List<String> ESCAPES =
      List.of(
          "\\\\",
          "\\\"",
          "\\n",
          "\\u0041",
          "\\u00e9",
          "\\u0000",
          "\\ud800",
          "\\uDBFF",
          "\\udc00",
          "\\uDFFF",
          "\\ud83d\\ude00",
          "\\uD83D\\uDE00",
          "\\ud83d\\u0041",
          "\\\\u0000",
          "\\/");

  private static final List<byte[]> RAW =
      List.of(
          "é".getBytes(UTF_8),
          "한".getBytes(UTF_8), // ED 95 9C: an ED lead that is fine
          "क".getBytes(UTF_8), // E0 A4 95: an E0 lead that is fine
          "😀".getBytes(UTF_8), // F0 9F 98 80
          "\uDBFF\uDFFF".getBytes(UTF_8), // F4 8F BF BF: U+10FFFF, the last code point
          new byte[] {(byte) 0xC0, (byte) 0x80}, // overlong NUL
          new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0x80}, // overlong NUL
          new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // an encoded surrogate
          new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // above U+10FFFF
          new byte[] {(byte) 0xC1, (byte) 0x81}); // overlong 'A'

  @Test
  void flagsExactlyWhatDecodesToNulALoneSurrogateOrIsNotUtf8() {
    var random = new Random(21);
    int suspects = 0;
    for (int run = 0; run < 20_000; run++) {
      byte[] doc = document(random);
      boolean expected = bad(doc);
      assertThat(JsonText.suspect(doc) >= 0).as(new String(doc, UTF_8)).isEqualTo(expected);
      if (expected) suspects++;
    }
    assertThat(suspects).as("both kinds are generated").isBetween(2_000, 18_000);
  }

  @Test
  void cleanDocumentsOfAnyLengthPass() {
    for (int n = 0; n < 100; n++) {
      byte[] doc =
          ("{\"s\":\"" + "a".repeat(n) + "é\\\\" + "b".repeat(n % 9) + "\"}").getBytes(UTF_8);
      assertThat(JsonText.suspect(doc)).as("length %d", doc.length).isEqualTo(-1);
    }
    assertThat(JsonText.suspect(new byte[0])).isEqualTo(-1);
  }

  @Test
  void theOffsetIsWhereTheProblemStarts() {
    assertThat(JsonText.suspect("{\"abcdefgh\": \"xyz\\u0000\"}".getBytes(UTF_8))).isEqualTo(17);
    assertThat(JsonText.suspect("\"\\ud800".getBytes(UTF_8)))
        .isEqualTo(1); // a lone high at the end
    assertThat(
            JsonText.suspect("{\"s\":\"a\"}".getBytes(java.nio.charset.StandardCharsets.UTF_16BE)))
        .isZero();
  }

  private static byte[] document(Random random) {
    var out = new ByteArrayOutputStream();
    out.writeBytes("{\"".getBytes(UTF_8));
    out.writeBytes("k".repeat(random.nextInt(12)).getBytes(UTF_8));
    out.writeBytes("\": [\"".getBytes(UTF_8));
    int parts = random.nextInt(6);
    for (int p = 0; p < parts; p++) {
      out.writeBytes("x".repeat(random.nextInt(40)).getBytes(UTF_8));
      int pick = random.nextInt(10);
      if (pick < 5) {
        out.writeBytes(ESCAPES.get(random.nextInt(ESCAPES.size())).getBytes(UTF_8));
      } else if (pick < 8) {
        // mostly the valid sequences, sometimes a bad one
        out.writeBytes(RAW.get(random.nextInt(random.nextInt(4) == 0 ? RAW.size() : 5)));
      } else {
        out.writeBytes("\", \"".getBytes(UTF_8));
      }
    }
    out.writeBytes("\"]}".getBytes(UTF_8));
    return out.toByteArray();
  }

  private static boolean bad(byte[] doc) {
    try {
      UTF_8.newDecoder().decode(ByteBuffer.wrap(doc)); // strict: overlong, surrogates, > U+10FFFF
    } catch (CharacterCodingException e) {
      return true;
    }
    var strings = new StringBuilder();
    PLAIN.readTree(doc).forEachEntry((k, v) -> v.forEach(e -> strings.append(e.asString())));
    return Unicode.firstBadChar(strings) >= 0;
  }
}
