package dev.keel.ai.vector.internal;

import dev.keel.ai.vector.MetadataFilter;
import dev.keel.ai.vector.VectorEntry;
import dev.keel.ai.vector.VectorMatch;
import dev.keel.ai.vector.VectorProblems;
import dev.keel.ai.vector.VectorStore;
import dev.keel.core.HttpException;
import dev.keel.db.Database;
import dev.keel.db.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A table on PostgreSQL with pgvector: {@code (id text primary key, embedding vector(N), text,
 * metadata jsonb)} and an HNSW index over cosine distance. The constructor checks that the
 * extension is available ({@code pg_available_extensions}) and creates it, the table and the index
 * when missing.
 *
 * <p>Only the detection runs in Keel's tests: the machine they run on has no pgvector. The SQL
 * follows pgvector's documentation (0.5 or newer for HNSW) but is untested here.
 */
public final class PgVectorStore implements VectorStore {
  private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final DataSource data;
  private final String table;
  private final int dimension;

  public PgVectorStore(Database db, String table, int dimension) {
    if (db.dialect() != Dialect.POSTGRESQL) {
      throw new IllegalArgumentException(
          "the pgvector store needs PostgreSQL, keel.db.url is " + db.dialect());
    }
    if (!TABLE.matcher(table).matches()) {
      throw new IllegalArgumentException(
          "table '" + table + "' is not a plain lower-case SQL name (a-z, 0-9, _)");
    }
    if (dimension < 1 || dimension > 16_000) {
      throw new IllegalArgumentException("dimension: " + dimension + " (expected: 1 to 16000)");
    }
    this.data = db.dataSource();
    this.table = table;
    this.dimension = dimension;
    requireExtension(data);
    execute(
        "create table if not exists "
            + table
            + " (id text primary key, embedding vector("
            + dimension
            + ") not null, text text not null, metadata jsonb not null default '{}')",
        "create index if not exists "
            + table
            + "_hnsw on "
            + table
            + " using hnsw (embedding vector_cosine_ops)");
  }

  /** Whether the server can install pgvector (it is in {@code pg_available_extensions}). */
  public static boolean available(DataSource data) {
    try (Connection c = data.getConnection();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "select exists (select 1 from pg_available_extensions where name = 'vector')")) {
      rs.next();
      return rs.getBoolean(1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read pg_available_extensions: " + e.getMessage(), e);
    }
  }

  private static void requireExtension(DataSource data) {
    if (!available(data)) {
      throw new HttpException(
          VectorProblems.PGVECTOR_MISSING,
          "PostgreSQL at "
              + serverVersion(data)
              + " has no pgvector extension (no 'vector' row in pg_available_extensions): install"
              + " it on the database server (Debian/Ubuntu: apt install postgresql-<major>-pgvector;"
              + " Docker: the pgvector/pgvector image; managed services: enable the 'vector'"
              + " extension), or keep the embedded Lucene store (VectorStores.lucene)");
    }
    try (Connection c = data.getConnection();
        Statement st = c.createStatement()) {
      st.execute("create extension if not exists vector");
    } catch (SQLException e) {
      throw new HttpException(
          VectorProblems.PGVECTOR_MISSING,
          "pgvector is available but not created in this database, and creating it failed ("
              + e.getMessage()
              + "): run 'create extension vector;' in it as a superuser or the database owner");
    }
  }

  private static String serverVersion(DataSource data) {
    try (Connection c = data.getConnection()) {
      var meta = c.getMetaData();
      return meta.getURL() + " (version " + meta.getDatabaseProductVersion() + ")";
    } catch (SQLException e) {
      return "the configured URL";
    }
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public void upsert(List<VectorEntry> entries) {
    String sql =
        "insert into "
            + table
            + " (id, embedding, text, metadata) values (?, ?::vector, ?, ?::jsonb)"
            + " on conflict (id) do update set embedding = excluded.embedding,"
            + " text = excluded.text, metadata = excluded.metadata";
    try (Connection c = data.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (VectorEntry e : entries) {
          VectorStore.checkDimension(e.vector(), dimension);
          ps.setString(1, e.id());
          ps.setString(2, literal(e.vector()));
          ps.setString(3, e.text());
          ps.setString(4, JSON.writeValueAsString(e.metadata()));
          ps.addBatch();
        }
        ps.executeBatch();
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot write to " + table + ": " + e.getMessage(), e);
    }
  }

  @Override
  public long delete(MetadataFilter filter) {
    List<List<String>> args = new ArrayList<>();
    String where = where(filter, args);
    try (Connection c = data.getConnection();
        PreparedStatement ps = c.prepareStatement("delete from " + table + where)) {
      bindArrays(c, ps, 1, args);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot delete from " + table + ": " + e.getMessage(), e);
    }
  }

  @Override
  public List<VectorMatch> search(float[] query, int k, MetadataFilter filter) {
    VectorStore.checkDimension(query, dimension);
    List<List<String>> args = new ArrayList<>();
    String where = where(filter, args);
    String sql =
        "select id, text, metadata::text, 1 - (embedding <=> ?::vector) from "
            + table
            + where
            + " order by embedding <=> ?::vector limit ?";
    try (Connection c = data.getConnection()) {
      c.setAutoCommit(false);
      try (Statement st = c.createStatement()) {
        // the index returns at most ef_search rows before filtering: widen it for large k
        st.execute("set local hnsw.ef_search = " + Math.max(40, Math.min(1000, k * 4)));
      }
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        String vector = literal(query);
        ps.setString(1, vector);
        int next = bindArrays(c, ps, 2, args);
        ps.setString(next, vector);
        ps.setInt(next + 1, k);
        List<VectorMatch> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Map<String, String> metadata =
                JSON.readValue(rs.getString(3), new TypeReference<Map<String, String>>() {});
            out.add(
                new VectorMatch(
                    new VectorEntry(rs.getString(1), new float[0], rs.getString(2), metadata),
                    rs.getDouble(4)));
          }
        }
        c.commit();
        return out;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot search " + table + ": " + e.getMessage(), e);
    }
  }

  @Override
  public long count() {
    try (Connection c = data.getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select count(*) from " + table)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count " + table + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    // the connections belong to the application's Database
  }

  private static String where(MetadataFilter filter, List<List<String>> args) {
    if (filter.isEmpty()) return "";
    List<String> terms = new ArrayList<>();
    filter
        .allowed()
        .forEach(
            (key, values) -> {
              // keys are checked plain names (MetadataFilter), so quoting them inline is safe
              terms.add("metadata ->> '" + key + "' = any (?)");
              args.add(values);
            });
    return " where " + String.join(" and ", terms);
  }

  private static int bindArrays(Connection c, PreparedStatement ps, int from, List<List<String>> a)
      throws SQLException {
    int i = from;
    for (List<String> values : a) {
      ps.setArray(i++, c.createArrayOf("text", values.toArray()));
    }
    return i;
  }

  private void execute(String... statements) {
    try (Connection c = data.getConnection();
        Statement st = c.createStatement()) {
      for (String s : statements) st.execute(s);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create " + table + ": " + e.getMessage(), e);
    }
  }

  /** pgvector's text form: {@code [0.1,0.2,...]}. */
  static String literal(float[] v) {
    StringBuilder sb = new StringBuilder(v.length * 10).append('[');
    for (int i = 0; i < v.length; i++) {
      if (i > 0) sb.append(',');
      sb.append(v[i]);
    }
    return sb.append(']').toString();
  }
}
