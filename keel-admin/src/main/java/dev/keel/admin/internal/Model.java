package dev.keel.admin.internal;

import dev.keel.admin.ModelOptions;
import dev.keel.db.Id;
import dev.keel.db.Repository;
import dev.keel.db.Version;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A registered record type: its fields (from the record's components and their constraints), its
 * key, the columns its list shows and searches, and its keel-db repository, which maps it to its
 * table exactly as the application's own code does. Reflection happens here, once, at registration.
 *
 * @param <T> the record type
 */
public final class Model<T extends Record> {
  private final Class<T> type;
  private final String slug;
  private final String label;
  private final List<Field> fields;
  private final Field key;
  private final List<Field> listColumns;
  private final List<Field> searchFields;
  private final int pageSize;
  private final Repository<T> repository;
  private final Constructor<T> constructor;
  private final Method[] accessors;

  public Model(Class<T> type, Repository<T> repository, ModelOptions options) {
    if (!type.isRecord()) throw new IllegalArgumentException(type + " is not a record");
    this.type = type;
    this.repository = repository;
    this.slug = repository.table().toLowerCase(Locale.ROOT).replace('_', '-');
    this.label = Field.label(type.getSimpleName());
    RecordComponent[] components = type.getRecordComponents();
    Set<String> names = new LinkedHashSet<>();
    for (RecordComponent c : components) names.add(c.getName());
    check(type, names, options.readOnlyFields(), "readOnly");
    check(type, names, options.listColumns(), "list");
    check(type, names, options.searchFields(), "search");
    check(type, names, options.hiddenFields(), "hide");
    for (String n : options.hiddenFields()) {
      if (options.listColumns().contains(n) || options.searchFields().contains(n)) {
        throw new IllegalArgumentException(
            type.getSimpleName()
                + "."
                + n
                + " is hidden: it cannot also be a list column or searched; remove it from"
                + " list(...)/search(...) or from hide(...)");
      }
    }
    boolean hasIdAnnotation =
        Arrays.stream(components)
            .anyMatch(c -> new Field.Annotations(c).isAnnotationPresent(Id.class));
    List<Field> all = new ArrayList<>();
    Field k = null;
    for (RecordComponent c : components) {
      // the same rule as keel-db's repositories: @Id, else the component named id
      Field.Annotations a = new Field.Annotations(c);
      boolean isKey = hasIdAnnotation ? a.isAnnotationPresent(Id.class) : c.getName().equals("id");
      Field f =
          Field.of(
              c,
              isKey,
              a.isAnnotationPresent(Version.class),
              options.readOnlyFields().contains(c.getName()),
              options.hiddenFields().contains(c.getName()));
      if (isKey && f.hidden()) {
        throw new IllegalArgumentException(
            "hide(\""
                + c.getName()
                + "\"): it is "
                + type.getSimpleName()
                + "'s key, which links its rows; remove it from hide(...)");
      }
      all.add(f);
      if (isKey) k = f;
    }
    if (k == null) {
      throw new IllegalArgumentException(
          "the admin needs a key to link rows: record "
              + type.getSimpleName()
              + " has no @Id component and none named id");
    }
    this.fields = List.copyOf(all);
    this.key = k;
    this.listColumns =
        options.listColumns().isEmpty()
            ? fields.stream().filter(f -> !f.version() && !f.hidden()).limit(6).toList()
            : options.listColumns().stream().map(this::field).toList();
    this.searchFields = options.searchFields().stream().map(this::field).toList();
    for (Field f : searchFields) {
      if (!f.text()) {
        throw new IllegalArgumentException(
            type.getSimpleName()
                + "."
                + f.name()
                + " is not a String: the admin searches text components only; remove it from"
                + " search(...)");
      }
    }
    this.pageSize = options.pageSize();
    try {
      this.constructor =
          type.getDeclaredConstructor(
              Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
      constructor.setAccessible(true);
      this.accessors = new Method[components.length];
      for (int i = 0; i < components.length; i++) {
        accessors[i] = components[i].getAccessor();
        accessors[i].setAccessible(true);
      }
    } catch (NoSuchMethodException | RuntimeException e) {
      throw new IllegalArgumentException(
          "the admin cannot read record " + type.getName() + ": " + e.getMessage(), e);
    }
  }

  private static void check(Class<?> type, Set<String> names, Iterable<String> given, String what) {
    for (String n : given) {
      if (!names.contains(n)) {
        throw new IllegalArgumentException(
            what
                + "(\""
                + n
                + "\"): record "
                + type.getSimpleName()
                + " has no such component; use one of "
                + names);
      }
    }
  }

  public Class<T> type() {
    return type;
  }

  /** The URL segment: the table's name with dashes. */
  public String slug() {
    return slug;
  }

  public String label() {
    return label;
  }

  public List<Field> fields() {
    return fields;
  }

  public Field key() {
    return key;
  }

  public List<Field> listColumns() {
    return listColumns;
  }

  public List<Field> searchFields() {
    return searchFields;
  }

  public int pageSize() {
    return pageSize;
  }

  public Repository<T> repository() {
    return repository;
  }

  public Field field(String name) {
    return fields.stream()
        .filter(f -> f.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no component " + name));
  }

  /** The value of component {@code index} of {@code row}. */
  public Object value(T row, int index) {
    try {
      return accessors[index].invoke(row);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("reading " + fields.get(index).name() + ": " + e, e);
    }
  }

  public Object value(T row, Field f) {
    return value(row, fields.indexOf(f));
  }

  /** A record from its components' values, in order (its compact constructor may throw). */
  public T create(Object[] values) throws InvocationTargetException {
    try {
      return constructor.newInstance(values);
    } catch (InstantiationException | IllegalAccessException e) {
      throw new IllegalStateException("constructing " + type.getSimpleName() + ": " + e, e);
    }
  }
}
