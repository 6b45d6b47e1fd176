package dev.keel.db.internal;

import dev.keel.db.spi.RecordBinder;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;

/**
 * A record's constructor and accessors as method handles, for a record keel-processor wrote no
 * {@link RecordBinder} for (a projection, a private record, a build without the processor).
 * Building the handles spins lambda forms, which is why generated binders are preferred at
 * start-up.
 */
final class HandleBinder<T> implements RecordBinder<T> {
  private final Class<T> type;
  private final MethodHandle constructor; // (Object[])Object
  private final MethodHandle[] accessors; // (Object)Object, by component

  HandleBinder(Class<T> type, RecordComponent[] components) {
    this.type = type;
    MethodHandles.Lookup lookup = lookup(type);
    Class<?>[] params = new Class<?>[components.length];
    accessors = new MethodHandle[components.length];
    try {
      for (int i = 0; i < components.length; i++) {
        params[i] = components[i].getType();
        accessors[i] =
            lookup
                .unreflect(components[i].getAccessor())
                .asType(MethodType.methodType(Object.class, Object.class));
      }
      constructor =
          lookup
              .findConstructor(type, MethodType.methodType(void.class, params))
              .asSpreader(Object[].class, params.length)
              .asType(MethodType.methodType(Object.class, Object[].class));
    } catch (NoSuchMethodException | IllegalAccessException e) {
      throw RecordType.inaccessible(type, e);
    }
  }

  private static MethodHandles.Lookup lookup(Class<?> type) {
    try {
      return MethodHandles.privateLookupIn(type, MethodHandles.lookup());
    } catch (IllegalAccessException e) {
      throw RecordType.inaccessible(type, e);
    }
  }

  @Override
  public Class<T> type() {
    return type;
  }

  @Override
  @SuppressWarnings("unchecked")
  public T create(Object[] values) {
    try {
      return (T) constructor.invokeExact(values);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public Object value(T record, int index) {
    try {
      return accessors[index].invokeExact((Object) record);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }
}
