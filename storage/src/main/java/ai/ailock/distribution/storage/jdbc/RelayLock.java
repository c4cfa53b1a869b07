package ai.ailock.distribution.storage.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * A PostgreSQL session advisory lock that lets one outbox relay run at a time across every instance sharing the
 * database (design §4). The lock is held on a connection of its own for the length of a run, so the relay's row
 * updates commit one by one; if the instance dies, its connection closes and PostgreSQL releases the lock.
 * Thread-safe: a second caller, in this JVM or another, does not wait but is told the lock is taken.
 */
public final class RelayLock {
  /** The advisory lock key of the outbox relay (an arbitrary constant, the same for every instance). */
  static final long OUTBOX_RELAY = 0x61696c6f636b0001L;

  private final DataSource dataSource;

  public RelayLock(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** @return the work's result, or empty if another relay holds the lock (the work did not run) */
  public <T> Optional<T> tryRun(Supplier<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(true);
      if (!call(connection, "SELECT pg_try_advisory_lock(?)")) {
        return Optional.empty();
      }
      try {
        return Optional.of(work.get());
      } finally {
        call(connection, "SELECT pg_advisory_unlock(?)");
      }
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("the outbox relay lock is not available", e);
    }
  }

  private static boolean call(Connection connection, String sql) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, OUTBOX_RELAY);
      try (ResultSet result = statement.executeQuery()) {
        return result.next() && result.getBoolean(1);
      }
    }
  }
}
