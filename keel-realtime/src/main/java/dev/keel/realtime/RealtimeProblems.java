package dev.keel.realtime;

import dev.keel.core.ProblemType;

/**
 * The kinds of problem a WebSocket endpoint answers to a handshake it refuses, beside keel-core's
 * {@link dev.keel.core.ProblemTypes#UNAUTHENTICATED} when its {@link Authenticator} finds no user.
 * Listed with what to do in {@code docs/errors.md}.
 */
public final class RealtimeProblems {
  private RealtimeProblems() {}

  /** A plain HTTP request, or one over HTTP/2, reached a WebSocket endpoint. */
  public static final ProblemType WEBSOCKET_REQUIRED =
      new ProblemType("websocket-required", 426, "WebSocket endpoint");

  /** The handshake's {@code Sec-WebSocket-Version} is not 13. */
  public static final ProblemType WEBSOCKET_VERSION =
      new ProblemType("websocket-version", 426, "WebSocket version not supported");

  /** The handshake lacks {@code Connection: Upgrade} or a valid {@code Sec-WebSocket-Key}. */
  public static final ProblemType WEBSOCKET_HANDSHAKE =
      new ProblemType("websocket-handshake", 400, "Malformed WebSocket handshake");

  /** A browser page from an origin not in {@code keel.realtime.ws.allowed-origins} connected. */
  public static final ProblemType WEBSOCKET_ORIGIN =
      new ProblemType("websocket-origin", 403, "WebSocket origin refused");
}
