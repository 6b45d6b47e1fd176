package dev.keel.db.internal.reactive;

import io.vertx.sqlclient.desc.ColumnDescriptor;
import java.sql.SQLException;
import java.util.List;

/** The column names and types of an answer. */
final class ReactiveMetaData extends UnsupportedMetaData {
  private final List<String> names;
  private final List<ColumnDescriptor> columns;

  ReactiveMetaData(List<String> names, List<ColumnDescriptor> columns) {
    this.names = names == null ? List.of() : names;
    this.columns = columns == null ? List.of() : columns;
  }

  @Override
  public int getColumnCount() {
    return names.size();
  }

  private void check(int c) throws SQLException {
    if (c < 1 || c > names.size()) {
      throw new SQLException("column " + c + " is out of range 1.." + names.size());
    }
  }

  @Override
  public String getColumnLabel(int c) throws SQLException {
    check(c);
    return names.get(c - 1);
  }

  @Override
  public String getColumnName(int c) throws SQLException {
    return getColumnLabel(c);
  }

  @Override
  public String getColumnTypeName(int c) throws SQLException {
    check(c);
    return c <= columns.size() ? columns.get(c - 1).typeName() : null;
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) return iface.cast(this);
    throw new SQLException("not a wrapper of " + iface.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }
}
