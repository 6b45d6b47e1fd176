package dev.keel.views;

import dev.keel.core.RenderedBody;
import dev.keel.views.internal.StreamOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * A template with its model, returned from a handler: {@code return views.render("fortunes.jte",
 * fortunes)}. Keel renders it after the handler returns, on the handler's thread, into a complete
 * {@code text/html; charset=UTF-8} response (with {@code Content-Length}, {@code ETag} and gzip
 * like any complete body). Everything written through {@code ${...}} is HTML-escaped; a rendering
 * error becomes a 500 problem+json response and is logged with the template's name and line.
 *
 * <p>Immutable; made by {@link Views#render(String, Object)} or {@link Views#render(String, Map)}.
 */
public final class View implements RenderedBody {
  /** The content type of every view. */
  public static final String HTML = "text/html; charset=UTF-8";

  private final Views views;
  private final String template;
  private final Object model;
  private final Map<String, Object> params;

  View(Views views, String template, Object model, Map<String, Object> params) {
    this.views = views;
    this.template = template;
    this.model = model;
    this.params = params;
  }

  /** The template's name, e.g. {@code fortunes.jte}. */
  public String template() {
    return template;
  }

  /** The single model object, when the view was made with {@link Views#render(String, Object)}. */
  public Optional<Object> model() {
    return Optional.ofNullable(model);
  }

  /** The named parameters, when made with {@link Views#render(String, Map)}; else empty. */
  public Map<String, Object> params() {
    return params;
  }

  @Override
  public String contentType() {
    return HTML;
  }

  @Override
  public void writeTo(OutputStream out) throws IOException {
    try {
      views.render(this, new StreamOutput(out));
    } catch (StreamOutput.Failure e) {
      throw e.getCause();
    }
  }

  /** Renders into a string, e.g. for an e-mail or a test. */
  public String renderToString() {
    var out = new ByteArrayOutputStream();
    try {
      writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen: the stream is in memory
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "View[" + template + "]";
  }
}
