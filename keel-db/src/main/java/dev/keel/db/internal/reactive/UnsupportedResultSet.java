package dev.keel.db.internal.reactive;

/**
 * Every method of {@link java.sql.ResultSet} throwing {@link
 * java.sql.SQLFeatureNotSupportedException} (generated from the interface): the reactive driver's
 * JDBC facade overrides only what keel-db calls, so anything else fails loudly instead of
 * misbehaving.
 */
@SuppressWarnings("deprecation")
abstract class UnsupportedResultSet implements java.sql.ResultSet {
  @Override
  public boolean absolute(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("absolute");
  }

  @Override
  public void afterLast() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("afterLast");
  }

  @Override
  public void beforeFirst() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("beforeFirst");
  }

  @Override
  public void cancelRowUpdates() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("cancelRowUpdates");
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
  public void deleteRow() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("deleteRow");
  }

  @Override
  public int findColumn(java.lang.String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("findColumn");
  }

  @Override
  public boolean first() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("first");
  }

  @Override
  public java.sql.Array getArray(java.lang.String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getArray");
  }

  @Override
  public java.sql.Array getArray(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getArray");
  }

  @Override
  public java.io.InputStream getAsciiStream(java.lang.String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getAsciiStream");
  }

  @Override
  public java.io.InputStream getAsciiStream(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getAsciiStream");
  }

  @Override
  public java.math.BigDecimal getBigDecimal(java.lang.String a0, int a1)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getBigDecimal");
  }

  @Override
  public java.math.BigDecimal getBigDecimal(java.lang.String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getBigDecimal");
  }

  @Override
  public java.math.BigDecimal getBigDecimal(int a0, int a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getBigDecimal");
  }

  @Override
  public java.math.BigDecimal getBigDecimal(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getBigDecimal");
  }

  @Override
  public java.io.InputStream getBinaryStream(java.lang.String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getBinaryStream");
  }

  @Override
  public java.io.InputStream getBinaryStream(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getBinaryStream");
  }

  @Override
  public java.sql.Blob getBlob(java.lang.String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getBlob");
  }

  @Override
  public java.sql.Blob getBlob(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getBlob");
  }

  @Override
  public boolean getBoolean(java.lang.String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getBoolean");
  }

  @Override
  public boolean getBoolean(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getBoolean");
  }

  @Override
  public byte getByte(java.lang.String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getByte");
  }

  @Override
  public byte getByte(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getByte");
  }

  @Override
  public byte[] getBytes(java.lang.String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getBytes");
  }

  @Override
  public byte[] getBytes(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getBytes");
  }

  @Override
  public java.io.Reader getCharacterStream(java.lang.String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getCharacterStream");
  }

  @Override
  public java.io.Reader getCharacterStream(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getCharacterStream");
  }

  @Override
  public java.sql.Clob getClob(java.lang.String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getClob");
  }

  @Override
  public java.sql.Clob getClob(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getClob");
  }

  @Override
  public int getConcurrency() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getConcurrency");
  }

  @Override
  public java.lang.String getCursorName() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getCursorName");
  }

  @Override
  public java.sql.Date getDate(java.lang.String a0, java.util.Calendar a1)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getDate");
  }

  @Override
  public java.sql.Date getDate(java.lang.String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getDate");
  }

  @Override
  public java.sql.Date getDate(int a0, java.util.Calendar a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getDate");
  }

  @Override
  public java.sql.Date getDate(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getDate");
  }

  @Override
  public double getDouble(java.lang.String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getDouble");
  }

  @Override
  public double getDouble(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getDouble");
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
  public float getFloat(java.lang.String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getFloat");
  }

  @Override
  public float getFloat(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getFloat");
  }

  @Override
  public int getHoldability() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getHoldability");
  }

  @Override
  public int getInt(java.lang.String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getInt");
  }

  @Override
  public int getInt(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getInt");
  }

  @Override
  public long getLong(java.lang.String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getLong");
  }

  @Override
  public long getLong(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getLong");
  }

  @Override
  public java.sql.ResultSetMetaData getMetaData() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getMetaData");
  }

  @Override
  public java.io.Reader getNCharacterStream(java.lang.String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getNCharacterStream");
  }

  @Override
  public java.io.Reader getNCharacterStream(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getNCharacterStream");
  }

  @Override
  public java.sql.NClob getNClob(java.lang.String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getNClob");
  }

  @Override
  public java.sql.NClob getNClob(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getNClob");
  }

  @Override
  public java.lang.String getNString(java.lang.String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getNString");
  }

  @Override
  public java.lang.String getNString(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getNString");
  }

  @Override
  public <T> T getObject(java.lang.String a0, java.lang.Class<T> a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getObject");
  }

  @Override
  public java.lang.Object getObject(
      java.lang.String a0, java.util.Map<java.lang.String, java.lang.Class<?>> a1)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getObject");
  }

  @Override
  public java.lang.Object getObject(java.lang.String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getObject");
  }

  @Override
  public <T> T getObject(int a0, java.lang.Class<T> a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getObject");
  }

  @Override
  public java.lang.Object getObject(int a0, java.util.Map<java.lang.String, java.lang.Class<?>> a1)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getObject");
  }

  @Override
  public java.lang.Object getObject(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getObject");
  }

  @Override
  public java.sql.Ref getRef(java.lang.String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getRef");
  }

  @Override
  public java.sql.Ref getRef(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getRef");
  }

  @Override
  public int getRow() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getRow");
  }

  @Override
  public java.sql.RowId getRowId(java.lang.String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getRowId");
  }

  @Override
  public java.sql.RowId getRowId(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getRowId");
  }

  @Override
  public java.sql.SQLXML getSQLXML(java.lang.String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getSQLXML");
  }

  @Override
  public java.sql.SQLXML getSQLXML(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getSQLXML");
  }

  @Override
  public short getShort(java.lang.String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getShort");
  }

  @Override
  public short getShort(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getShort");
  }

  @Override
  public java.sql.Statement getStatement() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getStatement");
  }

  @Override
  public java.lang.String getString(java.lang.String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getString");
  }

  @Override
  public java.lang.String getString(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getString");
  }

  @Override
  public java.sql.Time getTime(java.lang.String a0, java.util.Calendar a1)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getTime");
  }

  @Override
  public java.sql.Time getTime(java.lang.String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getTime");
  }

  @Override
  public java.sql.Time getTime(int a0, java.util.Calendar a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getTime");
  }

  @Override
  public java.sql.Time getTime(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getTime");
  }

  @Override
  public java.sql.Timestamp getTimestamp(java.lang.String a0, java.util.Calendar a1)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getTimestamp");
  }

  @Override
  public java.sql.Timestamp getTimestamp(java.lang.String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getTimestamp");
  }

  @Override
  public java.sql.Timestamp getTimestamp(int a0, java.util.Calendar a1)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getTimestamp");
  }

  @Override
  public java.sql.Timestamp getTimestamp(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getTimestamp");
  }

  @Override
  public int getType() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getType");
  }

  @Override
  public java.net.URL getURL(java.lang.String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getURL");
  }

  @Override
  public java.net.URL getURL(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getURL");
  }

  @Override
  public java.io.InputStream getUnicodeStream(java.lang.String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getUnicodeStream");
  }

  @Override
  public java.io.InputStream getUnicodeStream(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getUnicodeStream");
  }

  @Override
  public java.sql.SQLWarning getWarnings() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("getWarnings");
  }

  @Override
  public void insertRow() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("insertRow");
  }

  @Override
  public boolean isAfterLast() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("isAfterLast");
  }

  @Override
  public boolean isBeforeFirst() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("isBeforeFirst");
  }

  @Override
  public boolean isClosed() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("isClosed");
  }

  @Override
  public boolean isFirst() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("isFirst");
  }

  @Override
  public boolean isLast() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("isLast");
  }

  @Override
  public boolean isWrapperFor(java.lang.Class<?> a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("isWrapperFor");
  }

  @Override
  public boolean last() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("last");
  }

  @Override
  public void moveToCurrentRow() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("moveToCurrentRow");
  }

  @Override
  public void moveToInsertRow() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("moveToInsertRow");
  }

  @Override
  public boolean next() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("next");
  }

  @Override
  public boolean previous() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("previous");
  }

  @Override
  public void refreshRow() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("refreshRow");
  }

  @Override
  public boolean relative(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("relative");
  }

  @Override
  public boolean rowDeleted() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("rowDeleted");
  }

  @Override
  public boolean rowInserted() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("rowInserted");
  }

  @Override
  public boolean rowUpdated() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("rowUpdated");
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
  public <T> T unwrap(java.lang.Class<T> a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("unwrap");
  }

  @Override
  public void updateArray(java.lang.String a0, java.sql.Array a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateArray");
  }

  @Override
  public void updateArray(int a0, java.sql.Array a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateArray");
  }

  @Override
  public void updateAsciiStream(java.lang.String a0, java.io.InputStream a1, int a2)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateAsciiStream");
  }

  @Override
  public void updateAsciiStream(java.lang.String a0, java.io.InputStream a1, long a2)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateAsciiStream");
  }

  @Override
  public void updateAsciiStream(java.lang.String a0, java.io.InputStream a1)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateAsciiStream");
  }

  @Override
  public void updateAsciiStream(int a0, java.io.InputStream a1, int a2)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateAsciiStream");
  }

  @Override
  public void updateAsciiStream(int a0, java.io.InputStream a1, long a2)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateAsciiStream");
  }

  @Override
  public void updateAsciiStream(int a0, java.io.InputStream a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateAsciiStream");
  }

  @Override
  public void updateBigDecimal(java.lang.String a0, java.math.BigDecimal a1)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateBigDecimal");
  }

  @Override
  public void updateBigDecimal(int a0, java.math.BigDecimal a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateBigDecimal");
  }

  @Override
  public void updateBinaryStream(java.lang.String a0, java.io.InputStream a1, int a2)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateBinaryStream");
  }

  @Override
  public void updateBinaryStream(java.lang.String a0, java.io.InputStream a1, long a2)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateBinaryStream");
  }

  @Override
  public void updateBinaryStream(java.lang.String a0, java.io.InputStream a1)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateBinaryStream");
  }

  @Override
  public void updateBinaryStream(int a0, java.io.InputStream a1, int a2)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateBinaryStream");
  }

  @Override
  public void updateBinaryStream(int a0, java.io.InputStream a1, long a2)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateBinaryStream");
  }

  @Override
  public void updateBinaryStream(int a0, java.io.InputStream a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateBinaryStream");
  }

  @Override
  public void updateBlob(java.lang.String a0, java.io.InputStream a1, long a2)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateBlob");
  }

  @Override
  public void updateBlob(java.lang.String a0, java.io.InputStream a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateBlob");
  }

  @Override
  public void updateBlob(java.lang.String a0, java.sql.Blob a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateBlob");
  }

  @Override
  public void updateBlob(int a0, java.io.InputStream a1, long a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateBlob");
  }

  @Override
  public void updateBlob(int a0, java.io.InputStream a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateBlob");
  }

  @Override
  public void updateBlob(int a0, java.sql.Blob a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateBlob");
  }

  @Override
  public void updateBoolean(java.lang.String a0, boolean a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateBoolean");
  }

  @Override
  public void updateBoolean(int a0, boolean a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateBoolean");
  }

  @Override
  public void updateByte(java.lang.String a0, byte a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateByte");
  }

  @Override
  public void updateByte(int a0, byte a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateByte");
  }

  @Override
  public void updateBytes(java.lang.String a0, byte[] a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateBytes");
  }

  @Override
  public void updateBytes(int a0, byte[] a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateBytes");
  }

  @Override
  public void updateCharacterStream(java.lang.String a0, java.io.Reader a1, int a2)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateCharacterStream");
  }

  @Override
  public void updateCharacterStream(java.lang.String a0, java.io.Reader a1, long a2)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateCharacterStream");
  }

  @Override
  public void updateCharacterStream(java.lang.String a0, java.io.Reader a1)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateCharacterStream");
  }

  @Override
  public void updateCharacterStream(int a0, java.io.Reader a1, int a2)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateCharacterStream");
  }

  @Override
  public void updateCharacterStream(int a0, java.io.Reader a1, long a2)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateCharacterStream");
  }

  @Override
  public void updateCharacterStream(int a0, java.io.Reader a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateCharacterStream");
  }

  @Override
  public void updateClob(java.lang.String a0, java.io.Reader a1, long a2)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateClob");
  }

  @Override
  public void updateClob(java.lang.String a0, java.io.Reader a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateClob");
  }

  @Override
  public void updateClob(java.lang.String a0, java.sql.Clob a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateClob");
  }

  @Override
  public void updateClob(int a0, java.io.Reader a1, long a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateClob");
  }

  @Override
  public void updateClob(int a0, java.io.Reader a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateClob");
  }

  @Override
  public void updateClob(int a0, java.sql.Clob a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateClob");
  }

  @Override
  public void updateDate(java.lang.String a0, java.sql.Date a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateDate");
  }

  @Override
  public void updateDate(int a0, java.sql.Date a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateDate");
  }

  @Override
  public void updateDouble(java.lang.String a0, double a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateDouble");
  }

  @Override
  public void updateDouble(int a0, double a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateDouble");
  }

  @Override
  public void updateFloat(java.lang.String a0, float a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateFloat");
  }

  @Override
  public void updateFloat(int a0, float a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateFloat");
  }

  @Override
  public void updateInt(java.lang.String a0, int a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateInt");
  }

  @Override
  public void updateInt(int a0, int a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateInt");
  }

  @Override
  public void updateLong(java.lang.String a0, long a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateLong");
  }

  @Override
  public void updateLong(int a0, long a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateLong");
  }

  @Override
  public void updateNCharacterStream(java.lang.String a0, java.io.Reader a1, long a2)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateNCharacterStream");
  }

  @Override
  public void updateNCharacterStream(java.lang.String a0, java.io.Reader a1)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateNCharacterStream");
  }

  @Override
  public void updateNCharacterStream(int a0, java.io.Reader a1, long a2)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateNCharacterStream");
  }

  @Override
  public void updateNCharacterStream(int a0, java.io.Reader a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateNCharacterStream");
  }

  @Override
  public void updateNClob(java.lang.String a0, java.io.Reader a1, long a2)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateNClob");
  }

  @Override
  public void updateNClob(java.lang.String a0, java.io.Reader a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateNClob");
  }

  @Override
  public void updateNClob(java.lang.String a0, java.sql.NClob a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateNClob");
  }

  @Override
  public void updateNClob(int a0, java.io.Reader a1, long a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateNClob");
  }

  @Override
  public void updateNClob(int a0, java.io.Reader a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateNClob");
  }

  @Override
  public void updateNClob(int a0, java.sql.NClob a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateNClob");
  }

  @Override
  public void updateNString(java.lang.String a0, java.lang.String a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateNString");
  }

  @Override
  public void updateNString(int a0, java.lang.String a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateNString");
  }

  @Override
  public void updateNull(java.lang.String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateNull");
  }

  @Override
  public void updateNull(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateNull");
  }

  @Override
  public void updateObject(java.lang.String a0, java.lang.Object a1, int a2)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateObject");
  }

  @Override
  public void updateObject(java.lang.String a0, java.lang.Object a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateObject");
  }

  @Override
  public void updateObject(int a0, java.lang.Object a1, int a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateObject");
  }

  @Override
  public void updateObject(int a0, java.lang.Object a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateObject");
  }

  @Override
  public void updateRef(java.lang.String a0, java.sql.Ref a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateRef");
  }

  @Override
  public void updateRef(int a0, java.sql.Ref a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateRef");
  }

  @Override
  public void updateRow() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateRow");
  }

  @Override
  public void updateRowId(java.lang.String a0, java.sql.RowId a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateRowId");
  }

  @Override
  public void updateRowId(int a0, java.sql.RowId a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateRowId");
  }

  @Override
  public void updateSQLXML(java.lang.String a0, java.sql.SQLXML a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateSQLXML");
  }

  @Override
  public void updateSQLXML(int a0, java.sql.SQLXML a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateSQLXML");
  }

  @Override
  public void updateShort(java.lang.String a0, short a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateShort");
  }

  @Override
  public void updateShort(int a0, short a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateShort");
  }

  @Override
  public void updateString(java.lang.String a0, java.lang.String a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateString");
  }

  @Override
  public void updateString(int a0, java.lang.String a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateString");
  }

  @Override
  public void updateTime(java.lang.String a0, java.sql.Time a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateTime");
  }

  @Override
  public void updateTime(int a0, java.sql.Time a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateTime");
  }

  @Override
  public void updateTimestamp(java.lang.String a0, java.sql.Timestamp a1)
      throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateTimestamp");
  }

  @Override
  public void updateTimestamp(int a0, java.sql.Timestamp a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("updateTimestamp");
  }

  @Override
  public boolean wasNull() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("wasNull");
  }
}
