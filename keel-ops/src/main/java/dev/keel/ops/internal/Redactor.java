package dev.keel.ops.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in log text: credentials in {@code Authorization}/{@code Proxy-Authorization}
 * headers and bearer tokens, {@code Cookie}/{@code Set-Cookie} header values, and values of fields
 * named like a secret ({@code password}, {@code passwd}, {@code secret}, {@code token}, {@code
 * api-key}, {@code apikey}, {@code access_token}, ...) written as {@code name=value}, {@code name:
 * value} or JSON {@code "name":"value"}. Each becomes {@value #MASK}. Stateless.
 */
public final class Redactor {
  public static final String MASK = "****";

  private static final Pattern COOKIE =
      Pattern.compile("(?i)\\b((?:set-)?cookie\\s*[:=]\\s*)[^\\r\\n]*");
  private static final Pattern AUTHORIZATION =
      Pattern.compile(
          "(?i)\\b((?:proxy-)?authorization\"?\\s*[:=]\\s*\"?)(?:(?:bearer|basic|digest|token)\\s+)?[^\\s\",;]+");
  private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer\\s+)[A-Za-z0-9._~+/=-]+");
  private static final Pattern FIELD =
      Pattern.compile(
          "(?i)(\"?[a-z0-9_.-]*(?:password|passwd|pwd|secret|token|api[_-]?key|credentials?)\"?\\s*[:=]\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|[^\\s,;&}\\]]+)");

  private Redactor() {}

  /** {@code text} with every secret masked; the same instance when there was nothing to mask. */
  public static String redact(String text) {
    if (text == null || text.isEmpty() || !mayContainSecret(text)) return text;
    String out = replace(COOKIE, text, false);
    out = replace(AUTHORIZATION, out, false);
    out = replace(BEARER, out, false);
    return replace(FIELD, out, true);
  }

  /** Whether a key of a key-value pair or the MDC names a secret. */
  public static boolean secretName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.contains("password")
        || n.contains("passwd")
        || n.contains("secret")
        || n.contains("token")
        || n.contains("apikey")
        || n.contains("api-key")
        || n.contains("api_key")
        || n.contains("credential")
        || n.equals("authorization")
        || n.equals("cookie")
        || n.equals("set-cookie");
  }

  private static boolean mayContainSecret(String text) {
    String t = text.toLowerCase(Locale.ROOT);
    return t.contains("auth")
        || t.contains("bearer")
        || t.contains("cookie")
        || t.contains("pass")
        || t.contains("pwd")
        || t.contains("secret")
        || t.contains("token")
        || t.contains("key")
        || t.contains("credential");
  }

  private static String replace(Pattern p, String text, boolean keepQuotes) {
    Matcher m = p.matcher(text);
    if (!m.find()) return text;
    var b = new StringBuilder(text.length());
    do {
      String value = keepQuotes && m.groupCount() > 1 ? m.group(2) : "";
      String mask = value.startsWith("\"") ? "\"" + MASK + "\"" : MASK;
      m.appendReplacement(b, Matcher.quoteReplacement(m.group(1) + mask));
    } while (m.find());
    m.appendTail(b);
    return b.toString();
  }
}
