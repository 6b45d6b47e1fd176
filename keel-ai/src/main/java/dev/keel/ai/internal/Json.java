package dev.keel.ai.internal;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The JSON mapper and validator keel-ai reads models' answers and tool arguments with. */
public final class Json {
  private Json() {}

  public static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private static final class Holder {
    static final Validator VALIDATOR =
        jakarta.validation.Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();
  }

  /**
   * Reads {@code json} as {@code type} and validates it: the value, or the reasons it does not fit
   * (one sentence, the fields sorted) for a model to correct.
   */
  public static <T> Checked<T> read(String json, Class<T> type) {
    T value;
    try {
      value = MAPPER.readValue(json, type);
    } catch (JacksonException e) {
      return new Checked<>(null, "the JSON does not fit " + type.getSimpleName() + ": " + brief(e));
    }
    if (value == null) {
      return new Checked<>(
          null, "the JSON is null; expected an object for " + type.getSimpleName());
    }
    List<String> violations =
        Holder.VALIDATOR.validate(value).stream()
            .sorted(
                Comparator.comparing((ConstraintViolation<T> v) -> v.getPropertyPath().toString()))
            .map(v -> v.getPropertyPath() + ": " + v.getMessage())
            .toList();
    if (!violations.isEmpty()) return new Checked<>(null, String.join("; ", violations));
    return new Checked<>(value, null);
  }

  /** Jackson's message without the source excerpt (which may be long). */
  private static String brief(JacksonException e) {
    String m = e.getOriginalMessage();
    return m == null ? e.getClass().getSimpleName() : m;
  }

  /** A value that fits, or the sentence why not. */
  public record Checked<T>(T value, String problem) {
    public boolean ok() {
      return problem == null;
    }
  }
}
