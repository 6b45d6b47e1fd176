package dev.keel.core.internal.json;

import dev.keel.core.BadRequest;
import dev.keel.core.HttpException;
import dev.keel.core.ProblemTypes;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps NUL and unpaired surrogates ({@link Unicode}) out of every string of a JSON document:
 * values, map keys and property names, at any depth, whatever type reads them ({@code JsonNode} and
 * {@code Map<String, Object>} included).
 *
 * <p>Jackson decodes them from escapes (<code>&#92;u0000</code>, a lone <code>&#92;ud800</code>)
 * and, being lenient about UTF-8, from overlong forms such as {@code C0 80}. So before parsing,
 * {@link #suspect} makes one pass over the raw bytes that stops only at a backslash or a byte of
 * 0x80 and above; valid JSON without escapes or non-ASCII text costs one comparison per byte. Only
 * a document that has a suspect sequence is read a second time, token by token, by {@link
 * #explain}, to name the field.
 */
final class JsonText {
  private JsonText() {}

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH = 0x8080808080808080L;
  private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;

  /**
   * The offset of the first escape or byte sequence that may decode to NUL or a lone surrogate, or
   * is not UTF-8 (a raw NUL byte: UTF-16 or UTF-32 text); -1 when there is none. Eight bytes at a
   * time while they are ASCII without a backslash or NUL (SWAR: one 64-bit test for all eight),
   * byte by byte around the others.
   */
  static int suspect(byte[] json) {
    int n = json.length;
    int i = 0;
    while (i < n) {
      if (i + 8 <= n) {
        long x = (long) LONGS.get(json, i);
        long y = x ^ BACKSLASHES;
        // a byte with its high bit set, a zero byte, or a zero byte of y (a backslash in x)
        if (((x | ((x - ONES) & ~x) | ((y - ONES) & ~y)) & HIGH) == 0) {
          i += 8;
          continue;
        }
      }
      for (int end = Math.min(i + 32, n); i < end; i++) {
        byte kind = KINDS[json[i] & 0xFF];
        if (kind == PLAIN) continue;
        if (kind == ESCAPE) {
          int after = escapeEnd(json, i);
          if (after < 0) return i;
          i = after - 1;
        } else if (malformed(kind, i + 1 < n ? json[i + 1] & 0xFF : 0)) {
          return i;
        }
      }
    }
    return -1;
  }

  /**
   * Where the escape at {@code i} ends, or -1 when it is <code>&#92;u0000</code> or a surrogate
   * without its partner: a high one (<code>&#92;uD800</code>-<code>&#92;uDBFF</code>) is valid only
   * right before an escaped low one.
   */
  private static int escapeEnd(byte[] json, int i) {
    int n = json.length;
    if (i + 5 >= n || json[i + 1] != 'u') return i + 2; // the escaped character, maybe a backslash
    int u = hex4(json, i + 2);
    if (u < 0) return i + 2; // not an escape Jackson accepts; it reports it
    if (u == 0 || (u >= 0xDC00 && u <= 0xDFFF)) return -1;
    if (u >= 0xD800 && u <= 0xDBFF) {
      int low = i + 11 < n && json[i + 6] == '\\' && json[i + 7] == 'u' ? hex4(json, i + 8) : -1;
      return low >= 0xDC00 && low <= 0xDFFF ? i + 12 : -1;
    }
    return i + 6;
  }

  // What each byte value asks of the scan: most bytes, continuation bytes and valid leads
  // included, nothing. The lead bytes UTF-8 forbids or restricts are those of overlong forms (C0
  // 80 and E0 80 80 decode to NUL in Jackson), encoded surrogates (ED A0-BF) and code points above
  // U+10FFFF (F4 90 and up, F5-FF).
  private static final byte PLAIN = 0;
  private static final byte ESCAPE = 1;
  private static final byte BAD = 2;
  private static final byte E0 = 3;
  private static final byte ED = 4;
  private static final byte F0 = 5;
  private static final byte F4 = 6;
  private static final byte[] KINDS = new byte[256];

  static {
    KINDS[0] = BAD; // a raw NUL: never in UTF-8 JSON, everywhere in UTF-16 and UTF-32
    KINDS['\\'] = ESCAPE;
    KINDS[0xC0] = BAD;
    KINDS[0xC1] = BAD;
    for (int b = 0xF5; b <= 0xFF; b++) KINDS[b] = BAD;
    KINDS[0xE0] = E0;
    KINDS[0xED] = ED;
    KINDS[0xF0] = F0;
    KINDS[0xF4] = F4;
  }

  private static boolean malformed(byte kind, int next) {
    return switch (kind) {
      case E0 -> next < 0xA0;
      case ED -> next >= 0xA0;
      case F0 -> next < 0x90;
      case F4 -> next >= 0x90;
      default -> true;
    };
  }

  private static int hex4(byte[] json, int from) {
    int value = 0;
    for (int i = from; i < from + 4; i++) {
      int d = Character.digit(json[i], 16);
      if (d < 0) return -1;
      value = value << 4 | d;
    }
    return value;
  }

  /**
   * Reads a document that {@link #suspect} flagged at {@code offset} token by token and answers the
   * 400 for its first bad string; or, when no decoded string is bad, for its encoding.
   */
  static HttpException explain(JsonMapper mapper, byte[] json, int offset, String typeName) {
    try (JsonParser p = mapper.createParser(json)) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (t == JsonToken.VALUE_STRING) {
          String s = p.getString();
          int bad = Unicode.firstBadChar(s);
          if (bad >= 0) {
            return JsonErrors.fieldError(
                ProblemTypes.JSON_FIELD,
                path(p.streamReadContext()),
                Unicode.describe(s, bad),
                where(p));
          }
        } else if (t == JsonToken.PROPERTY_NAME) {
          String name = p.currentName();
          int bad = Unicode.firstBadChar(name);
          if (bad >= 0) {
            return JsonErrors.fieldError(
                ProblemTypes.JSON_FIELD,
                path(p.streamReadContext().getParent()),
                "has a name that " + Unicode.describe(name, bad),
                where(p));
          }
        }
      }
    } catch (JacksonException e) {
      return JsonErrors.of(e, typeName);
    }
    return new BadRequest(
        ProblemTypes.JSON_MALFORMED,
        "The request body is not valid UTF-8 at byte "
            + offset
            + " (an overlong or out-of-range sequence, or UTF-16/32 text); send JSON encoded as"
            + " UTF-8 (RFC 8259).");
  }

  private static String where(JsonParser p) {
    var loc = p.currentTokenLocation();
    return loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
  }

  /** {@code user.tags[2]}: the names and indexes from the root to {@code context}'s value. */
  private static String path(TokenStreamContext context) {
    var parts = new ArrayDeque<String>();
    for (var c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        parts.push("[" + c.getCurrentIndex() + "]");
      } else if (c.currentName() != null) {
        parts.push(c.currentName());
      }
    }
    var b = new StringBuilder();
    for (String part : parts) {
      if (!part.startsWith("[") && !b.isEmpty()) b.append('.');
      b.append(part);
    }
    return b.toString();
  }
}
