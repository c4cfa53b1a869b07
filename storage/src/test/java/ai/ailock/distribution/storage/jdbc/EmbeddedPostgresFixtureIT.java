package ai.ailock.distribution.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class EmbeddedPostgresFixtureIT {

  @Test
  void sharesOneServerPerJvm() {
    assertThat(EmbeddedPostgresFixture.server()).isSameAs(EmbeddedPostgresFixture.server());
  }

  @Test
  void handsOutIsolatedFreshDatabases() throws SQLException {
    // given
    DataSource first = EmbeddedPostgresFixture.freshDatabase();
    DataSource second = EmbeddedPostgresFixture.freshDatabase();

    // when
    try (Connection connection = first.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE only_in_first (id int)");
    }

    // then
    assertThat(tableCount(first, "only_in_first")).isEqualTo(1);
    assertThat(tableCount(second, "only_in_first")).isZero();
  }

  private static int tableCount(DataSource dataSource, String table) throws SQLException {
    try (Connection connection = dataSource.getConnection();
         Statement statement = connection.createStatement();
         ResultSet result = statement.executeQuery(
             "SELECT count(*) FROM information_schema.tables WHERE table_name = '" + table + "'")) {
      result.next();
      return result.getInt(1);
    }
  }
}
