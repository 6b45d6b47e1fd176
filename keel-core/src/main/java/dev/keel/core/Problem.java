package dev.keel.core;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An RFC 9457 problem detail: the body of every error response, served as {@code
 * application/problem+json}.
 *
 * @param type a URI naming the kind of problem: {@link ProblemType#uri()} for Keel's own (listed in
 *     {@code docs/errors.md}); {@code about:blank} when the status says it all
 * @param title a short summary of the kind of problem, the same for every occurrence
 * @param status the HTTP status code
 * @param detail a sentence for this occurrence that says what went wrong and how to fix it
 * @param errors the fields at fault, for validation-style problems; empty otherwise
 * @param extensions further members, written at the top level of the JSON object
 */
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    List<FieldError> errors,
    Map<String, Object> extensions) {

  /** One field at fault: {@code field} is a dotted path such as {@code user.email}. */
  public record FieldError(String field, String message) {
    public FieldError {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(message, "message");
    }
  }

  public Problem {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(detail, "detail");
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("status: " + status + " (expected: 400-599)");
    }
    errors = List.copyOf(errors);
    extensions = Map.copyOf(extensions);
  }

  /** A problem with {@code type: about:blank} and the status's reason phrase as title. */
  public static Problem of(int status, String detail) {
    return new Problem("about:blank", reason(status), status, detail, List.of(), Map.of());
  }

  /** A problem of the kind {@code type}: its URI, title and status, and {@code detail}. */
  public static Problem of(ProblemType type, String detail) {
    return new Problem(type.uri(), type.title(), type.status(), detail, List.of(), Map.of());
  }

  /** Whether this problem is of the kind {@code type}, e.g. {@link ProblemTypes#JSON_MALFORMED}. */
  public boolean is(ProblemType type) {
    return this.type.equals(type.uri());
  }

  public Problem withErrors(List<FieldError> errors) {
    return new Problem(type, title, status, detail, errors, extensions);
  }

  public Problem with(String name, Object value) {
    var copy = new java.util.LinkedHashMap<>(extensions);
    copy.put(name, value);
    return new Problem(type, title, status, detail, errors, copy);
  }

  /** The standard reason phrase of an HTTP status code, e.g. {@code Not Found} for 404. */
  public static String reason(int status) {
    return io.netty.handler.codec.http.HttpResponseStatus.valueOf(status).reasonPhrase();
  }
}
