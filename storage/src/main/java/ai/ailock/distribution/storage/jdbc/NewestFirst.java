package ai.ailock.distribution.storage.jdbc;

import ai.ailock.distribution.engine.PageCursor;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A listing query, newest first by {@code (created_at, id)} with keyset paging: the conditions the caller adds, then
 * the rows after the cursor, the order and the limit. Row-value comparison orders uuids as PostgreSQL does (bytes,
 * unsigned), as {@link PageCursor#compareTo} does.
 */
final class NewestFirst {
  private final StringBuilder sql;
  private final String alias;
  private final List<Object> params = new ArrayList<>();

  /** @param select the query up to and including its first {@code WHERE} condition, with {@code firstParam} */
  NewestFirst(String select, String alias, Object firstParam) {
    this.sql = new StringBuilder(select);
    this.alias = alias.isEmpty() ? "" : alias + ".";
    params.add(firstParam);
  }

  /** Adds {@code AND <column> = ?} when {@code value} is given. */
  NewestFirst whereEquals(String column, @Nullable Object value) {
    if (value != null) {
      sql.append(" AND ").append(alias).append(column).append(" = ?");
      params.add(value);
    }
    return this;
  }

  String sql(@Nullable PageCursor after) {
    var query = new StringBuilder(sql);
    if (after != null) {
      query.append(" AND (").append(alias).append("created_at, ").append(alias).append("id) < (?, ?)");
    }
    return query.append(" ORDER BY ").append(alias).append("created_at DESC, ").append(alias).append("id DESC LIMIT ?")
        .toString();
  }

  List<Object> params(@Nullable PageCursor after, int limit) {
    var all = new ArrayList<>(params);
    if (after != null) {
      all.add(Timestamps.of(after.createdAt()));
      all.add(after.id());
    }
    all.add(limit);
    return all;
  }
}
