package dev.keel.admin.internal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * One record component as the admin shows and edits it: its value type, form input, and the limits
 * its Jakarta constraints declare (read once at registration).
 *
 * @param name the component's name
 * @param label words for people ({@code createdAt} is "Created at")
 * @param value the value type ({@code X} for {@code Optional<X>}, boxed for primitives)
 * @param primitive whether the component is primitive (never empty)
 * @param optional whether the component is {@code Optional<X>}
 * @param kind how it is entered
 * @param required whether a form must give a value
 * @param maxLength the longest text ({@code @Size(max)}), or empty
 * @param min the least number ({@code @Min}, {@code @Positive}…), or empty
 * @param max the greatest number ({@code @Max}), or empty
 * @param key whether it is the record's key
 * @param version whether it is the {@code @Version} column
 * @param readOnly whether forms show it without changing it
 * @param hidden whether it is never shown (and so never changed): {@code ModelOptions.hide}
 * @param choices an enum's constants, else empty
 */
public record Field(
    String name,
    String label,
    Class<?> value,
    boolean primitive,
    boolean optional,
    Kind kind,
    boolean required,
    OptionalLong maxLength,
    OptionalLong min,
    OptionalLong max,
    boolean key,
    boolean version,
    boolean readOnly,
    boolean hidden,
    List<String> choices) {

  /** Form inputs. */
  public enum Kind {
    TEXT,
    EMAIL,
    INTEGER,
    DECIMAL,
    CHECKBOX,
    DATE,
    DATETIME,
    INSTANT,
    UUID,
    CHOICE,
    /** a type the admin shows but cannot edit (a list, a nested record): always read-only */
    OTHER
  }

  static Field of(
      RecordComponent component, boolean key, boolean version, boolean readOnly, boolean hidden) {
    Annotations c = new Annotations(component);
    Class<?> raw = component.getType();
    boolean optional = raw == Optional.class;
    Class<?> value = optional ? optionalOf(component.getGenericType()) : box(raw);
    Kind kind = kind(value, c.isAnnotationPresent(Email.class));
    boolean required =
        !key
            && !optional
            && kind != Kind.CHECKBOX
            && (raw.isPrimitive()
                || c.isAnnotationPresent(NotNull.class)
                || c.isAnnotationPresent(NotBlank.class)
                || c.isAnnotationPresent(NotEmpty.class));
    Size size = c.getAnnotation(Size.class);
    OptionalLong maxLength =
        size != null && size.max() != Integer.MAX_VALUE
            ? OptionalLong.of(size.max())
            : OptionalLong.empty();
    List<String> choices =
        value.isEnum()
            ? Arrays.stream(value.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList()
            : List.of();
    return new Field(
        component.getName(),
        label(component.getName()),
        value,
        raw.isPrimitive(),
        optional,
        kind,
        required,
        maxLength,
        min(c),
        max(c),
        key,
        version,
        readOnly || hidden || key || version || kind == Kind.OTHER,
        hidden,
        choices);
  }

  /** Whether search may look in it (text columns only). */
  public boolean text() {
    return value == String.class;
  }

  private static Kind kind(Class<?> t, boolean email) {
    if (t == String.class) return email ? Kind.EMAIL : Kind.TEXT;
    if (t == Long.class || t == Integer.class || t == Short.class) return Kind.INTEGER;
    if (t == Double.class || t == Float.class || t == BigDecimal.class) return Kind.DECIMAL;
    if (t == Boolean.class) return Kind.CHECKBOX;
    if (t == LocalDate.class) return Kind.DATE;
    if (t == LocalDateTime.class) return Kind.DATETIME;
    if (t == Instant.class) return Kind.INSTANT;
    if (t == UUID.class) return Kind.UUID;
    if (t.isEnum()) return Kind.CHOICE;
    return Kind.OTHER;
  }

  private static OptionalLong min(Annotations c) {
    Min min = c.getAnnotation(Min.class);
    if (min != null) return OptionalLong.of(min.value());
    DecimalMin dmin = c.getAnnotation(DecimalMin.class);
    if (dmin != null) return OptionalLong.of(new BigDecimal(dmin.value()).longValue());
    if (c.isAnnotationPresent(Positive.class)) return OptionalLong.of(1);
    if (c.isAnnotationPresent(PositiveOrZero.class)) return OptionalLong.of(0);
    return OptionalLong.empty();
  }

  private static OptionalLong max(Annotations c) {
    Max max = c.getAnnotation(Max.class);
    if (max != null) return OptionalLong.of(max.value());
    DecimalMax dmax = c.getAnnotation(DecimalMax.class);
    if (dmax != null) return OptionalLong.of(new BigDecimal(dmax.value()).longValue());
    return OptionalLong.empty();
  }

  private static Class<?> optionalOf(Type generic) {
    if (generic instanceof ParameterizedType p
        && p.getActualTypeArguments()[0] instanceof Class<?> c) {
      return c;
    }
    return Object.class;
  }

  static Class<?> box(Class<?> c) {
    if (!c.isPrimitive()) return c;
    if (c == long.class) return Long.class;
    if (c == int.class) return Integer.class;
    if (c == short.class) return Short.class;
    if (c == boolean.class) return Boolean.class;
    if (c == double.class) return Double.class;
    if (c == float.class) return Float.class;
    return Object.class;
  }

  /**
   * A component's annotations: Jakarta's constraints do not target record components, so Java puts
   * them on the component's private field (and accessor); both are read.
   */
  static final class Annotations {
    private final RecordComponent component;
    private final java.lang.reflect.Field field;

    Annotations(RecordComponent component) {
      this.component = component;
      java.lang.reflect.Field f;
      try {
        f = component.getDeclaringRecord().getDeclaredField(component.getName());
      } catch (NoSuchFieldException e) {
        f = null;
      }
      this.field = f;
    }

    <A extends java.lang.annotation.Annotation> A getAnnotation(Class<A> type) {
      A a = component.getAnnotation(type);
      return a != null || field == null ? a : field.getAnnotation(type);
    }

    boolean isAnnotationPresent(Class<? extends java.lang.annotation.Annotation> type) {
      return getAnnotation(type) != null;
    }
  }

  static String label(String name) {
    StringBuilder b = new StringBuilder();
    for (char ch : name.toCharArray()) {
      if (Character.isUpperCase(ch) && !b.isEmpty())
        b.append(' ').append(Character.toLowerCase(ch));
      else b.append(ch);
    }
    String s = b.toString();
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }
}
