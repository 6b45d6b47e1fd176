package dev.keel.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * How the admin shows one registered model; every setting names record components and is checked
 * against the record at {@link Admin#register(Class, java.util.function.UnaryOperator)}.
 *
 * <pre>{@code
 * admin.register(Article.class, m -> m.list("title", "published", "createdAt")
 *     .search("title", "body")
 *     .filters("published", "authorId")
 *     .readOnly("createdAt")
 *     .hide("passwordHash")
 *     .display("likes", v -> v + " ♥")
 *     .action("publish", "Publish", (rows, ctx) -> publish(rows))
 *     .pageSize(50));
 * }</pre>
 *
 * <p>Defaults: the list shows the first six components, search and filters are off, nothing is
 * read-only but the key and the {@code @Version} column, nothing is hidden, values show as text, no
 * actions but delete, 25 rows a page. Immutable.
 *
 * @param <T> the model's record type
 */
public record ModelOptions<T extends Record>(
    List<String> listColumns,
    List<String> searchFields,
    Set<String> readOnlyFields,
    Set<String> hiddenFields,
    List<String> filterFields,
    Map<String, Function<Object, String>> displays,
    List<Action<T>> actions,
    int pageSize) {
  /**
   * A bulk action: {@code name} goes in the form, {@code label} on the button.
   *
   * @param <T> the model's record type
   */
  public record Action<T extends Record>(String name, String label, AdminAction<T> body) {
    public Action {
      Objects.requireNonNull(body, "body");
      if (name == null || !name.matches("[a-z][a-z0-9-]*") || name.equals("delete")) {
        throw new IllegalArgumentException(
            "action name '" + name + "' (expected: [a-z][a-z0-9-]*, not 'delete')");
      }
      Objects.requireNonNull(label, "label");
    }
  }

  public ModelOptions {
    listColumns = List.copyOf(listColumns);
    searchFields = List.copyOf(searchFields);
    readOnlyFields = Set.copyOf(readOnlyFields);
    hiddenFields = Set.copyOf(hiddenFields);
    filterFields = List.copyOf(filterFields);
    displays = Map.copyOf(displays);
    actions = List.copyOf(actions);
    if (pageSize < 1 || pageSize > 500) {
      throw new IllegalArgumentException("pageSize: " + pageSize + " (expected: 1..500)");
    }
  }

  /** The defaults: columns chosen by the admin, nothing searched, filtered or hidden, 25 a page. */
  public static <T extends Record> ModelOptions<T> defaults() {
    return new ModelOptions<>(
        List.of(), List.of(), Set.of(), Set.of(), List.of(), Map.of(), List.of(), 25);
  }

  /** The list page's columns, in this order (component names). */
  public ModelOptions<T> list(String... components) {
    return new ModelOptions<>(
        names(components),
        searchFields,
        readOnlyFields,
        hiddenFields,
        filterFields,
        displays,
        actions,
        pageSize);
  }

  /** The text components the list's search box looks in (case-insensitive substring). */
  public ModelOptions<T> search(String... components) {
    return new ModelOptions<>(
        listColumns,
        names(components),
        readOnlyFields,
        hiddenFields,
        filterFields,
        displays,
        actions,
        pageSize);
  }

  /**
   * Components shown but never changed by the forms: an edit keeps the stored value, a create takes
   * the current time for {@code Instant}/{@code LocalDateTime}/{@code LocalDate} and the type's
   * zero value (or empty) otherwise.
   */
  public ModelOptions<T> readOnly(String... components) {
    return new ModelOptions<>(
        listColumns,
        searchFields,
        Set.copyOf(names(components)),
        hiddenFields,
        filterFields,
        displays,
        actions,
        pageSize);
  }

  /**
   * Components never shown (not in the list, the forms, the delete page or the audit history) and
   * never changed by a form, such as a password hash: an edit keeps the stored value, a create
   * gives them the same value as a {@link #readOnly} component (the current time for dates, else
   * zero or empty). The key cannot be hidden; naming a hidden component in {@link #list}, {@link
   * #search} or {@link #filters} stops start-up.
   */
  public ModelOptions<T> hide(String... components) {
    return new ModelOptions<>(
        listColumns,
        searchFields,
        readOnlyFields,
        Set.copyOf(names(components)),
        filterFields,
        displays,
        actions,
        pageSize);
  }

  /**
   * The list page's filters: booleans (yes/no), enums (one constant), dates and instants (from/to)
   * and {@code …Id} components with a foreign key (one related row).
   */
  public ModelOptions<T> filters(String... components) {
    return new ModelOptions<>(
        listColumns,
        searchFields,
        readOnlyFields,
        hiddenFields,
        names(components),
        displays,
        actions,
        pageSize);
  }

  /**
   * How the list, the read-only fields and the delete page show {@code component}'s value (never
   * null, {@code Optional}s unwrapped; an empty value shows as nothing). The text is HTML-escaped.
   */
  public ModelOptions<T> display(String component, Function<Object, String> format) {
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(format, "format");
    var map = new LinkedHashMap<>(displays);
    map.put(component, format);
    return new ModelOptions<>(
        listColumns,
        searchFields,
        readOnlyFields,
        hiddenFields,
        filterFields,
        map,
        actions,
        pageSize);
  }

  /**
   * A bulk action on the rows ticked in the list, for users who may edit the model, e.g. {@code
   * m.action("publish", "Publish", (rows, ctx) -> ...)}.
   */
  public ModelOptions<T> action(String name, String label, AdminAction<T> body) {
    var list = new java.util.ArrayList<>(actions);
    if (list.stream().anyMatch(a -> a.name().equals(name))) {
      throw new IllegalArgumentException("action '" + name + "' is registered twice");
    }
    list.add(new Action<>(name, label, body));
    return new ModelOptions<>(
        listColumns,
        searchFields,
        readOnlyFields,
        hiddenFields,
        filterFields,
        displays,
        list,
        pageSize);
  }

  /** Rows per list page (1..500). */
  public ModelOptions<T> pageSize(int rows) {
    return new ModelOptions<>(
        listColumns,
        searchFields,
        readOnlyFields,
        hiddenFields,
        filterFields,
        displays,
        actions,
        rows);
  }

  private static List<String> names(String... components) {
    for (String c : components) Objects.requireNonNull(c, "component");
    return List.of(components);
  }
}
