package dev.keel.db.internal.reactive;

/**
 * Every method of {@link java.sql.PreparedStatement} throwing {@link
 * java.sql.SQLFeatureNotSupportedException} (generated from the interface): the reactive driver's
 * JDBC facade overrides only what keel-db calls, so anything else fails loudly instead of
 * misbehaving.
 */
@SuppressWarnings("deprecation")
abstract class UnsupportedStatement implements java.sql.PreparedStatement {
  @Override
  public void addBatch() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("addBatch");
  }

  @Override
  public void addBatch(java.lang.String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("addBatch");
  }

  @Override
  public void cancel() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("cancel");
  }

  @Override
  public void clearBatch() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("clearBatch");
  }

  @Override
  public void clearParameters() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("clearParameters");
  }

  @Override
  public void clearWarnings() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("clearWarnings");
  }

  @Override
  public void close() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("close");
  }

  @Override
  public void closeOnCompletion() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("closeOnCompletion");
  }

  @Override
  public boolean execute() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("execute");
  }

  @Override
  public boolean execute(java.lang.String a0, int[] a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("execute");
  }

  @Override
  public boolean execute(java.lang.String a0, java.lang.String[] a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("execute");
  }

  @Override
  public boolean execute(java.lang.String a0, int a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("execute");
  }

  @Override
  public boolean execute(java.lang.String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("execute");
  }

  @Override
  public int[] executeBatch() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("executeBatch");
  }

  @Override
  public java.sql.ResultSet executeQuery() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("executeQuery");
  }

  @Override
  public java.sql.ResultSet executeQuery(java.lang.String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("executeQuery");
  }

  @Override
  public int executeUpdate() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("executeUpdate");
  }

  @Override
  public int executeUpdate(java.lang.String a0, int[] a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("executeUpdate");
  }

  @Override
  public int executeUpdate(java.lang.String a0, java.lang.String[] a1)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("executeUpdate");
  }

  @Override
  public int executeUpdate(java.lang.String a0, int a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("executeUpdate");
  }

  @Override
  public int executeUpdate(java.lang.String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("executeUpdate");
  }

  @Override
  public java.sql.Connection getConnection() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getConnection");
  }

  @Override
  public int getFetchDirection() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getFetchDirection");
  }

  @Override
  public int getFetchSize() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getFetchSize");
  }

  @Override
  public java.sql.ResultSet getGeneratedKeys() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getGeneratedKeys");
  }

  @Override
  public int getMaxFieldSize() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getMaxFieldSize");
  }

  @Override
  public int getMaxRows() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getMaxRows");
  }

  @Override
  public java.sql.ResultSetMetaData getMetaData() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getMetaData");
  }

  @Override
  public boolean getMoreResults() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getMoreResults");
  }

  @Override
  public boolean getMoreResults(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getMoreResults");
  }

  @Override
  public java.sql.ParameterMetaData getParameterMetaData() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getParameterMetaData");
  }

  @Override
  public int getQueryTimeout() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getQueryTimeout");
  }

  @Override
  public java.sql.ResultSet getResultSet() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getResultSet");
  }

  @Override
  public int getResultSetConcurrency() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getResultSetConcurrency");
  }

  @Override
  public int getResultSetHoldability() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getResultSetHoldability");
  }

  @Override
  public int getResultSetType() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getResultSetType");
  }

  @Override
  public int getUpdateCount() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getUpdateCount");
  }

  @Override
  public java.sql.SQLWarning getWarnings() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getWarnings");
  }

  @Override
  public boolean isCloseOnCompletion() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("isCloseOnCompletion");
  }

  @Override
  public boolean isClosed() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("isClosed");
  }

  @Override
  public boolean isPoolable() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("isPoolable");
  }

  @Override
  public boolean isWrapperFor(java.lang.Class<?> a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("isWrapperFor");
  }

  @Override
  public void setArray(int a0, java.sql.Array a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setArray");
  }

  @Override
  public void setAsciiStream(int a0, java.io.InputStream a1, int a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setAsciiStream");
  }

  @Override
  public void setAsciiStream(int a0, java.io.InputStream a1, long a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setAsciiStream");
  }

  @Override
  public void setAsciiStream(int a0, java.io.InputStream a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setAsciiStream");
  }

  @Override
  public void setBigDecimal(int a0, java.math.BigDecimal a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setBigDecimal");
  }

  @Override
  public void setBinaryStream(int a0, java.io.InputStream a1, int a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setBinaryStream");
  }

  @Override
  public void setBinaryStream(int a0, java.io.InputStream a1, long a2)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setBinaryStream");
  }

  @Override
  public void setBinaryStream(int a0, java.io.InputStream a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setBinaryStream");
  }

  @Override
  public void setBlob(int a0, java.io.InputStream a1, long a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setBlob");
  }

  @Override
  public void setBlob(int a0, java.io.InputStream a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setBlob");
  }

  @Override
  public void setBlob(int a0, java.sql.Blob a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setBlob");
  }

  @Override
  public void setBoolean(int a0, boolean a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setBoolean");
  }

  @Override
  public void setByte(int a0, byte a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setByte");
  }

  @Override
  public void setBytes(int a0, byte[] a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setBytes");
  }

  @Override
  public void setCharacterStream(int a0, java.io.Reader a1, int a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setCharacterStream");
  }

  @Override
  public void setCharacterStream(int a0, java.io.Reader a1, long a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setCharacterStream");
  }

  @Override
  public void setCharacterStream(int a0, java.io.Reader a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setCharacterStream");
  }

  @Override
  public void setClob(int a0, java.io.Reader a1, long a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setClob");
  }

  @Override
  public void setClob(int a0, java.io.Reader a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setClob");
  }

  @Override
  public void setClob(int a0, java.sql.Clob a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setClob");
  }

  @Override
  public void setCursorName(java.lang.String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setCursorName");
  }

  @Override
  public void setDate(int a0, java.sql.Date a1, java.util.Calendar a2)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setDate");
  }

  @Override
  public void setDate(int a0, java.sql.Date a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setDate");
  }

  @Override
  public void setDouble(int a0, double a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setDouble");
  }

  @Override
  public void setEscapeProcessing(boolean a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setEscapeProcessing");
  }

  @Override
  public void setFetchDirection(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setFetchDirection");
  }

  @Override
  public void setFetchSize(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setFetchSize");
  }

  @Override
  public void setFloat(int a0, float a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setFloat");
  }

  @Override
  public void setInt(int a0, int a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setInt");
  }

  @Override
  public void setLong(int a0, long a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setLong");
  }

  @Override
  public void setMaxFieldSize(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setMaxFieldSize");
  }

  @Override
  public void setMaxRows(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setMaxRows");
  }

  @Override
  public void setNCharacterStream(int a0, java.io.Reader a1, long a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setNCharacterStream");
  }

  @Override
  public void setNCharacterStream(int a0, java.io.Reader a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setNCharacterStream");
  }

  @Override
  public void setNClob(int a0, java.io.Reader a1, long a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setNClob");
  }

  @Override
  public void setNClob(int a0, java.io.Reader a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setNClob");
  }

  @Override
  public void setNClob(int a0, java.sql.NClob a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setNClob");
  }

  @Override
  public void setNString(int a0, java.lang.String a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setNString");
  }

  @Override
  public void setNull(int a0, int a1, java.lang.String a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setNull");
  }

  @Override
  public void setNull(int a0, int a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setNull");
  }

  @Override
  public void setObject(int a0, java.lang.Object a1, int a2, int a3) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setObject");
  }

  @Override
  public void setObject(int a0, java.lang.Object a1, int a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setObject");
  }

  @Override
  public void setObject(int a0, java.lang.Object a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setObject");
  }

  @Override
  public void setPoolable(boolean a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setPoolable");
  }

  @Override
  public void setQueryTimeout(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setQueryTimeout");
  }

  @Override
  public void setRef(int a0, java.sql.Ref a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setRef");
  }

  @Override
  public void setRowId(int a0, java.sql.RowId a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setRowId");
  }

  @Override
  public void setSQLXML(int a0, java.sql.SQLXML a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setSQLXML");
  }

  @Override
  public void setShort(int a0, short a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setShort");
  }

  @Override
  public void setString(int a0, java.lang.String a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setString");
  }

  @Override
  public void setTime(int a0, java.sql.Time a1, java.util.Calendar a2)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setTime");
  }

  @Override
  public void setTime(int a0, java.sql.Time a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setTime");
  }

  @Override
  public void setTimestamp(int a0, java.sql.Timestamp a1, java.util.Calendar a2)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setTimestamp");
  }

  @Override
  public void setTimestamp(int a0, java.sql.Timestamp a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setTimestamp");
  }

  @Override
  public void setURL(int a0, java.net.URL a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setURL");
  }

  @Override
  public void setUnicodeStream(int a0, java.io.InputStream a1, int a2)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setUnicodeStream");
  }

  @Override
  public <T> T unwrap(java.lang.Class<T> a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("unwrap");
  }
}
