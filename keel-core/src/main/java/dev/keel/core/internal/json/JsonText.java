package dev.keel.core.internal.json;

import dev.keel.core.BadRequest;
import dev.keel.core.HttpException;
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
 * <p>Jackson decodes them from escapes ({@code \u0000}, a lone {@code \ud800}) and, being lenient
 * about UTF-8, from overlong forms such as {@code C0 80}. So before parsing, {@link #suspect} makes
 * one pass over the raw bytes that stops only at a backslash or a byte of 0x80 and above; valid
 * JSON without escapes or non-ASCII text costs one comparison per byte. Only a document that has a
 * suspect sequence is read a second time, token by token, by {@link #explain}, to name the field.
 */
final class JsonText {
  private JsonText() {}

  /**
   * The offset of the first escape or byte sequence that may decode to NUL or a lone surrogate, or
   * is not UTF-8 (a raw NUL byte: UTF-16 or UTF-32 text); -1 when there is none.
   */
  static int suspect(byte[] json) {
    int n = json.length;
    for (int i = 0; i < n; i++) {
      int b = json[i];
      if (b == '\\') {
        if (i + 5 < n && json[i + 1] == 'u') {
          int u = hex4(json, i + 2);
          if (u == 0 || (u >= 0xDC00 && u <= 0xDFFF)) return i;
          if (u >= 0xD800 && u <= 0xDBFF) {
            // a high surrogate is only valid right before an escaped low one
            int low =
                i + 11 < n && json[i + 6] == '\\' && json[i + 7] == 'u' ? hex4(json, i + 8) : -1;
            if (low < 0xDC00 || low > 0xDFFF) return i;
            i += 6;
          }
          if (u >= 0) i += 5;
        } else {
          i++; // the escaped character, which may itself be a backslash
        }
      } else if (b <= 0) {
        if (b == 0 || malformedLead(json, i)) return i;
      }
    }
    return -1;
  }

  /**
   * Lead bytes of sequences UTF-8 forbids that Jackson decodes anyway: overlong forms ({@code C0
   * 80} and {@code E0 80 80} are NUL), encoded surrogates and code points above U+10FFFF.
   */
  private static boolean malformedLead(byte[] json, int i) {
    int lead = json[i] & 0xFF;
    if (lead < 0xC0) return false; // ASCII-range bytes were handled; 0x80-0xBF continue a sequence
    if (lead == 0xC0 || lead == 0xC1 || lead >= 0xF5) return true;
    int next = i + 1 < json.length ? json[i + 1] & 0xFF : 0;
    return (lead == 0xE0 && next < 0xA0)
        || (lead == 0xED && next >= 0xA0)
        || (lead == 0xF0 && next < 0x90)
        || (lead == 0xF4 && next >= 0x90);
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
                path(p.streamReadContext()), Unicode.describe(s, bad), where(p));
          }
        } else if (t == JsonToken.PROPERTY_NAME) {
          String name = p.currentName();
          int bad = Unicode.firstBadChar(name);
          if (bad >= 0) {
            return JsonErrors.fieldError(
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
