package ai.ailock.distribution.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL's own counters of the current database ({@code pg_stat_database}, {@code pg_stat_user_tables}), read
 * before and after a run: committed transactions, rows read and written, and per table the rows that sequential scans
 * read (a hot query without an index shows up there first). Statistics reach these views within about a second.
 */
final class PostgresCounters {
  private final JdbcClient jdbc;

  PostgresCounters(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
  }

  /** One reading. */
  record Snapshot(long commits, long rowsFetched, long rowsReturned, long rowsWritten, Map<String, Long> seqRows,
      Map<String, Long> seqScans) {}

  Snapshot read() {
    sleep(); // let the backends flush their statistics
    var database = jdbc.sql("""
            SELECT xact_commit, tup_fetched, tup_returned, tup_inserted + tup_updated + tup_deleted AS written
            FROM pg_stat_database WHERE datname = current_database()""")
        .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).single();
    Map<String, Long> seqRows = new HashMap<>();
    Map<String, Long> seqScans = new HashMap<>();
    jdbc.sql("SELECT relname, coalesce(seq_tup_read, 0), coalesce(seq_scan, 0) FROM pg_stat_user_tables")
        .query(rs -> {
          seqRows.put(rs.getString(1), rs.getLong(2));
          seqScans.put(rs.getString(1), rs.getLong(3));
        });
    return new Snapshot(database[0], database[1], database[2], database[3], seqRows, seqScans);
  }

  /** Prints what {@code per} units of work (lifecycles, events) cost between two readings. */
  static void print(Snapshot before, Snapshot after, long per, String unit) {
    System.out.printf("PostgreSQL per %s: %.1f commits, %.0f rows fetched by index, %.0f rows returned, %.1f rows "
            + "written%n", unit, (after.commits() - before.commits()) / (double) per,
        (after.rowsFetched() - before.rowsFetched()) / (double) per,
        (after.rowsReturned() - before.rowsReturned()) / (double) per,
        (after.rowsWritten() - before.rowsWritten()) / (double) per);
    List<Map.Entry<String, Long>> scanned = new ArrayList<>();
    after.seqRows().forEach((table, rows) -> {
      long delta = rows - before.seqRows().getOrDefault(table, 0L);
      if (delta > 0) {
        scanned.add(Map.entry(table, delta));
      }
    });
    scanned.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()));
    if (scanned.isEmpty()) {
      System.out.println("sequential scans: none");
      return;
    }
    var line = new StringBuilder("rows read by sequential scans per " + unit + ":");
    scanned.stream().limit(5).forEach(e -> line.append(String.format(" %s %.1f (%.1f scans)", e.getKey(),
        e.getValue() / (double) per, (after.seqScans().get(e.getKey())
            - before.seqScans().getOrDefault(e.getKey(), 0L)) / (double) per)));
    System.out.println(line);
  }

  private static void sleep() {
    try {
      Thread.sleep(1500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
