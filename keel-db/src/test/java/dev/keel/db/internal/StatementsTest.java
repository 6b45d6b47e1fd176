package dev.keel.db.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.db.ConstraintViolationException;
import dev.keel.db.DatabaseException;
import dev.keel.db.Dialect;
import dev.keel.db.StrictLoadingException;
import dev.keel.db.TransactionOptions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The one statement path on both engines: a borrowed connection goes back to the pool whatever
 * happens, a transaction's connection is reused and stays open, and errors name the statement.
 */
class StatementsTest {

  private static int one(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static int update(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement()) {
      return st.executeUpdate(sql);
    }
  }

  private static boolean closed(Connection c) {
    try {
      return c.isClosed();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void aBorrowedConnectionGoesBackAfterTheStatement(Dialect d) throws Exception {
    try (TestEngine t = TestEngine.create(d)) {
      Statements statements = t.engine.statements();
      List<Connection> used = new ArrayList<>();
      int answer =
          statements.run(
              "select 42",
              c -> {
                used.add(c);
                assertThat(t.borrowed()).isEqualTo(1);
                return one(c, "select 42");
              });
      assertThat(answer).isEqualTo(42);
      assertThat(closed(used.getFirst())).isTrue();
      assertThat(t.borrowed()).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void aBorrowedConnectionGoesBackWhenTheStatementFails(Dialect d) throws Exception {
    try (TestEngine t = TestEngine.create(d)) {
      Statements statements = t.engine.statements();
      List<Connection> used = new ArrayList<>();
      String sql = "select * from no_such_table";
      assertThatThrownBy(
              () ->
                  statements.run(
                      sql,
                      c -> {
                        used.add(c);
                        return one(c, sql);
                      }))
          .isInstanceOf(DatabaseException.class)
          .hasMessageContaining("no_such_table")
          .hasMessageEndingWith(" in: " + sql)
          .hasCauseInstanceOf(SQLException.class);
      IllegalStateException bug = new IllegalStateException("a bug in the caller");
      assertThatThrownBy(
              () ->
                  statements.run(
                      "select 1",
                      c -> {
                        used.add(c);
                        throw bug;
                      }))
          .isSameAs(bug);
      assertThat(used).hasSize(2).allMatch(StatementsTest::closed);
      assertThat(t.borrowed()).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void errorsAreTranslatedWithTheSqlTextAndTheirKind(Dialect d) throws Exception {
    try (TestEngine t = TestEngine.create(d)) {
      Statements statements = t.engine.statements();
      String ddl = "create table thing (name text primary key)";
      statements.run(ddl, c -> update(c, ddl));
      String insert = "insert into thing (name) values ('a')";
      statements.run(insert, c -> update(c, insert));
      assertThatThrownBy(() -> statements.run(insert, c -> update(c, insert)))
          .isInstanceOfSatisfying(
              ConstraintViolationException.class,
              e -> assertThat(e.kind()).isEqualTo(ConstraintViolationException.Kind.UNIQUE))
          .hasMessageEndingWith(" in: " + insert);
      assertThat(t.borrowed()).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void inATransactionItsConnectionIsReusedAndNotClosed(Dialect d) throws Exception {
    try (TestEngine t = TestEngine.create(d)) {
      Statements statements = t.engine.statements();
      List<Connection> used = new ArrayList<>();
      t.engine.transaction(
          TransactionOptions.defaults(),
          () -> {
            used.add(statements.run("first", c -> c));
            used.add(statements.run("second", c -> c));
            assertThatThrownBy(
                    () ->
                        statements.run(
                            "failing",
                            c -> {
                              used.add(c);
                              throw new SQLException("boom", "XX000");
                            }))
                .isInstanceOf(DatabaseException.class)
                .hasMessage("boom [SQLSTATE XX000] in: failing");
            assertThat(used).hasSize(3).allMatch(c -> c == used.getFirst());
            assertThat(closed(used.getFirst())).isFalse();
            assertThat(t.borrowed()).isEqualTo(1);
            return null;
          });
      assertThat(closed(used.getFirst())).isTrue(); // the transaction gave it back
      assertThat(t.borrowed()).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void aStatementOverTheStrictThresholdFailsBeforeBorrowing(Dialect d) throws Exception {
    try (TestEngine t = TestEngine.create(d)) {
      Statements statements = t.engine.statements();
      AtomicInteger runs = new AtomicInteger();
      statements.strict(
          2,
          () -> {
            statements.run("select 1", c -> runs.incrementAndGet());
            statements.run("select 1", c -> runs.incrementAndGet());
            assertThatThrownBy(() -> statements.run("select 1", c -> runs.incrementAndGet()))
                .isInstanceOf(StrictLoadingException.class)
                .hasMessageContaining("ran 3 times");
            return null;
          });
      assertThat(runs).hasValue(2);
      assertThat(t.borrowed()).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void aStreamHoldsItsConnectionUntilClosedAndGivesItBackOnFailure(Dialect d) throws Exception {
    try (TestEngine t = TestEngine.create(d)) {
      Statements statements = t.engine.statements();
      String sql = "select 1 union all select 2";
      try (Stream<Integer> rows =
          statements.stream(sql, c -> c.prepareStatement(sql), rs -> r -> r.getInt(1))) {
        assertThat(t.borrowed()).isEqualTo(1);
        assertThat(rows.toList()).containsExactly(1, 2);
      }
      assertThat(t.borrowed()).isZero();
      String bad = "select * from no_such_table";
      assertThatThrownBy(() -> statements.stream(bad, c -> c.prepareStatement(bad), rs -> r -> 1))
          .isInstanceOf(DatabaseException.class)
          .hasMessageEndingWith(" in: " + bad);
      assertThatThrownBy(
              () ->
                  statements.stream(
                      sql,
                      c -> c.prepareStatement(sql),
                      rs -> {
                        throw new IllegalArgumentException("no mapper");
                      }))
          .hasMessage("no mapper");
      assertThat(t.borrowed()).isZero();
    }
  }
}
