package dev.keel.core;

import java.util.List;
import java.util.Objects;

/**
 * Configuration that stops start-up. The message lists every problem, one per line, each naming the
 * key, the value (masked for secrets), where it came from and what is allowed.
 *
 * <table>
 *   <caption>Codes</caption>
 *   <tr><th>code</th><th>meaning</th><th>how to solve</th></tr>
 *   <tr><td>{@value #INVALID_VALUE}</td><td>a value is malformed or out of range</td>
 *       <td>fix the value at the place named in the message</td></tr>
 *   <tr><td>{@value #UNKNOWN_KEY}</td><td>a {@code keel.*} key that nothing reads</td>
 *       <td>fix the spelling (a suggestion is given when one is close) or remove it</td></tr>
 *   <tr><td>{@value #UNREADABLE_FILE}</td><td>a properties file cannot be read or parsed</td>
 *       <td>fix the line named, or save the file as UTF-8</td></tr>
 * </table>
 *
 * <p>When both invalid values and unknown keys are found, the code is {@value #INVALID_VALUE} and
 * {@link #problems()} holds both.
 *
 * <p>The message says everything, so the exception has no stack trace: uncaught from {@code main},
 * it prints as its message alone.
 */
public final class ConfigException extends RuntimeException {

  public static final String INVALID_VALUE = "KEEL-CONFIG-001";
  public static final String UNKNOWN_KEY = "KEEL-CONFIG-002";
  public static final String UNREADABLE_FILE = "KEEL-CONFIG-003";

  private static final long serialVersionUID = 1L;

  private final String code;
  private final String[] problems; // an array because exceptions are Serializable and List is not

  public ConfigException(String code, List<String> problems) {
    super(message(code, problems), null, false, false);
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ConfigException needs at least one problem");
    }
    this.code = code;
    this.problems = problems.toArray(String[]::new);
  }

  /** The stable code, e.g. {@value #INVALID_VALUE}. */
  public String code() {
    return code;
  }

  /** Each problem in one sentence, in the order found. */
  public List<String> problems() {
    return List.of(problems);
  }

  private static String message(String code, List<String> problems) {
    String title =
        switch (Objects.requireNonNull(code, "code")) {
          case INVALID_VALUE -> "invalid configuration";
          case UNKNOWN_KEY -> "unknown configuration keys";
          case UNREADABLE_FILE -> "unreadable configuration file";
          default -> "configuration problem";
        };
    StringBuilder message = new StringBuilder(code).append(": ").append(title).append(" (");
    message.append(problems.size()).append(problems.size() == 1 ? " problem)" : " problems)");
    problems.forEach(p -> message.append("\n  - ").append(p));
    return message.toString();
  }
}
