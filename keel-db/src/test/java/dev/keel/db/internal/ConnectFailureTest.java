package dev.keel.db.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/**
 * The local PostgreSQL trusts every local connection, so a refused password cannot happen against
 * it; this is the driver's own exception for one (the other failures are tested for real in {@code
 * StartupFailureTest}).
 */
class ConnectFailureTest {

  @Test
  void aRefusedPasswordNamesTheUserAndBothPlacesToFixIt() {
    var refused =
        new PSQLException(
            "FATAL: password authentication failed for user \"app\"", PSQLState.INVALID_PASSWORD);
    DbUrl url = DbUrl.parse("postgres://app:wrong@db.example:6543/shop");
    assertThat(ConnectFailure.explain(url, "app", refused))
        .isEqualTo(
            "Keel could not connect to the database at postgres://app:****@db.example:6543/shop:"
                + " PostgreSQL at db.example:6543 refused the password of user \"app\"; fix"
                + " keel.db.password (KEEL_DB_PASSWORD) or the password in keel.db.url"
                + " (KEEL_DB_URL).");
  }

  @Test
  void namesThatNeedQuotingAreQuotedInTheCommands() {
    var missing = new SQLException("FATAL: database \"My Shop\" does not exist", "3D000");
    DbUrl url = DbUrl.parse("jdbc:postgresql://h/My%20Shop");
    assertThat(ConnectFailure.explain(url, null, missing))
        .contains("createdb 'My Shop'")
        .contains("CREATE DATABASE \"My Shop\";");
  }
}
