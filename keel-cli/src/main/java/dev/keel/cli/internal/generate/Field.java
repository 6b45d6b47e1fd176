package dev.keel.cli.internal.generate;

import java.util.Optional;

/**
 * One field of a resource as given on the command line, e.g. {@code title:string:required:max=200}
 * or {@code author:references}; {@link FieldParser} makes them.
 *
 * @param name the name as written ({@code author})
 * @param type its type
 * @param required {@code not null} in the table, {@code @NotNull}/{@code @NotBlank} on input
 * @param unique a unique constraint (a duplicate answers 409)
 * @param index an index on the column (references always get one)
 * @param min the smallest length (strings) or value (numbers)
 * @param max the largest length (strings) or value (numbers)
 * @param defaultValue the value when the input leaves the field out
 */
public record Field(
    String name,
    FieldType type,
    boolean required,
    boolean unique,
    boolean index,
    Optional<String> min,
    Optional<String> max,
    Optional<String> defaultValue) {

  /** The record component: {@code title}, or {@code authorId} for {@code author:references}. */
  public String component() {
    return type == FieldType.REFERENCES ? name + "Id" : name;
  }

  /** The column: {@code published_at}, or {@code author_id}. */
  public String column() {
    return Names.snake(component());
  }

  /** The table a reference points to: {@code author} → {@code authors}. */
  public String referencedTable() {
    return Names.plural(Names.snake(name));
  }

  /** Whether the value is always there: required, or absent input filled by a default. */
  public boolean alwaysPresent() {
    return required || defaultValue.isPresent();
  }

  /** The Java type of the stored record's component. */
  public String javaType() {
    return alwaysPresent() ? type.javaType() : type.boxedType();
  }
}
