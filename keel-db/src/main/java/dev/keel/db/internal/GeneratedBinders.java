package dev.keel.db.internal;

import dev.keel.db.spi.RecordBinder;

/** Finds the {@link RecordBinder} keel-processor generated for a record, by its name. */
final class GeneratedBinders {
  private GeneratedBinders() {}

  /**
   * The binder {@code KeelRow_<Record>} ({@code KeelRow_Outer_Inner} for a nested record) in the
   * record's package, or null when there is none or it belongs to another class of that name.
   */
  @SuppressWarnings("unchecked")
  static <T> RecordBinder<T> find(Class<T> record) {
    String name = record.getName();
    int dot = name.lastIndexOf('.');
    String generated =
        name.substring(0, dot + 1) + "KeelRow_" + name.substring(dot + 1).replace('$', '_');
    try {
      Class<?> type = Class.forName(generated, true, record.getClassLoader());
      var binder = (RecordBinder<T>) type.getConstructor().newInstance();
      return binder.type() == record ? binder : null;
    } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
      return null; // none generated (a projection, a private record): method handles instead
    }
  }
}
