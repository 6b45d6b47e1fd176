package dev.keel.core.internal.json;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import dev.keel.core.BadRequest;
import dev.keel.core.ProblemTypes;
import java.io.OutputStream;
import java.time.Instant;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.cfg.MutableCoercionConfig;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;
import tools.jackson.databind.type.LogicalType;

/**
 * Keel's JSON codec: Jackson with strict types (ADR 0021: no value changes its JSON type on the way
 * in), hard limits on what a request body may contain, and errors that say where a body broke and
 * which field is wrong. Thread-safe; one instance per application.
 */
public final class JsonCodec {

  /**
   * Limits on parsed JSON; the document size is bounded by the request body limit as well.
   *
   * @param maxCollectionSize most elements of one array, collection or map read into a typed value
   */
  public record Limits(
      int maxNestingDepth, int maxStringLength, int maxNumberLength, int maxCollectionSize) {
    public static final Limits DEFAULT = new Limits(64, 1_000_000, 100, 1_000);
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
            // Strict types: numbers, booleans and dates are never read from strings or from each
            // other, integers never from 1.5 or 1.0, enums never from their ordinal.
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            // ... and strings only from JSON strings (Jackson's default turns 12345 into "12345");
            // UUID, URI and the like never from numbers or "" (Jackson would give null).
            .withCoercionConfig(LogicalType.Textual, c -> failFromScalars(c, false))
            .withCoercionConfig(LogicalType.OtherScalar, c -> failFromScalars(c, true))
            // [null] and {"k": null} for collections and maps: handlers never see null elements
            .changeDefaultNullHandling(n -> JsonSetter.Value.forContentNulls(Nulls.FAIL))
            .addModule(StrictTypes.module(limits.maxCollectionSize()))
            .addModule(new SimpleModule("keel-instants").addSerializer(new InstantWithFraction()))
            .build();
  }

  private static void failFromScalars(MutableCoercionConfig config, boolean emptyString) {
    config
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    if (emptyString) config.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
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

  /**
   * Parses a request body into {@code type}; never returns null. Malformed or mistyped JSON, a
   * {@code null} document, a string with NUL or an unpaired surrogate, and a collection over the
   * limit are each a 400 that names the spot.
   */
  public <T> T read(byte[] body, Class<T> type) {
    return read(body, mapper.constructType(type), type.getSimpleName());
  }

  /** {@link #read(byte[], Class)} for a generic type such as {@code List<Item>}. */
  public <T> T read(byte[] body, TypeReference<T> type) {
    return read(body, type.getType());
  }

  /**
   * {@link #read(byte[], Class)} for any {@link java.lang.reflect.Type}, such as a method's generic
   * parameter type; the caller vouches that {@code T} is {@code type}.
   */
  public <T> T read(byte[] body, java.lang.reflect.Type type) {
    String name = type instanceof Class<?> c ? c.getSimpleName() : simpleName(type.getTypeName());
    return read(body, mapper.constructType(type), name);
  }

  private <T> T read(byte[] body, JavaType type, String typeName) {
    if (body.length == 0) {
      throw new BadRequest(
          ProblemTypes.JSON_MALFORMED,
          "The request body is empty; send a JSON document for " + typeName + ".");
    }
    int suspect = JsonText.suspect(body);
    if (suspect >= 0) {
      throw JsonText.explain(mapper, body, suspect, typeName);
    }
    T value;
    try {
      value = mapper.readValue(body, type);
    } catch (JacksonException e) {
      throw JsonErrors.of(e, typeName);
    }
    if (value == null) {
      throw JsonErrors.fieldError(
          ProblemTypes.JSON_FIELD,
          "",
          "must be " + JsonErrors.expected(type.getRawClass()) + ", not null",
          "");
    }
    return value;
  }

  // dev.keel.app.Api$Page<dev.keel.app.Api$Item> -> Page<Item>
  private static String simpleName(String typeName) {
    return typeName.replaceAll("(?:[\\w]+[.$])+([\\w]+)", "$1");
  }
}
