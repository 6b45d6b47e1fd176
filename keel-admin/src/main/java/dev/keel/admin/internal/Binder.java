package dev.keel.admin.internal;

import dev.keel.core.Form;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.lang.reflect.InvocationTargetException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Turns a submitted form into a record of a model, or into messages per field: each value is parsed
 * to its component's type (a wrong type names the expected form), lengths are checked, then the
 * record's Jakarta constraints run. Nothing is written here.
 */
public final class Binder {
  /** Bean Validation as keel-web runs it (messages without EL). */
  private static final Validator VALIDATOR =
      Validation.byDefaultProvider()
          .configure()
          .messageInterpolator(new ParameterMessageInterpolator())
          .buildValidatorFactory()
          .getValidator();

  private Binder() {}

  /**
   * The outcome: the record when {@code errors} is empty, and the submitted text per field to show
   * again.
   */
  public record Bound<T>(
      Optional<T> record, Map<String, String> errors, Map<String, String> text) {}

  /**
   * Binds {@code form} over {@code existing} (an edit; empty for a create): the key, the version
   * and read-only fields come from {@code existing}, never from the form; the version comes from
   * the form's {@code _version} so a stale edit is detected by the repository.
   */
  public static <T extends Record> Bound<T> bind(Model<T> model, Form form, Optional<T> existing) {
    var errors = new LinkedHashMap<String, String>();
    var text = new LinkedHashMap<String, String>();
    Object[] values = new Object[model.fields().size()];
    for (int i = 0; i < values.length; i++) {
      Field f = model.fields().get(i);
      if (f.version() && existing.isPresent()) {
        String v = form.field("_version").orElse("");
        try {
          values[i] = convertInt(f, Long.parseLong(v.strip()));
        } catch (NumberFormatException e) {
          // shown at the top of the form: the version has no input of its own
          errors.put(
              "",
              "The form's version field is missing or altered ('"
                  + shorten(v)
                  + "'); reload the page and apply the change again. Nothing was saved.");
        }
      } else if (f.readOnly()) {
        values[i] = existing.isPresent() ? model.value(existing.get(), i) : fresh(f);
      } else {
        String raw = form.field(f.name()).orElse("");
        text.put(f.name(), raw);
        try {
          values[i] = parse(f, raw);
        } catch (Invalid e) {
          errors.put(f.name(), e.getMessage());
        }
      }
    }
    if (!errors.isEmpty()) return new Bound<>(Optional.empty(), errors, text);
    T record;
    try {
      record = model.create(values);
    } catch (InvocationTargetException e) {
      // the record's compact constructor refused the values: its message is for people
      errors.put("", String.valueOf(e.getCause().getMessage()));
      return new Bound<>(Optional.empty(), errors, text);
    }
    for (ConstraintViolation<T> v : VALIDATOR.validate(record)) {
      String name = v.getPropertyPath().iterator().next().getName();
      errors.putIfAbsent(name == null ? "" : name, capitalize(message(v)) + ".");
    }
    return errors.isEmpty()
        ? new Bound<>(Optional.of(record), Map.of(), text)
        : new Bound<>(Optional.empty(), errors, text);
  }

  private static final java.util.regex.Pattern CONDITIONAL =
      java.util.regex.Pattern.compile("\\$\\{(\\w+) == true \\? '([^']*)' : '([^']*)'}");

  /**
   * The violation's message. The interpolator runs without EL (as keel-web's does), so the one form
   * Hibernate Validator's own messages use, {@code ${inclusive == true ? 'a' : 'b'}} (in
   * {@code @DecimalMin}/{@code @DecimalMax}), is resolved here from the constraint's attributes.
   */
  private static String message(ConstraintViolation<?> v) {
    Map<String, Object> attributes = v.getConstraintDescriptor().getAttributes();
    return CONDITIONAL
        .matcher(v.getMessage())
        .replaceAll(
            m ->
                java.util.regex.Matcher.quoteReplacement(
                    Boolean.TRUE.equals(attributes.get(m.group(1))) ? m.group(2) : m.group(3)));
  }

  /** A value as a form input or a list cell shows it. */
  public static String text(Field f, Object value) {
    Object v = value instanceof Optional<?> o ? o.orElse(null) : value;
    if (v == null) return "";
    return switch (f.kind()) {
      case INSTANT ->
          LocalDateTime.ofInstant(((Instant) v).truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC)
              .toString();
      case DATETIME -> ((LocalDateTime) v).truncatedTo(ChronoUnit.SECONDS).toString();
      case CHOICE -> ((Enum<?>) v).name();
      case DECIMAL -> v instanceof BigDecimal d ? d.toPlainString() : v.toString();
      default -> v.toString();
    };
  }

