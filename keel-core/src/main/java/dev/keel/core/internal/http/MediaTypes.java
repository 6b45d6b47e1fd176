package dev.keel.core.internal.http;

import dev.keel.core.HttpException;
import dev.keel.core.ProblemTypes;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Content types by file extension, and which types are worth compressing. */
public final class MediaTypes {
  private static final Map<String, String> BY_EXTENSION =
      Map.ofEntries(
          Map.entry("html", "text/html; charset=UTF-8"),
          Map.entry("htm", "text/html; charset=UTF-8"),
          Map.entry("css", "text/css; charset=UTF-8"),
          Map.entry("js", "text/javascript; charset=UTF-8"),
          Map.entry("mjs", "text/javascript; charset=UTF-8"),
          Map.entry("json", "application/json"),
          Map.entry("map", "application/json"),
          Map.entry("txt", "text/plain; charset=UTF-8"),
          Map.entry("md", "text/markdown; charset=UTF-8"),
          Map.entry("csv", "text/csv; charset=UTF-8"),
          Map.entry("xml", "application/xml"),
          Map.entry("svg", "image/svg+xml"),
          Map.entry("png", "image/png"),
          Map.entry("jpg", "image/jpeg"),
          Map.entry("jpeg", "image/jpeg"),
          Map.entry("gif", "image/gif"),
          Map.entry("webp", "image/webp"),
          Map.entry("avif", "image/avif"),
          Map.entry("ico", "image/x-icon"),
          Map.entry("woff", "font/woff"),
          Map.entry("woff2", "font/woff2"),
          Map.entry("ttf", "font/ttf"),
          Map.entry("otf", "font/otf"),
          Map.entry("pdf", "application/pdf"),
          Map.entry("zip", "application/zip"),
          Map.entry("gz", "application/gzip"),
          Map.entry("wasm", "application/wasm"),
          Map.entry("mp4", "video/mp4"),
          Map.entry("webm", "video/webm"),
          Map.entry("mp3", "audio/mpeg"),
          Map.entry("ogg", "audio/ogg"),
          Map.entry("wav", "audio/wav"));

  private MediaTypes() {}

  /**
   * The essence of a {@code Content-Type} value, {@code type/subtype} in lower case (RFC 9110
   * §8.3.1), or null when the value is absent, empty or not a media type: tokens on both sides of
   * one '/', then parameters of the form {@code ; name=token} or {@code ; name="quoted"}.
   */
  public static String essence(String contentType) {
    if (contentType == null) return null;
    int semi = contentType.indexOf(';');
    String essence = (semi < 0 ? contentType : contentType.substring(0, semi)).strip();
    int slash = essence.indexOf('/');
    if (slash <= 0
        || !isToken(essence, 0, slash)
        || !isToken(essence, slash + 1, essence.length())) {
      return null;
    }
    if (semi >= 0 && !validParameters(contentType.substring(semi))) return null;
    return essence.toLowerCase(Locale.ROOT);
  }

  /** Whether an essence is JSON: {@code application/json} or any {@code +json} type. */
  public static boolean isJson(String essence) {
    return essence != null && (essence.equals("application/json") || essence.endsWith("+json"));
  }

  /** A 415 {@code content-type-unsupported} with {@code detail}. */
  public static HttpException unsupported(String detail) {
    return new HttpException(ProblemTypes.CONTENT_TYPE_UNSUPPORTED, detail);
  }

  private static final Pattern PARAMETERS =
      Pattern.compile(
          "(?:[ \\t]*;[ \\t]*(?:[!#$%&'*+.^_`|~0-9A-Za-z-]+=(?:[!#$%&'*+.^_`|~0-9A-Za-z-]+"
              + "|\"(?:[^\"\\\\\\x00-\\x08\\x0a-\\x1f\\x7f]|\\\\[\\t\\x20-\\x7e\\x80-\\xff])*\"))?)*[ \\t]*");

  private static boolean validParameters(String tail) {
    return PARAMETERS.matcher(tail).matches();
  }

  private static boolean isToken(String s, int from, int to) {
    if (from >= to) return false;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      boolean ok =
          c >= 'a' && c <= 'z'
              || c >= 'A' && c <= 'Z'
              || c >= '0' && c <= '9'
              || "!#$%&'*+.^_`|~-".indexOf(c) >= 0;
      if (!ok) return false;
    }
    return true;
  }

  /** The content type for a file name; {@code application/octet-stream} when unknown. */
  public static String forFileName(String name) {
    int dot = name.lastIndexOf('.');
    if (dot < 0) return "application/octet-stream";
    return BY_EXTENSION.getOrDefault(
        name.substring(dot + 1).toLowerCase(Locale.ROOT), "application/octet-stream");
  }

  /** Text-like types shrink under gzip; images, video, archives and fonts do not. */
  public static boolean isCompressible(String contentType) {
    if (contentType == null) return false;
    String t = contentType.toLowerCase(Locale.ROOT);
    int semi = t.indexOf(';');
    if (semi >= 0) t = t.substring(0, semi).trim();
    return t.startsWith("text/")
        || t.equals("application/json")
        || t.endsWith("+json")
        || t.equals("application/javascript")
        || t.equals("application/xml")
        || t.endsWith("+xml")
        || t.equals("application/wasm");
  }
}
