package dev.keel.db.internal.reactive;

/**
 * Every method of {@link java.sql.Connection} throwing {@link
 * java.sql.SQLFeatureNotSupportedException} (generated from the interface): the reactive driver's
 * JDBC facade overrides only what keel-db calls, so anything else fails loudly instead of
 * misbehaving.
 */
@SuppressWarnings("deprecation")
abstract class UnsupportedConnection implements java.sql.Connection {
  @Override
  public void abort(java.util.concurrent.Executor a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("abort");
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
  public void commit() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("commit");
  }

  @Override
  public java.sql.Array createArrayOf(java.lang.String a0, java.lang.Object[] a1)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("createArrayOf");
  }

  @Override
  public java.sql.Blob createBlob() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("createBlob");
  }

  @Override
  public java.sql.Clob createClob() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("createClob");
  }

  @Override
  public java.sql.NClob createNClob() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("createNClob");
  }

  @Override
  public java.sql.SQLXML createSQLXML() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("createSQLXML");
  }

  @Override
  public java.sql.Statement createStatement() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("createStatement");
  }

  @Override
  public java.sql.Statement createStatement(int a0, int a1, int a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("createStatement");
  }

  @Override
  public java.sql.Statement createStatement(int a0, int a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("createStatement");
  }

  @Override
  public java.sql.Struct createStruct(java.lang.String a0, java.lang.Object[] a1)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("createStruct");
  }

  @Override
  public boolean getAutoCommit() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getAutoCommit");
  }

  @Override
  public java.lang.String getCatalog() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getCatalog");
  }

  @Override
  public java.util.Properties getClientInfo() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getClientInfo");
  }

  @Override
  public java.lang.String getClientInfo(java.lang.String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getClientInfo");
  }

  @Override
  public int getHoldability() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getHoldability");
  }

  @Override
  public java.sql.DatabaseMetaData getMetaData() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getMetaData");
  }

  @Override
  public int getNetworkTimeout() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getNetworkTimeout");
  }

  @Override
  public java.lang.String getSchema() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getSchema");
  }

  @Override
  public int getTransactionIsolation() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getTransactionIsolation");
  }

  @Override
  public java.util.Map<java.lang.String, java.lang.Class<?>> getTypeMap()
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getTypeMap");
  }

  @Override
  public java.sql.SQLWarning getWarnings() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getWarnings");
  }

  @Override
  public boolean isClosed() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("isClosed");
  }

  @Override
  public boolean isReadOnly() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("isReadOnly");
  }

  @Override
  public boolean isValid(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("isValid");
  }

  @Override
  public boolean isWrapperFor(java.lang.Class<?> a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("isWrapperFor");
  }

  @Override
  public java.lang.String nativeSQL(java.lang.String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("nativeSQL");
  }

  @Override
  public java.sql.CallableStatement prepareCall(java.lang.String a0, int a1, int a2, int a3)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("prepareCall");
  }

  @Override
  public java.sql.CallableStatement prepareCall(java.lang.String a0, int a1, int a2)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("prepareCall");
  }

  @Override
  public java.sql.CallableStatement prepareCall(java.lang.String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("prepareCall");
  }

  @Override
  public java.sql.PreparedStatement prepareStatement(java.lang.String a0, int[] a1)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("prepareStatement");
  }

  @Override
  public java.sql.PreparedStatement prepareStatement(java.lang.String a0, java.lang.String[] a1)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("prepareStatement");
  }

  @Override
  public java.sql.PreparedStatement prepareStatement(java.lang.String a0, int a1, int a2, int a3)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("prepareStatement");
  }

  @Override
  public java.sql.PreparedStatement prepareStatement(java.lang.String a0, int a1, int a2)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("prepareStatement");
  }

  @Override
  public java.sql.PreparedStatement prepareStatement(java.lang.String a0, int a1)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("prepareStatement");
  }

  @Override
  public java.sql.PreparedStatement prepareStatement(java.lang.String a0)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("prepareStatement");
  }

  @Override
  public void releaseSavepoint(java.sql.Savepoint a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("releaseSavepoint");
  }

  @Override
  public void rollback() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("rollback");
  }

  @Override
  public void rollback(java.sql.Savepoint a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("rollback");
  }

  @Override
  public void setAutoCommit(boolean a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setAutoCommit");
  }

  @Override
  public void setCatalog(java.lang.String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setCatalog");
  }

  @Override
  public void setClientInfo(java.lang.String a0, java.lang.String a1)
      throws java.sql.SQLClientInfoException {
    throw new UnsupportedOperationException("setClientInfo");
  }

  @Override
  public void setClientInfo(java.util.Properties a0) throws java.sql.SQLClientInfoException {
    throw new UnsupportedOperationException("setClientInfo");
  }

  @Override
  public void setHoldability(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setHoldability");
  }

  @Override
  public void setNetworkTimeout(java.util.concurrent.Executor a0, int a1)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setNetworkTimeout");
  }

  @Override
  public void setReadOnly(boolean a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setReadOnly");
  }

  @Override
  public java.sql.Savepoint setSavepoint() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setSavepoint");
  }

  @Override
  public java.sql.Savepoint setSavepoint(java.lang.String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setSavepoint");
  }

  @Override
  public void setSchema(java.lang.String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setSchema");
  }

  @Override
  public void setTransactionIsolation(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setTransactionIsolation");
  }

  @Override
  public void setTypeMap(java.util.Map<java.lang.String, java.lang.Class<?>> a0)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("setTypeMap");
  }

  @Override
  public <T> T unwrap(java.lang.Class<T> a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("unwrap");
  }
}
