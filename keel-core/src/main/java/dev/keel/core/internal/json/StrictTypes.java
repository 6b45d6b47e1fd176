package dev.keel.core.internal.json;

import java.lang.reflect.Array;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.ArrayType;
import tools.jackson.databind.type.CollectionType;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.databind.type.MapType;

/**
 * The rules of ADR 0021 that Jackson's coercion settings cannot express: floating-point values must
 * be finite JSON numbers; a record's primitive component must be present; {@code java.time} values
 * are ISO-8601 strings only; collections, arrays and maps have at most {@code
 * keel.json.max-collection-size} elements.
 */
final class StrictTypes {
  private StrictTypes() {}

  static SimpleModule module(int maxCollectionSize) {
    var module = new SimpleModule("keel-strict-types");
    module.setDeserializerModifier(new Modifier(maxCollectionSize));
    iso(module, Instant.class, Instant::parse);
    iso(module, LocalDate.class, LocalDate::parse);
    iso(module, LocalDateTime.class, LocalDateTime::parse);
    iso(module, LocalTime.class, LocalTime::parse);
    iso(module, OffsetDateTime.class, OffsetDateTime::parse);
    iso(module, ZonedDateTime.class, ZonedDateTime::parse);
    iso(module, Duration.class, Duration::parse);
    return module;
  }

  private static <T> void iso(SimpleModule module, Class<T> type, Function<String, T> parse) {
    module.addDeserializer(type, new Iso<>(type, parse));
  }

  /** A Keel rule broken; its message is written for the client and used as it is. */
  static class InvalidValue extends MismatchedInputException {
    private static final long serialVersionUID = 1L;

    InvalidValue(JsonParser p, String message, Class<?> type) {
      super(p, message, type);
    }
  }

  /** A collection over {@code keel.json.max-collection-size}: a limit, not a wrong value. */
  static final class OverLimit extends InvalidValue {
    private static final long serialVersionUID = 1L;

    OverLimit(JsonParser p, String message, Class<?> type) {
      super(p, message, type);
    }
  }

  /**
   * A {@code java.time} value from an ISO-8601 string, parsed by the type's own {@code parse}: what
   * {@code toString()} writes. Jackson would also take epoch numbers ({@code 1700000000}), digit
   * strings, arrays ({@code [2026,1,31]}), and cut a date-time down to a date.
   */
  private static final class Iso<T> extends StdScalarDeserializer<T> {
    private final Function<String, T> parse;

    Iso(Class<T> type, Function<String, T> parse) {
      super(type);
      this.parse = parse;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(JsonParser p, DeserializationContext ctxt) {
      if (!p.hasToken(JsonToken.VALUE_STRING)) {
        return (T) ctxt.handleUnexpectedToken(handledType(), p);
      }
      String text = p.getString();
      try {
        return parse.apply(text);
      } catch (DateTimeException e) {
        throw InvalidFormatException.from(p, "not ISO-8601", text, handledType());
      }
    }

    @Override
    public LogicalType logicalType() {
      return LogicalType.DateTime;
    }
  }

  private static final class Modifier extends ValueDeserializerModifier {
    private static final long serialVersionUID = 1L;
    private final int maxSize;

    Modifier(int maxSize) {
      this.maxSize = maxSize;
    }

    @Override
    public ValueDeserializer<?> modifyDeserializer(
        DeserializationConfig config, BeanDescription.Supplier bean, ValueDeserializer<?> d) {
      Class<?> type = bean.getType().getRawClass();
      if (type == double.class || type == Double.class) d = new Finite(d, type);
      if (type == float.class || type == Float.class) d = new Finite(d, type);
      if (type.isPrimitive()) d = new Required(d, type);
      return d;
    }

    @Override
    public ValueDeserializer<?> modifyCollectionDeserializer(
        DeserializationConfig config,
        CollectionType type,
        BeanDescription.Supplier bean,
        ValueDeserializer<?> d) {
      return new Sized(d, type.getRawClass(), maxSize);
    }

