package dev.keel.core.internal.server;

import dev.keel.core.ProblemTypes;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import java.util.Locale;

/**
 * The checks a decoded request passes before it is routed (RFC 9112): version, request target,
 * {@code Host}, header count. An absolute-form target is rewritten to origin-form here, so nothing
 * after this class sees the difference (RFC 9112 §3.2.2).
 */
final class RequestChecks {
  private final ServerSettings settings;

  RequestChecks(ServerSettings settings) {
    this.settings = settings;
  }

  /**
   * Null when the request may proceed, else why not. May rewrite the request's target and Host.
   *
   * @param stream true for an HTTP/2 stream, where version, target form and the Host count were
   *     checked by the HTTP/2 codec
   */
  Rejection check(HttpRequest request, boolean stream) {
    String host;
    if (!stream) {
      HttpVersion v = request.protocolVersion();
      if (v.majorVersion() != 1 || v.minorVersion() > 1) {
        return new Rejection(
            ProblemTypes.HTTP_VERSION, v.text() + " is not supported; use HTTP/1.1 or HTTP/2.");
      }
      // counted without building a list of them: this runs for every request
      host = null;
      int hosts = 0;
      for (var it = request.headers().valueStringIterator(HttpHeaderNames.HOST); it.hasNext(); ) {
        String value = it.next();
        if (hosts++ == 0) host = value;
      }
      if (hosts > 1 || v.minorVersion() == 1 && hosts == 0) {
        return new Rejection(
            ProblemTypes.HOST_INVALID,
            hosts == 0
                ? "An HTTP/1.1 request needs a Host header."
                : "The request has " + hosts + " Host headers; send exactly one.");
      }
    } else {
      host = request.headers().get(HttpHeaderNames.HOST);
    }
    if (host != null && !Authority.isValid(host)) {
      return new Rejection(
          ProblemTypes.HOST_INVALID,
          "The Host header '"
              + Authority.echo(host)
              + "' is not a valid host[:port] (RFC 3986 §3.2), e.g. example.com:8080.");
    }
    boolean originForm = request.uri().startsWith("/");
    Rejection target = checkTarget(request, host);
    if (target != null) return target;
    // an absolute-form target has just replaced Host
    String effectiveHost = originForm ? host : request.headers().get(HttpHeaderNames.HOST);
    if (!settings.allowedHosts().allows(effectiveHost)) {
      return new Rejection(
          ProblemTypes.MISDIRECTED_HOST,
          "This server does not serve the host '"
              + Authority.echo(effectiveHost == null ? "" : effectiveHost)
              + "'; send the request to that host, or add it to keel.server.allowed-hosts.");
    }
    int count = request.headers().size();
    if (count > settings.maxHeaderCount()) {
      return new Rejection(
          ProblemTypes.HEADER_TOO_LARGE,
          "The request has "
              + count
              + " header fields, more than the limit of "
              + settings.maxHeaderCount()
              + ".");
    }
    return null;
  }

  /** Origin-form passes; absolute-form becomes origin-form; every other form is refused. */
  private static Rejection checkTarget(HttpRequest request, String host) {
    String uri = request.uri();
    if (uri.startsWith("/")) return null;
    if (uri.equals("*") && request.method().name().equals("OPTIONS")) return null;
    var absolute = Authority.AbsoluteTarget.parse(uri);
    if (absolute == null) {
      return new Rejection(
          ProblemTypes.TARGET_INVALID,
          "The request target '"
              + Authority.echo(uri)
              + "' is neither a path such as /articles nor an absolute http(s) URL.");
    }
    if (absolute.problem() != null) {
      return new Rejection(ProblemTypes.TARGET_INVALID, absolute.problem());
    }
    // A client must send Host equal to the target's authority (RFC 9112 §3.2); one that names two
    // hosts is talking to a proxy, and Keel is an origin server.
    if (host != null && !Authority.sameHost(absolute.authority(), host, absolute.scheme())) {
      return new Rejection(
          ProblemTypes.MISDIRECTED_HOST,
          "The request names two hosts, '"
              + Authority.echo(absolute.authority())
              + "' in its target and '"
              + Authority.echo(host)
              + "' in Host; this server is not a proxy: send the request to that host directly.");
    }
    request.setUri(absolute.pathAndQuery());
    request.headers().set(HttpHeaderNames.HOST, absolute.authority());
    return null;
  }

  /** Why the HTTP codec could not decode a request line, its headers or a chunk. */
  static Rejection decodeFailure(Throwable cause) {
    if (cause instanceof TooLongHttpLineException) {
      return new Rejection(
          ProblemTypes.REQUEST_LINE_TOO_LONG,
          "The request line is too long; shorten the URL (limit: keel.server.max-request-line).");
    }
    if (cause instanceof TooLongHttpHeaderException || cause instanceof TooLongFrameException) {
      return new Rejection(
          ProblemTypes.HEADER_TOO_LARGE,
          "The request headers are too large (limit: keel.server.max-header-size).");
    }
    String message =
        cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return new Rejection(
        ProblemTypes.HTTP_MALFORMED,
        "Malformed HTTP request: " + message.toLowerCase(Locale.ROOT).replaceAll("[.]$", "") + ".");
  }

  static Rejection tooLarge(long length, long max) {
    return new Rejection(
        ProblemTypes.BODY_TOO_LARGE,
        "The request body has "
            + length
            + " bytes, more than the limit of "
            + max
            + " (keel.server.max-body-size).");
  }
}
