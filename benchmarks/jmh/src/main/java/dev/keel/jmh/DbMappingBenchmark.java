package dev.keel.jmh;

import dev.keel.db.Database;
import dev.keel.db.Query;
import dev.keel.db.Repository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * keel-db's overhead over hand-written JDBC: the same statement on the same HikariCP pool, 20 rows
 * of a TechEmpower-style {@code world} table mapped to a record, and one row by key. On SQLite (a
 * temporary file) and PostgreSQL (a {@code keel_jmh_*} database on 127.0.0.1:5432, user postgres,
 * dropped at the end). The difference between {@code raw*} and {@code keel*} is what the mapping
 * layer costs (named-parameter lookup, binding, record construction through a method handle).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class DbMappingBenchmark {
  /** A TechEmpower {@code world} row. */
  public record World(int id, int randomNumber) {}

  static final String TWENTY = "select id, random_number from world where id between ? and ?";
  static final String TWENTY_NAMED =
      "select id, random_number from world where id between :from and :to";
  static final String ONE = "select id, random_number from world where id = ?";
  static final String ONE_NAMED = "select id, random_number from world where id = :id";

  @Param({"sqlite", "postgresql"})
  public String engine;

  private Database db;
  private DataSource pool;
  private Repository<World> worlds;
  private Path folder;
  private String pgName;
  private int next;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    String url;
    if (engine.equals("sqlite")) {
      folder = Files.createTempDirectory("keel-jmh-db");
      url = "jdbc:sqlite:" + folder.resolve("bench.db");
    } else {
      pgName = "keel_jmh_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
      try (Connection c =
              DriverManager.getConnection(
                  "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
          Statement st = c.createStatement()) {
        st.execute("create database " + pgName);
      }
      url = "postgres://postgres@127.0.0.1:5432/" + pgName;
    }
    db = Database.connect(url);
    pool = db.dataSource();
    db.sql("create table world (id integer primary key, random_number integer not null)").update();
    List<World> rows = new ArrayList<>();
    for (int i = 1; i <= 1000; i++) rows.add(new World(i, (i * 7919) % 10000));
    db.sql("insert into world (id, random_number) values (:id, :randomNumber)").batch(rows);
    worlds = db.repository(World.class);
    // the benchmarks must agree before they are timed
    next = 0;
    List<World> raw = rawTwenty();
    next = 0;
    List<World> mapped = keelTwenty();
    next = 0;
    World rawRow = rawOne();
    next = 0;
    if (!raw.equals(mapped) || !rawRow.equals(keelOne())) {
      throw new IllegalStateException("raw JDBC and keel-db disagree");
    }
    if (keelTwenty().size() != 20 || repositoryTwenty().size() != 20) {
      throw new IllegalStateException("expected 20 rows");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    db.close();
    if (pgName != null) {
      try (Connection c =
              DriverManager.getConnection(
                  "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
          Statement st = c.createStatement()) {
        st.execute("drop database if exists " + pgName + " with (force)");
      }
    }
    if (folder != null) {
      try (var files = Files.walk(folder)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private int start() {
    next = next >= 960 ? 1 : next + 20;
    return next;
  }

  @Benchmark
  public List<World> rawTwenty() throws SQLException {
    int from = start();
    try (Connection c = pool.getConnection();
        PreparedStatement ps = c.prepareStatement(TWENTY)) {
      ps.setInt(1, from);
      ps.setInt(2, from + 19);
      try (ResultSet rs = ps.executeQuery()) {
        List<World> out = new ArrayList<>(20);
        while (rs.next()) out.add(new World(rs.getInt(1), rs.getInt(2)));
        return out;
      }
    }
  }

  @Benchmark
  public List<World> keelTwenty() {
    int from = start();
    return db.sql(TWENTY_NAMED).bind("from", from).bind("to", from + 19).list(World.class);
  }

  @Benchmark
  public List<World> repositoryTwenty() {
    int from = start();
    return worlds.findAll(
        Query.all().where("id", Query.Filter.Op.GE, from).orderBy("id", false).limit(20));
  }

  @Benchmark
  public World rawOne() throws SQLException {
    int id = start();
    try (Connection c = pool.getConnection();
        PreparedStatement ps = c.prepareStatement(ONE)) {
      ps.setInt(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new World(rs.getInt(1), rs.getInt(2));
      }
    }
  }

  @Benchmark
  public World keelOne() {
    return db.sql(ONE_NAMED).bind("id", start()).one(World.class);
  }
}
