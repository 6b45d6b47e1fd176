package dev.keel.views.internal;

import gg.jte.TemplateOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A jte output that writes UTF-8 straight to a stream: static template text arrives pre-encoded
 * (binary static content), dynamic text is encoded as it comes. Not thread-safe; one per render.
 */
public final class StreamOutput implements TemplateOutput {
  private final OutputStream out;

  public StreamOutput(OutputStream out) {
    this.out = out;
  }

  @Override
  public void writeContent(String value) {
    write(value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void writeContent(String value, int beginIndex, int endIndex) {
    writeContent(value.substring(beginIndex, endIndex));
  }

  @Override
  public void writeBinaryContent(byte[] value) {
    write(value);
  }

  private void write(byte[] bytes) {
    try {
      out.write(bytes);
    } catch (IOException e) {
      throw new Failure(e);
    }
  }

  /** Carries an {@link IOException} through jte's generated code, which declares none. */
  public static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Failure(IOException cause) {
      super(cause);
    }

    @Override
    public synchronized IOException getCause() {
      return (IOException) super.getCause();
    }
  }
}
