package dev.keel.core;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A kind of problem that Keel answers, with a stable code: a problem of this kind has {@link
 * #uri()} ({@code https://keel.dev/problems/<code>}) as its {@code type}, {@link #title()} as its
 * title and {@link #status()} as its status. Every one is a constant of {@link ProblemTypes} or of
 * a module's {@code *Problems} class and is listed, with what to do about it, in {@code
 * docs/errors.md}; codes are never renamed or reused.
 *
 * <p>Test for one with {@link Problem#is(ProblemType)}, e.g. in {@link Keel#errorBody}. Problems of
 * an application's own keep {@code about:blank} (the typed exceptions' one-argument constructors)
 * or carry a type URI of the application's, built with {@link Problem}'s constructor.
 *
 * @param code a short kebab-case name such as {@code json-malformed}
 * @param status the HTTP status every problem of this kind has, 400-599
 * @param title the fixed human title of the kind, e.g. {@code Malformed JSON body}
 */
public record ProblemType(String code, int status, String title) {
  /** The URI every code is appended to. */
  public static final String BASE = "https://keel.dev/problems/";

  private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9]*(?:-[a-z0-9]+)*");

  public ProblemType {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(title, "title");
    if (!CODE.matcher(code).matches()) {
      throw new IllegalArgumentException(
          "code: '" + code + "' (expected: lower-case words joined by '-', e.g. json-malformed)");
    }
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("status: " + status + " (expected: 400-599)");
    }
    if (title.isBlank()) throw new IllegalArgumentException("title: blank");
  }

  /** The problem's {@code type}: {@code https://keel.dev/problems/} followed by the code. */
  public String uri() {
    return BASE + code;
  }
}
