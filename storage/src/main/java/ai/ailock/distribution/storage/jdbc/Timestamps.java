package ai.ailock.distribution.storage.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/** {@code timestamptz} values to and from {@link Instant}s. */
final class Timestamps {
  private Timestamps() {}

  static @Nullable OffsetDateTime of(@Nullable Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  static @Nullable Instant read(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  static Instant readRequired(ResultSet rs, String column) throws SQLException {
    Instant value = read(rs, column);
    if (value == null) {
      throw new IllegalStateException(column + " is null");
    }
    return value;
  }
}
