package dev.keel.core;

/**
 * The kinds of problem keel-core answers, and two that several modules share ({@link
 * #UNAUTHENTICATED}, {@link #VALIDATION}). {@code docs/errors.md} lists each with when it happens
 * and what to do; the other modules keep theirs beside their API ({@code DbProblems}, {@code
 * SecurityProblems}, …).
 */
public final class ProblemTypes {
  private ProblemTypes() {}

  // ---- the request's content

  /** The body is not valid JSON: a syntax error, content after the document, empty, not UTF-8. */
  public static final ProblemType JSON_MALFORMED =
      new ProblemType("json-malformed", 400, "Malformed JSON body");

  /** A JSON field is missing, of the wrong type or out of range; {@code errors} names it. */
  public static final ProblemType JSON_FIELD =
      new ProblemType("json-field", 400, "Invalid JSON field");

  /** The JSON nests too deep, or a string, number or collection in it is too long. */
  public static final ProblemType JSON_LIMIT =
      new ProblemType("json-limit", 400, "JSON body over a limit");

  /** A form body ({@code x-www-form-urlencoded} or multipart) cannot be parsed. */
  public static final ProblemType FORM_MALFORMED =
      new ProblemType("form-malformed", 400, "Malformed form body");

  /** The query string has a bad percent-escape, bytes that are not UTF-8, or {@code %00}. */
  public static final ProblemType QUERY_MALFORMED =
      new ProblemType("query-malformed", 400, "Malformed query string");

  /** The path has a bad percent-escape, bytes that are not UTF-8, or {@code %00}. */
  public static final ProblemType PATH_MALFORMED =
      new ProblemType("path-malformed", 400, "Malformed path");

  /**
   * A path, query, header, cookie or form value does not convert to the type asked for, or holds
   * NUL or an unpaired surrogate.
   */
  public static final ProblemType PARAMETER_INVALID =
      new ProblemType("parameter-invalid", 400, "Invalid request parameter");

  /** Bean Validation, or the application's own checks, found fields at fault, listed in errors. */
  public static final ProblemType VALIDATION =
      new ProblemType("validation", 422, "Validation failed");

  /** The request has no credentials, and the resource needs them. */
  public static final ProblemType UNAUTHENTICATED =
      new ProblemType("unauthenticated", 401, "Authentication required");

  /** CORS refused a preflight: the origin, the method or a header is not allowed. */
  public static final ProblemType CORS_REFUSED =
      new ProblemType("cors-refused", 403, "Cross-origin request refused");

  /** No route matches the path. */
  public static final ProblemType ROUTE_NOT_FOUND =
      new ProblemType("route-not-found", 404, "No such route");

  /** {@link StaticFiles} has no file at the path. */
  public static final ProblemType FILE_NOT_FOUND =
      new ProblemType("file-not-found", 404, "No such file");

  /** A route matches the path, but not for this method; {@code Allow} lists those that do. */
  public static final ProblemType METHOD_NOT_ALLOWED =
      new ProblemType("method-not-allowed", 405, "Method not allowed");

  /** The body's {@code Content-Type} is not the one the handler reads (JSON, a form). */
  public static final ProblemType CONTENT_TYPE_UNSUPPORTED =
      new ProblemType("content-type-unsupported", 415, "Unsupported content type");

  /** A {@code Range} asks for bytes outside the file. */
  public static final ProblemType RANGE_NOT_SATISFIABLE =
      new ProblemType("range-not-satisfiable", 416, "Range not satisfiable");

  /** {@link RequestTimeout} stopped a handler that ran too long. */
  public static final ProblemType HANDLER_TIMEOUT =
      new ProblemType("handler-timeout", 503, "Request took too long");

  /** An exception no mapping handles: a bug, logged with the problem's {@code errorId}. */
  public static final ProblemType INTERNAL =
      new ProblemType("internal", 500, "Internal server error");

  // ---- the HTTP message, refused by the server before any handler runs

  /** The request breaks HTTP/1.1's syntax (RFC 9112): framing, header syntax, chunks. */
  public static final ProblemType HTTP_MALFORMED =
      new ProblemType("http-malformed", 400, "Malformed HTTP request");

  /** The {@code Host} header is missing (HTTP/1.1), repeated or not a valid host[:port]. */
  public static final ProblemType HOST_INVALID =
      new ProblemType("host-invalid", 400, "Missing or invalid Host");

  /** The request target is neither a path nor an absolute http(s) URL. */
  public static final ProblemType TARGET_INVALID =
      new ProblemType("target-invalid", 400, "Invalid request target");

  /** The headers or the body did not arrive in time. */
  public static final ProblemType REQUEST_TIMEOUT =
      new ProblemType("request-timeout", 408, "Request too slow");

  /** The body is over {@code keel.server.max-body-size}. */
  public static final ProblemType BODY_TOO_LARGE =
      new ProblemType("body-too-large", 413, "Request body too large");

  /** The request line is over {@code keel.server.max-request-line}. */
  public static final ProblemType REQUEST_LINE_TOO_LONG =
      new ProblemType("request-line-too-long", 414, "Request line too long");

  /** {@code Expect} is something other than {@code 100-continue}. */
  public static final ProblemType EXPECT_UNSUPPORTED =
      new ProblemType("expect-unsupported", 417, "Expectation not supported");

  /** The host is not in {@code keel.server.allowed-hosts}, or the request names two hosts. */
  public static final ProblemType MISDIRECTED_HOST =
      new ProblemType("misdirected-host", 421, "Host not served here");

  /** The headers are over {@code keel.server.max-header-size} or max-header-count. */
  public static final ProblemType HEADER_TOO_LARGE =
      new ProblemType("header-too-large", 431, "Request headers too large");

  /** The server holds {@code keel.server.max-connections} connections already. */
  public static final ProblemType TOO_MANY_CONNECTIONS =
      new ProblemType("too-many-connections", 503, "Too many connections");

  /** The request is not HTTP/1.0, HTTP/1.1 or HTTP/2. */
  public static final ProblemType HTTP_VERSION =
      new ProblemType("http-version", 505, "HTTP version not supported");
}