  private static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message, null, false, false);
    }
  }

  private static Object parse(Field f, String raw) throws Invalid {
    String s = f.kind() == Field.Kind.TEXT || f.kind() == Field.Kind.EMAIL ? raw : raw.strip();
    if (f.kind() == Field.Kind.CHECKBOX) {
      return s.equals("on") || s.equals("true");
    }
    if (f.kind() == Field.Kind.TEXT || f.kind() == Field.Kind.EMAIL) {
      if (f.maxLength().isPresent()
          && s.codePointCount(0, s.length()) > f.maxLength().getAsLong()) {
        throw new Invalid(
            "At most "
                + f.maxLength().getAsLong()
                + " characters; this has "
                + s.codePointCount(0, s.length())
                + ".");
      }
      if (s.isEmpty() && f.optional()) return Optional.empty();
      return f.optional() ? Optional.of(s) : s;
    }
    if (s.isEmpty()) {
      if (f.required()) throw new Invalid("This field is required.");
      return f.optional() ? Optional.empty() : null;
    }
    Object v = convert(f, s);
    return f.optional() ? Optional.of(v) : v;
  }

  private static Object convert(Field f, String s) throws Invalid {
    try {
      return switch (f.kind()) {
        case INTEGER -> {
          long n = Long.parseLong(s);
          if (f.min().isPresent() && n < f.min().getAsLong()) {
            throw new Invalid("Must be at least " + f.min().getAsLong() + ".");
          }
          if (f.max().isPresent() && n > f.max().getAsLong()) {
            throw new Invalid("Must be at most " + f.max().getAsLong() + ".");
          }
          yield convertInt(f, n);
        }
        case DECIMAL ->
            f.value() == BigDecimal.class
                ? new BigDecimal(s)
                : f.value() == Float.class ? (Object) Float.parseFloat(s) : Double.parseDouble(s);
        case DATE -> LocalDate.parse(s);
        case DATETIME -> LocalDateTime.parse(s);
        case INSTANT -> LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
        case UUID -> java.util.UUID.fromString(s);
        case CHOICE -> choice(f, s);
        default -> throw new Invalid("This field cannot be changed here.");
      };
    } catch (NumberFormatException e) {
      throw new Invalid(
          (f.kind() == Field.Kind.INTEGER ? "Enter a whole number, e.g. 42" : "Enter a number")
              + "; '"
              + shorten(s)
              + "' is not one.");
    } catch (DateTimeParseException e) {
      String example =
          f.kind() == Field.Kind.DATE ? "2026-05-01" : "2026-05-01T14:30 (UTC for instants)";
      throw new Invalid("Enter a date as " + example + "; '" + shorten(s) + "' is not one.");
    } catch (IllegalArgumentException e) {
      throw new Invalid(
          "Enter a UUID such as " + new UUID(0, 1) + "; '" + shorten(s) + "' is not one.");
    }
  }

  private static Object choice(Field f, String s) throws Invalid {
    if (!f.choices().contains(s)) {
      throw new Invalid("Choose one of " + String.join(", ", f.choices()) + ".");
    }
    for (Object c : f.value().getEnumConstants()) {
      if (((Enum<?>) c).name().equals(s)) return c;
    }
    throw new Invalid("Choose one of " + String.join(", ", f.choices()) + ".");
  }

  private static Object convertInt(Field f, long n) throws NumberFormatException {
    if (f.value() == Long.class) return n;
    if (f.value() == Integer.class && n == (int) n) return (int) n;
    if (f.value() == Short.class && n == (short) n) return (short) n;
    throw new NumberFormatException("out of range");
  }

  /** The value of a read-only component on a create. */
  private static Object fresh(Field f) {
    Object v =
        switch (f.kind()) {
          case INSTANT -> Instant.now();
          case DATETIME -> LocalDateTime.now(ZoneOffset.UTC);
          case DATE -> LocalDate.now(ZoneOffset.UTC);
          case INTEGER -> f.primitive() || f.version() ? zero(f) : null;
          case DECIMAL -> f.primitive() ? zero(f) : null;
          case CHECKBOX -> f.primitive() ? false : null;
          default -> null;
        };
    if (f.optional()) return Optional.ofNullable(v);
    return v;
  }

  private static Object zero(Field f) {
    if (f.value() == Long.class) return 0L;
    if (f.value() == Integer.class) return 0;
    if (f.value() == Short.class) return (short) 0;
    if (f.value() == Float.class) return 0f;
    return 0d;
  }

  private static String shorten(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
