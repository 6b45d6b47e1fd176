package dev.keel.web.internal;

import dev.keel.core.Problem;
import dev.keel.core.UnprocessableContent;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Jakarta Bean Validation (Hibernate Validator) of a handler's arguments, called by generated code
 * after every argument converted. Every violation is reported at once as a 422 problem whose {@code
 * errors} name each field by its dotted path ({@code user.email}, {@code items[0].name}, or the
 * parameter's name such as {@code limit}).
 */
public final class Validation {
  private Validation() {}

  private static final class Holder {
    static final Validator VALIDATOR =
        jakarta.validation.Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();
  }

  /** Boots the validator, so the first request does not pay for it; call at start-up. */
  public static void boot() {
    var unused = Holder.VALIDATOR;
  }

  /** A handler method, looked up once when its generated routes class initializes. */
  public static Method method(Class<?> type, String name, Class<?>... parameters) {
    try {
      return type.getDeclaredMethod(name, parameters);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(
          "generated routes are out of date with " + type.getName() + "; rebuild the project", e);
    }
  }

  /**
   * Validates {@code args} of {@code method}; {@code names} are the request names of the
   * parameters, {@code bodies} marks the request body, whose fields are named without a prefix.
   */
  public static void check(
      Object controller, Method method, Object[] args, String[] names, boolean[] bodies) {
    Set<ConstraintViolation<Object>> violations =
        Holder.VALIDATOR.forExecutables().validateParameters(controller, method, args);
    if (violations.isEmpty()) return;
    var errors = new ArrayList<Problem.FieldError>();
    for (ConstraintViolation<Object> v : violations) {
      errors.add(new Problem.FieldError(field(v.getPropertyPath(), names, bodies), v.getMessage()));
    }
    errors.sort(
        Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message));
    throw new UnprocessableContent(
        errors.size() == 1
            ? "1 field is invalid; correct it and send the request again."
            : errors.size() + " fields are invalid; correct them and send the request again.",
        List.copyOf(errors));
  }

  private static String field(Path path, String[] names, boolean[] bodies) {
    var b = new StringBuilder();
    for (Path.Node node : path) {
      ElementKind kind = node.getKind();
      if (kind == ElementKind.METHOD || kind == ElementKind.CROSS_PARAMETER) continue;
      if (kind == ElementKind.PARAMETER) {
        int i = node.as(Path.ParameterNode.class).getParameterIndex();
        if (!bodies[i]) b.append(names[i]);
        continue;
      }
      if (node.isInIterable()) {
        b.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
      }
      if (kind == ElementKind.PROPERTY && node.getName() != null) {
        if (!b.isEmpty()) b.append('.');
        b.append(node.getName());
      }
    }
    return b.isEmpty() ? "body" : b.toString();
  }
}
