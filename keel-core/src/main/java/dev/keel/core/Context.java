package dev.keel.core;

import java.io.InputStream;
import java.lang.reflect.Type;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request and its response under construction. Read methods without a value argument read the
 * request ({@link #header(String)}); methods with one write the response ({@link #header(String,
 * String)}).
 *
 * <p>Typed reads ({@link #pathParam(String, Class)}, {@link #query(String, Class)}, {@link
 * #header(String, Class)}, {@link #cookie(String, Class)}) convert to {@code String}, {@code
 * int}/{@code Integer}, {@code long}, {@code double}, {@code boolean}, {@code UUID}, {@code
 * BigDecimal}, {@code Instant}, {@code LocalDate}, {@code OffsetDateTime} and enums
 * (case-insensitive); a value that does not convert answers 400 naming the parameter and the
 * expected type.
 *
 * <p>A context belongs to the thread that runs its handler; it is not safe to share across threads.
 */
public interface Context {

  // ---- request line

  /** The request method in upper case, e.g. {@code GET}. */
  String method();

  /** The request path without the query string, still percent-encoded. */
  String path();

  /** The matched route's pattern, e.g. {@code /articles/{slug}}; empty when no route matched. */
  String routeTemplate();

  /** {@code HTTP/1.0}, {@code HTTP/1.1} or {@code HTTP/2.0}. */
  String protocol();

  InetSocketAddress remoteAddress();

  // ---- parameters

  /** A path parameter of the matched route; asking for one the route does not have is a bug. */
  String pathParam(String name);

  <T> T pathParam(String name, Class<T> type);

  /** The first value of a query parameter. */
  Optional<String> query(String name);

  <T> Optional<T> query(String name, Class<T> type);

  /** Every value of a repeated query parameter ({@code ?tag=a&tag=b}), in order. */
  <T> List<T> queryAll(String name, Class<T> type);

  Map<String, List<String>> queryParams();

  // ---- headers and cookies

  /** The first value of a request header (names are case-insensitive). */
  Optional<String> header(String name);

  /**
   * The first value of a request header converted to {@code type} by the rules of {@link
   * #query(String, Class)}; a value that does not convert is a 400 naming the header.
   */
  <T> Optional<T> header(String name, Class<T> type);

  List<String> headers(String name);

  Optional<String> cookie(String name);

  /**
   * A request cookie converted to {@code type} by the rules of {@link #query(String, Class)}; a
   * value that does not convert is a 400 naming the cookie.
   */
  <T> Optional<T> cookie(String name, Class<T> type);

  // ---- body

  /** The whole request body; empty when there is none. */
  byte[] body();

  /** The request body decoded with the charset of its content type (UTF-8 by default). */
  String bodyText();

  InputStream bodyStream();

  /** The request body parsed as JSON into {@code type}; 400 problem+json when it does not fit. */
  <T> T body(Class<T> type);

  /**
   * The request body parsed as JSON into a generic {@code type} such as {@code List<Item>} or
   * {@code Page<Item>} (a {@link java.lang.reflect.ParameterizedType}, e.g. a method's generic
   * parameter type), by the rules of {@link #body(Class)}: a non-JSON content type is a 415, a body
   * that does not fit a 400 naming the field; never {@code null}. The caller vouches that {@code T}
   * is {@code type}.
   */
  <T> T body(Type type);

  /** Fields and files of a {@code application/x-www-form-urlencoded} or multipart body. */
  Form form();

  // ---- response

  /** Sets the response status; the default is 200, or 204 when the handler returns nothing. */
  Context status(int status);

  int status();

  /** Sets a response header, replacing any value it had. */
  Context header(String name, String value);

  /** The value a response header has so far. */
  Optional<String> responseHeader(String name);

  Context cookie(Cookie cookie);

  // ---- per-request state shared between middleware and handlers

  <T> Optional<T> attribute(AttributeKey<T> key);

  <T> Context attribute(AttributeKey<T> key, T value);

  /**
   * The request id: a generated one, or the caller's valid {@code X-Request-Id} when {@link
   * RequestId#middleware()} is installed.
   */
  String requestId();
}
