package dev.keel.httpclient;

import dev.keel.core.HttpException;
import dev.keel.core.Problem;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The remote service answered with a status outside 2xx, or a 2xx body that is not the expected
 * type. {@link #remoteProblem()} is its RFC 9457 problem when it sent {@code
 * application/problem+json} (every Keel service does); {@link #remoteBody(Class)} reads any other
 * JSON error body. Uncaught in a handler it answers 502 {@code remote-error} with the remote status
 * and problem type as extensions, never the remote body.
 */
public final class RemoteProblem extends HttpException {
  private static final long serialVersionUID = 1L;
  private final String service;
  private final int remoteStatus;
  private final String contentType;
  private final transient byte[] body;
  private final transient Problem remoteProblem;
  private final transient JsonMapper json;

  public RemoteProblem(
      String service,
      String detail,
      int remoteStatus,
      String contentType,
      byte[] body,
      Optional<Problem> remoteProblem,
      JsonMapper json) {
    super(
        Problem.of(HttpClientProblems.REMOTE_ERROR, detail)
            .with("service", service)
            .with("remoteStatus", remoteStatus)
            .with("remoteType", remoteProblem.map(Problem::type).orElse("about:blank")));
    this.service = service;
    this.remoteStatus = remoteStatus;
    this.contentType = contentType;
    this.body = body.clone();
    this.remoteProblem = remoteProblem.orElse(null);
    this.json = json;
  }

  public String service() {
    return service;
  }

  /** The status the remote service answered, e.g. 404 or 503. */
  public int remoteStatus() {
    return remoteStatus;
  }

  public String contentType() {
    return contentType;
  }

  /** The remote problem+json body, when it sent one. */
  public Optional<Problem> remoteProblem() {
    return Optional.ofNullable(remoteProblem);
  }

  /** The remote body as text (UTF-8). */
  public String remoteBody() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The remote JSON body as {@code type}, for services with an error shape of their own. */
  public <T> T remoteBody(Class<T> type) {
    return json.readValue(body, type);
  }
}
