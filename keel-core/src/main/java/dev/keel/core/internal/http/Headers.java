package dev.keel.core.internal.http;

import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;

/**
 * Response headers. Netty's per-call validation cost about 6 % of a plaintext request, spent on
 * constants Keel writes itself; names and values that come from applications are checked once,
 * here, so a value can never smuggle a CR or LF into the response.
 */
public final class Headers {
  private static final HttpHeadersFactory UNCHECKED =
      DefaultHttpHeadersFactory.headersFactory()
          .withNameValidation(false)
          .withValueValidation(false);

  private Headers() {}

  public static HttpHeaders create() {
    return UNCHECKED.newHeaders();
  }

  /** Rejects a header name that is not an RFC 9110 token, or a value with control characters. */
  public static void check(String name, String value) {
    if (name.isEmpty()) throw new IllegalArgumentException("header name is empty");
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean token =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!token) {
        throw new IllegalArgumentException(
            "header name \""
                + name
                + "\" has the character '"
                + c
                + "'; use letters, digits and"
                + " !#$%&'*+-.^_`|~ only");
      }
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f) {
        throw new IllegalArgumentException(
            "header "
                + name
                + ": the value has a control character (code "
                + (int) c
                + ") at"
                + " index "
                + i
                + "; CR and LF would split the response, so remove or encode it");
      }
    }
  }
}
