package dev.keel.core;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A cookie to set on the response. Secure defaults: {@code HttpOnly}, {@code SameSite=Lax}, path
 * {@code /}, a session cookie (no max age). Use the {@code with…} methods to change them.
 *
 * @param maxAge empty for a session cookie; zero deletes the cookie
 */
public record Cookie(
    String name,
    String value,
    String path,
    Optional<String> domain,
    Optional<Duration> maxAge,
    boolean secure,
    boolean httpOnly,
    SameSite sameSite) {

  /** The {@code SameSite} attribute. */
  public enum SameSite {
    STRICT("Strict"),
    LAX("Lax"),
    NONE("None");

    private final String attribute;

    SameSite(String attribute) {
      this.attribute = attribute;
    }

    public String attribute() {
      return attribute;
    }
  }

  public Cookie {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(path, "path");
    if (name.isEmpty() || !name.chars().allMatch(Cookie::isTokenChar)) {
      throw new IllegalArgumentException(
          "cookie name: \"" + name + "\" (expected: letters, digits and !#$%&'*+-.^_`|~)");
    }
    if (!value
        .chars()
        .allMatch(c -> c >= 0x21 && c <= 0x7e && c != '"' && c != ',' && c != ';' && c != '\\')) {
      throw new IllegalArgumentException(
          "cookie "
              + name
              + ": value has a space, quote, comma, semicolon, backslash or non-ASCII"
              + " character; encode it (e.g. Base64URL) first");
    }
    if (sameSite == SameSite.NONE && !secure) {
      throw new IllegalArgumentException(
          "cookie " + name + ": SameSite=None requires Secure (browsers reject it otherwise)");
    }
  }

  public static Cookie of(String name, String value) {
    return new Cookie(
        name, value, "/", Optional.empty(), Optional.empty(), false, true, SameSite.LAX);
  }

  /** A cookie that tells the browser to delete {@code name}. */
  public static Cookie expired(String name) {
    return of(name, "").withMaxAge(Duration.ZERO);
  }

  public Cookie withPath(String path) {
    return new Cookie(name, value, path, domain, maxAge, secure, httpOnly, sameSite);
  }

  public Cookie withDomain(String domain) {
    return new Cookie(name, value, path, Optional.of(domain), maxAge, secure, httpOnly, sameSite);
  }

  public Cookie withMaxAge(Duration maxAge) {
    return new Cookie(name, value, path, domain, Optional.of(maxAge), secure, httpOnly, sameSite);
  }

  public Cookie withSecure(boolean secure) {
    return new Cookie(name, value, path, domain, maxAge, secure, httpOnly, sameSite);
  }

  public Cookie withHttpOnly(boolean httpOnly) {
    return new Cookie(name, value, path, domain, maxAge, secure, httpOnly, sameSite);
  }

  public Cookie withSameSite(SameSite sameSite) {
    return new Cookie(name, value, path, domain, maxAge, secure, httpOnly, sameSite);
  }

  /** The {@code Set-Cookie} header value. */
  public String headerValue() {
    var b = new StringBuilder(name).append('=').append(value).append("; Path=").append(path);
    domain.ifPresent(d -> b.append("; Domain=").append(d));
    maxAge.ifPresent(a -> b.append("; Max-Age=").append(a.toSeconds()));
    if (secure) b.append("; Secure");
    if (httpOnly) b.append("; HttpOnly");
    b.append("; SameSite=").append(sameSite.attribute());
    return b.toString();
  }

  private static boolean isTokenChar(int c) {
    return c > 0x20 && c < 0x7f && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
  }
}
