package dev.keel.db.spi;

/**
 * The generated half of a database record: keel-processor writes one {@code KeelRow_<Record>} class
 * in the record's package for each record annotated {@link dev.keel.db.Table @Table} or with an
 * {@link dev.keel.db.Id @Id}, {@link dev.keel.db.Version @Version} or {@link
 * dev.keel.db.Column @Column} component, which calls the record's constructor and accessors
 * directly. keel-db uses it instead of building method handles for the record at start-up (ADR
 * 0030); a record without one (a projection, a private record) is still mapped, through method
 * handles.
 *
 * <p>Implementations need a public no-argument constructor and must be stateless.
 */
public interface RecordBinder<T> {
  /** The record this binder creates and reads. */
  Class<T> type();

  /** A new record from its components' values, in declaration order. */
  T create(Object[] values);

  /** The value of the component at {@code index}, in declaration order. */
  Object value(T record, int index);
}
