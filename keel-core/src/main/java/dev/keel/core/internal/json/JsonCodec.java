package dev.keel.core.internal.json;

import dev.keel.core.BadRequest;
import dev.keel.core.HttpException;
import dev.keel.core.Problem;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Keel's JSON codec: Jackson with hard limits on what a request body may contain, and errors that
 * say where a body broke. Thread-safe; one instance per application.
 */
public final class JsonCodec {

  /** Limits on parsed JSON; the document size is bounded by the request body limit as well. */
  public record Limits(int maxNestingDepth, int maxStringLength, int maxNumberLength) {
    public static final Limits DEFAULT = new Limits(64, 1_000_000, 100);
  }

  private final JsonMapper mapper;

  public JsonCodec(Limits limits) {
    var constraints =
        StreamReadConstraints.builder()
            .maxNestingDepth(limits.maxNestingDepth())
            .maxStringLength(limits.maxStringLength())
            .maxNumberLength(limits.maxNumberLength())
            .build();
    var factory = JsonFactory.builder().streamReadConstraints(constraints).build();
    this.mapper =
        JsonMapper.builder(factory)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(new SimpleModule("keel-instants").addSerializer(new InstantWithFraction()))
            .build();
  }

  /**
   * Writes an {@link Instant} as ISO-8601 UTC that always has a fraction: {@code
   * 2026-05-01T12:00:00.000Z}, never {@code 12:00:00Z} on a whole second. Clients that parse with a
   * fixed pattern (JavaScript's {@code toISOString} shape; RealWorld's suite) then never break once
   * a second; finer instants keep their micro- or nanoseconds.
   */
  private static final class InstantWithFraction extends StdSerializer<Instant> {
    InstantWithFraction() {
      super(Instant.class);
    }

    @Override
    public void serialize(Instant value, JsonGenerator gen, SerializationContext context) {
      String text = value.toString();
      gen.writeString(value.getNano() == 0 ? text.substring(0, text.length() - 1) + ".000Z" : text);
    }
  }

  public JsonMapper mapper() {
    return mapper;
  }

  public byte[] write(Object value) {
    return mapper.writeValueAsBytes(value);
  }

  public void write(Object value, OutputStream out) {
    mapper.writeValue(out, value);
  }

  /** Parses a request body; malformed or mistyped JSON becomes a 400 that names the spot. */
  public <T> T read(byte[] body, Class<T> type) {
    if (body.length == 0) {
      throw new BadRequest(
          "The request body is empty; send a JSON document for " + type.getSimpleName() + ".");
    }
    try {
      return mapper.readValue(body, type);
    } catch (JacksonException e) {
      throw badJson(e, type);
    }
  }

  public <T> T read(InputStream body, Class<T> type) {
    try {
      return mapper.readValue(body, type);
    } catch (JacksonException e) {
      throw badJson(e, type);
    }
  }

  private static HttpException badJson(JacksonException e, Class<?> type) {
    String where = location(e);
    String field = fieldPath(e.getPath());
    String detail;
    if (e instanceof StreamConstraintsException) {
      detail = "The JSON body exceeds a limit" + where + ": " + e.getOriginalMessage();
    } else if (e instanceof StreamReadException) {
      detail = "The request body is not valid JSON" + where + ": " + e.getOriginalMessage();
    } else if (!field.isEmpty()) {
      detail =
          "Field '"
              + field
              + "' has the wrong type or value"
              + where
              + ": "
              + firstSentence(e.getOriginalMessage());
      return new HttpException(
          Problem.of(400, detail)
              .withErrors(
                  List.of(new Problem.FieldError(field, firstSentence(e.getOriginalMessage())))));
    } else {
      detail =
          "The JSON body does not fit "
              + type.getSimpleName()
              + where
              + ": "
              + firstSentence(e.getOriginalMessage());
    }
    return new BadRequest(detail);
  }

  private static String location(JacksonException e) {
    var loc = e.getLocation();
    if (loc == null || loc.getLineNr() < 1) {
      return "";
    }
    return " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
  }

  private static String fieldPath(List<JacksonException.Reference> path) {
    var b = new StringBuilder();
    for (var ref : path) {
      if (ref.getPropertyName() != null) {
        if (!b.isEmpty()) b.append('.');
        b.append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        b.append('[').append(ref.getIndex()).append(']');
      }
    }
    return b.toString();
  }

  // Jackson's messages go on with a "\n at [Source: ...]" tail and class names; keep the sentence.
  private static String firstSentence(String message) {
    if (message == null) return "invalid value";
    int nl = message.indexOf('\n');
    String s = nl >= 0 ? message.substring(0, nl) : message;
    // no package names or parser internals in client-facing text
    return s.replaceAll("\\s*\\(token `[^`]*`\\)", "")
        .replaceAll("(?:[a-z_][\\w]*\\.)+([A-Z][\\w$]*)", "$1") // java.util.List<a.B> -> List<B>
        .replace("`", "")
        .replace('$', '.');
  }
}
