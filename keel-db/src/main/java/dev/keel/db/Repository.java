package dev.keel.db;

import dev.keel.db.internal.Engine;
import dev.keel.db.internal.RecordType;

/** CRUD for one record type; from {@link Database#repository(Class)}. */
public final class Repository<T extends Record> {
  private final Engine engine;
  private final RecordType<T> type;

  Repository(Engine engine, RecordType<T> type) {
    this.engine = engine;
    this.type = type;
  }

  /** The table name. */
  public String table() {
    return type.table() + (engine == null ? "" : "");
  }
}
