package dev.keel.views;

/**
 * A template that cannot be found, compiled or rendered. Thrown while the response is rendered, so
 * the client gets a 500 problem+json (never the message) and the log gets the message, which names
 * the template, the line when known, and the fix.
 *
 * <table>
 *   <caption>Codes</caption>
 *   <tr><th>code</th><th>meaning</th><th>how to solve</th></tr>
 *   <tr><td>{@value #NOT_FOUND}</td><td>no template of that name</td>
 *       <td>check the name (relative to the template folder, e.g. {@code pages/home.jte}); in
 *       production, make sure the build precompiles the templates (README, "Production")</td></tr>
 *   <tr><td>{@value #FAILED}</td><td>the template does not compile, or failed while rendering
 *       (e.g. the model's type does not match its {@code @param})</td>
 *       <td>fix the template at the line named in the message</td></tr>
 * </table>
 */
public final class ViewException extends RuntimeException {
  public static final String NOT_FOUND = "KEEL-VIEWS-001";
  public static final String FAILED = "KEEL-VIEWS-002";

  private static final long serialVersionUID = 1L;

  private final String code;

  ViewException(String code, String message, Throwable cause) {
    super(code + " " + message, cause);
    this.code = code;
  }

  /** The stable code, e.g. {@value #NOT_FOUND}. */
  public String code() {
    return code;
  }
}
