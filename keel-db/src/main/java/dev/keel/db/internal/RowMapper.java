package dev.keel.db.internal;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Turns the current row into a value; built once per query shape, no reflection per row. */
@FunctionalInterface
public interface RowMapper<T> {
  T map(ResultSet rs) throws SQLException;
}
