package dev.keel.db.internal.reactive;

/**
 * Every method of {@link java.sql.ResultSetMetaData} throwing {@link
 * java.sql.SQLFeatureNotSupportedException} (generated from the interface): the reactive driver's
 * JDBC facade overrides only what keel-db calls, so anything else fails loudly instead of
 * misbehaving.
 */
@SuppressWarnings("deprecation")
abstract class UnsupportedMetaData implements java.sql.ResultSetMetaData {
  @Override
  public java.lang.String getCatalogName(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getCatalogName");
  }

  @Override
  public java.lang.String getColumnClassName(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getColumnClassName");
  }

  @Override
  public int getColumnCount() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getColumnCount");
  }

  @Override
  public int getColumnDisplaySize(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getColumnDisplaySize");
  }

  @Override
  public java.lang.String getColumnLabel(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getColumnLabel");
  }

  @Override
  public java.lang.String getColumnName(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getColumnName");
  }

  @Override
  public int getColumnType(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getColumnType");
  }

  @Override
  public java.lang.String getColumnTypeName(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getColumnTypeName");
  }

  @Override
  public int getPrecision(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getPrecision");
  }

  @Override
  public int getScale(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getScale");
  }

  @Override
  public java.lang.String getSchemaName(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getSchemaName");
  }

  @Override
  public java.lang.String getTableName(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getTableName");
  }

  @Override
  public boolean isAutoIncrement(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("isAutoIncrement");
  }

  @Override
  public boolean isCaseSensitive(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("isCaseSensitive");
  }

  @Override
  public boolean isCurrency(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("isCurrency");
  }

  @Override
  public boolean isDefinitelyWritable(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("isDefinitelyWritable");
  }

  @Override
  public int isNullable(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("isNullable");
  }

  @Override
  public boolean isReadOnly(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("isReadOnly");
  }

  @Override
  public boolean isSearchable(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("isSearchable");
  }

  @Override
  public boolean isSigned(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("isSigned");
  }

  @Override
  public boolean isWrapperFor(java.lang.Class<?> a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("isWrapperFor");
  }

  @Override
  public boolean isWritable(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("isWritable");
  }

  @Override
  public <T> T unwrap(java.lang.Class<T> a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("unwrap");
  }
}
