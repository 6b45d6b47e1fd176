package dev.keel.db.internal;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads one column of the current row as a Java value; chosen once per record component. */
@FunctionalInterface
public interface ColumnReader {
  Object read(ResultSet rs, int column) throws SQLException;
}
