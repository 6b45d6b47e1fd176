package dev.keel.admin;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How the admin shows one registered model; every setting names record components and is checked
 * against the record at {@link Admin#register(Class, java.util.function.UnaryOperator)}.
 *
 * <pre>{@code
 * admin.register(Article.class, m -> m.list("title", "published", "createdAt")
 *     .search("title", "body")
 *     .readOnly("createdAt")
 *     .hide("passwordHash")
 *     .pageSize(50));
 * }</pre>
 *
 * <p>Defaults: the list shows the first six components, search is off, nothing is read-only but the
 * key and the {@code @Version} column, nothing is hidden, 25 rows a page. Immutable.
 */
public record ModelOptions(
    List<String> listColumns,
    List<String> searchFields,
    Set<String> readOnlyFields,
    Set<String> hiddenFields,
    int pageSize) {
  public ModelOptions {
    listColumns = List.copyOf(listColumns);
    searchFields = List.copyOf(searchFields);
    readOnlyFields = Set.copyOf(readOnlyFields);
    hiddenFields = Set.copyOf(hiddenFields);
    if (pageSize < 1 || pageSize > 500) {
      throw new IllegalArgumentException("pageSize: " + pageSize + " (expected: 1..500)");
    }
  }

  /**
   * The defaults: columns chosen by the admin, no search, nothing read-only or hidden, 25 a page.
   */
  public static ModelOptions defaults() {
    return new ModelOptions(List.of(), List.of(), Set.of(), Set.of(), 25);
  }

  /** The list page's columns, in this order (component names). */
  public ModelOptions list(String... components) {
    return new ModelOptions(
        names(components), searchFields, readOnlyFields, hiddenFields, pageSize);
  }

  /** The text components the list's search box looks in (case-insensitive substring). */
  public ModelOptions search(String... components) {
    return new ModelOptions(listColumns, names(components), readOnlyFields, hiddenFields, pageSize);
  }

  /**
   * Components shown but never changed by the forms: an edit keeps the stored value, a create takes
   * the current time for {@code Instant}/{@code LocalDateTime}/{@code LocalDate} and the type's
   * zero value (or empty) otherwise.
   */
  public ModelOptions readOnly(String... components) {
    return new ModelOptions(
        listColumns, searchFields, Set.copyOf(names(components)), hiddenFields, pageSize);
  }

  /**
   * Components never shown (not in the list, the forms or the delete page) and never changed by a
   * form, such as a password hash: an edit keeps the stored value, a create gives them the same
   * value as a {@link #readOnly} component (the current time for dates, else zero or empty). The
   * key cannot be hidden; naming a hidden component in {@link #list} or {@link #search} stops
   * start-up.
   */
  public ModelOptions hide(String... components) {
    return new ModelOptions(
        listColumns, searchFields, readOnlyFields, Set.copyOf(names(components)), pageSize);
  }

  /** Rows per list page (1..500). */
  public ModelOptions pageSize(int rows) {
    return new ModelOptions(listColumns, searchFields, readOnlyFields, hiddenFields, rows);
  }

  private static List<String> names(String... components) {
    for (String c : components) Objects.requireNonNull(c, "component");
    return List.of(components);
  }
}
