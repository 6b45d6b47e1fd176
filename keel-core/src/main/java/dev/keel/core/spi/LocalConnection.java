package dev.keel.core.spi;

import java.util.List;
import java.util.Map;

/**
 * An in-memory HTTP/1.1 connection to an application, from {@link
 * dev.keel.core.Keel#connectLocally()}: for test clients such as keel-test's {@code TestClient}. A
 * request sent here runs through exactly the code a TCP connection runs — HTTP parsing and
 * validation, limits, deadlines, routing, middleware, encoding and the response writer — only the
 * socket is replaced by Netty's in-JVM transport. Requests on one connection run one after another
 * (keep-alive); use a connection from one thread at a time, or one connection per thread.
 */
public interface LocalConnection extends AutoCloseable {

  /**
   * A request to send.
   *
   * @param target the request target, e.g. {@code /notes?limit=5}
   * @param headers names as they should be sent; {@code Host} defaults to {@code localhost} and
   *     {@code Content-Length} is set from the body
   */
  record Request(String method, String target, Map<String, List<String>> headers, byte[] body) {
    public Request {
      headers = Map.copyOf(headers);
      body = body.clone();
    }
  }

  /**
   * The response, its body complete (chunked bodies joined, none for {@code HEAD}).
   *
   * @param headers names as the server sent them, in order, each with its values
   */
  record Reply(int status, Map<String, List<String>> headers, byte[] body) {
    public Reply {
      headers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
      body = body.clone();
    }

    @Override
    public byte[] body() {
      return body.clone();
    }
  }

  /**
   * Sends {@code request} and waits for its response.
   *
   * @throws IllegalStateException when the server closed the connection without answering, or no
   *     response came within 60 seconds
   */
  Reply send(Request request);

  /**
   * Sends every request at once, pipelined (RFC 9112 §9.3), and waits for all their responses,
   * which come in request order.
   *
   * @throws IllegalStateException as {@link #send}, for the first response that does not come
   */
  java.util.List<Reply> sendAll(java.util.List<Request> requests);

  /** Closes the connection. */
  @Override
  void close();
}