    @Override
    public ValueDeserializer<?> modifyMapDeserializer(
        DeserializationConfig config,
        MapType type,
        BeanDescription.Supplier bean,
        ValueDeserializer<?> d) {
      return new Sized(d, type.getRawClass(), maxSize);
    }

    @Override
    public ValueDeserializer<?> modifyArrayDeserializer(
        DeserializationConfig config,
        ArrayType type,
        BeanDescription.Supplier bean,
        ValueDeserializer<?> d) {
      Class<?> component = type.getContentType().getRawClass();
      // byte[] is one base64 string, char[] one string: their length is the string limit's
      if (component == byte.class || component == char.class) return d;
      return new Sized(d, type.getRawClass(), maxSize);
    }
  }

  /**
   * {@code double} and {@code float} from JSON numbers only, and finite: Jackson also reads the
   * strings {@code "NaN"} and {@code "Infinity"}, and turns {@code 1e60} into a float's infinity.
   */
  private static final class Finite extends DelegatingDeserializer {
    private final Class<?> type;

    Finite(ValueDeserializer<?> delegate, Class<?> type) {
      super(delegate);
      this.type = type;
    }

    @Override
    protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
      return new Finite(delegate, type);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) {
      if (p.hasToken(JsonToken.VALUE_STRING)) {
        throw InvalidFormatException.from(p, "not a number", p.getString(), type);
      }
      Object value = super.deserialize(p, ctxt);
      if (value instanceof Number n && !Double.isFinite(n.doubleValue())) {
        throw new InvalidValue(
            p, "must be " + JsonErrors.expected(type) + ", not " + p.getString(), type);
      }
      return value;
    }
  }

  /**
   * A primitive component of a record that the document leaves out is a 400, as it is in the
   * OpenAPI schema ({@code required}); Jackson would quietly use 0 or false.
   */
  private static final class Required extends DelegatingDeserializer {
    private final Class<?> type;

    Required(ValueDeserializer<?> delegate, Class<?> type) {
      super(delegate);
      this.type = type;
    }

    @Override
    protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
      return new Required(delegate, type);
    }

    @Override
    public Object getAbsentValue(DeserializationContext ctxt) {
      throw new InvalidValue(
          ctxt.getParser(),
          "is missing; send "
              + JsonErrors.expected(type)
              + " (a field of type "
              + type
              + " has no default)",
          type);
    }
  }

  /** At most {@code max} elements in a collection, array or map, wherever it is nested. */
  private static final class Sized extends DelegatingDeserializer {
    private final Class<?> type;
    private final int max;

    Sized(ValueDeserializer<?> delegate, Class<?> type, int max) {
      super(delegate);
      this.type = type;
      this.max = max;
    }

    @Override
    protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
      return new Sized(delegate, type, max);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) {
      return checked(super.deserialize(p, ctxt), p);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt, Object into) {
      return checked(super.deserialize(p, ctxt, into), p);
    }

    private Object checked(Object value, JsonParser p) {
      int size;
      if (value instanceof Collection<?> c) {
        size = c.size();
      } else if (value instanceof Map<?, ?> m) {
        size = m.size();
      } else if (value != null && value.getClass().isArray()) {
        size = Array.getLength(value);
        finiteElements(value, p);
      } else {
        return value;
      }
      if (size > max) {
        throw new OverLimit(
            p,
            "has "
                + size
                + (value instanceof Map ? " entries" : " elements")
                + "; at most "
                + max
                + " are allowed",
            type);
      }
      return value;
    }

    // double[] and float[] read their elements without the Finite check of Double and Float
    private void finiteElements(Object array, JsonParser p) {
      if (array instanceof double[] d) {
        for (int i = 0; i < d.length; i++) {
          if (!Double.isFinite(d[i])) throw notFinite(p, i, double.class);
        }
      } else if (array instanceof float[] f) {
        for (int i = 0; i < f.length; i++) {
          if (!Float.isFinite(f[i])) throw notFinite(p, i, float.class);
        }
      }
    }

    private static InvalidValue notFinite(JsonParser p, int index, Class<?> type) {
      var e = new InvalidValue(p, "must be " + JsonErrors.expected(type), type);
      e.prependPath(null, index);
      return e;
    }
  }
}
