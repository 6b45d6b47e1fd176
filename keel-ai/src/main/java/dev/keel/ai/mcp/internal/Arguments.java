package dev.keel.ai.mcp.internal;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a call's arguments into their record and validates them with Bean Validation; what is wrong
 * comes back as one sentence naming each field, for the model to correct.
 */
final class Arguments {
  private static final class Holder {
    static final Validator VALIDATOR =
        jakarta.validation.Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();
  }

  private final JsonMapper mapper;

  Arguments(JsonMapper mapper) {
    this.mapper = mapper;
  }

  /** Boots the validator so that the first call does not pay for it. */
  static void boot() {
    var unused = Holder.VALIDATOR;
  }

  /** The arguments as {@code type}, or a {@link Invalid} saying what is wrong. */
  <A> A read(JsonNode arguments, Class<A> type) {
    A value;
    try {
      value = mapper.treeToValue(arguments, type);
    } catch (JacksonException e) {
      String field =
          e.getPath().stream()
              .map(
                  r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
              .collect(Collectors.joining("."));
      throw new Invalid(
          (field.isEmpty() ? "" : "argument '" + field + "': ")
              + firstLine(e.getOriginalMessage()));
    }
    if (value == null) throw new Invalid("the arguments must be a JSON object");
    Set<ConstraintViolation<A>> violations = Holder.VALIDATOR.validate(value);
    if (!violations.isEmpty()) {
      throw new Invalid(
          violations.stream()
              .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
              .map(v -> "argument '" + v.getPropertyPath() + "' " + v.getMessage())
              .collect(Collectors.joining("; ")));
    }
    return value;
  }

  private static String firstLine(String message) {
    String m = Optional.ofNullable(message).orElse("does not fit").strip();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  /** Arguments that do not fit their record or its constraints. */
  static final class Invalid extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message, null, false, false);
    }
  }
}
