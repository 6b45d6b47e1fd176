package dev.keel.messaging.internal;

import dev.keel.messaging.Message;
import dev.keel.messaging.spi.Delivery;
import dev.keel.messaging.spi.Headers;
import dev.keel.messaging.spi.OutgoingMessage;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * Records to messages and back: JSON bodies with the strict typing of Keel's request bodies (no
 * value changes its JSON type on the way in, ADR 0021), ids, types and times in headers.
 */
public final class Codec {
  private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};

  private final JsonMapper json;

  public Codec(JsonMapper json) {
    this.json = json;
  }

  /** The mapper Keel's messages use unless the application gives its own. */
  public static JsonMapper defaultMapper() {
    return JsonMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) // newer producers may add
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .addModule(new SimpleModule("keel-messaging-required").setDeserializerModifier(REQUIRED))
        .build();
  }

  /** A record's primitive component must be present; Jackson would quietly use 0 or false. */
  private static final ValueDeserializerModifier REQUIRED =
      new ValueDeserializerModifier() {
        private static final long serialVersionUID = 1L;

        @Override
        public ValueDeserializer<?> modifyDeserializer(
            DeserializationConfig config, BeanDescription.Supplier bean, ValueDeserializer<?> d) {
          Class<?> type = bean.getType().getRawClass();
          return type.isPrimitive() ? new Required(d, type) : d;
        }
      };

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
      throw MismatchedInputException.from(
          ctxt.getParser(), type, "a field of type " + type + " is missing (it has no default)");
    }
  }

  public OutgoingMessage encode(String topic, String key, Record payload) {
    Map<String, String> headers = new HashMap<>();
    String id = UUID.randomUUID().toString();
    headers.put(Headers.ID, id);
    headers.put(Headers.TYPE, payload.getClass().getName());
    headers.put(Headers.PUBLISHED_AT, Long.toString(System.currentTimeMillis()));
    return new OutgoingMessage(topic, id, key, headers, json.writeValueAsBytes(payload));
  }

  /**
   * Reads {@code delivery} as a {@code type}.
   *
   * @throws tools.jackson.core.JacksonException when the body is no {@code type}
   * @throws IllegalArgumentException when Keel's id header is missing
   */
  public <T extends Record> Message<T> decode(
      String topic, Delivery delivery, Class<T> type, int attempt) {
    Map<String, String> headers = delivery.headers();
    String id = headers.get(Headers.ID);
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("the message has no " + Headers.ID + " header");
    }
    T payload = json.readValue(delivery.body(), type);
    if (payload == null) throw new IllegalArgumentException("the message body is null");
    long at = parseLong(headers.get(Headers.PUBLISHED_AT));
    return new Message<>(id, topic, payload, attempt, Instant.ofEpochMilli(at), headers);
  }

  public String headersJson(Map<String, String> headers) {
    return json.writeValueAsString(headers);
  }

  public Map<String, String> headers(String text) {
    return json.readValue(text, HEADERS);
  }

  private static long parseLong(String s) {
    try {
      return s == null ? 0 : Long.parseLong(s);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
