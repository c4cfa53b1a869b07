package ai.ailock.distribution.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.engine.Transactions;
import ai.ailock.distribution.engine.fixtures.MutableClock;
import ai.ailock.distribution.engine.fixtures.UploadSessionsContract;
import ai.ailock.distribution.engine.identity.AilockId;
import ai.ailock.distribution.engine.product.ProductId;
import ai.ailock.distribution.engine.product.Products;
import ai.ailock.distribution.engine.upload.UploadId;
import ai.ailock.distribution.engine.upload.UploadSession;
import ai.ailock.distribution.engine.upload.UploadSessions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link JdbcUploadSessions} against the {@link UploadSessions} contract, each test on a fresh database. */
class JdbcUploadSessionsIT extends UploadSessionsContract {
  private static final Duration LATCH_TIMEOUT = Duration.ofSeconds(20);

  private DataSource dataSource;
  private JdbcClient jdbc;

  @Override
  protected UploadSessions newSessions(Clock clock) {
    dataSource = MigratedDatabase.fresh();
    jdbc = JdbcClient.create(dataSource);
    return new JdbcUploadSessions(jdbc, clock);
  }

  @Override
  protected ProductId newProduct(AilockId owner) {
    Rows.ailock(jdbc, owner);
    return Rows.draftProduct(jdbc, owner);
  }

  @Override
  protected Products products() {
    return new JdbcProducts(jdbc);
  }

  @Override
  protected Transactions transactions() {
    return Rows.transactions(dataSource);
  }

  /**
   * Two sweepers, each inside its own transaction at the same time, both claim due sessions before either commits:
   * with {@code FOR UPDATE SKIP LOCKED} the second skips the rows the first holds instead of waiting for them (which
   * would deadlock here: the first waits for the second to claim before it commits).
   */
  @Test
  void concurrentTransactionsClaimEachDueSessionExactlyOnce() throws Exception {
    var clock = new MutableClock();
    var sessions = new JdbcUploadSessions(jdbc, clock);
    AilockId owner = Rows.ailock(jdbc);
    int due = 20;
    for (int i = 0; i < due; i++) {
      UploadSession session = Rows.openSession(Rows.draftProduct(jdbc, owner), owner, 1, 3L * 65_536,
          clock.instant());
      assertThat(sessions.add(session)).isTrue();
    }
    Instant now = clock.advance(Duration.ofHours(1));
    Transactions transactions = Rows.transactions(dataSource);
    var bothInside = new CountDownLatch(2);
    var bothClaimed = new CountDownLatch(2);
    Callable<List<UploadSession>> sweeper = () -> transactions.inTransaction(() -> {
      jdbc.sql("SELECT txid_current()").query(Long.class).single(); // the transaction has begun in PostgreSQL
      await(bothInside);
      List<UploadSession> claimed = sessions.expireDue(now, 12);
      await(bothClaimed); // keep the row locks until the other sweeper has claimed too
      return claimed;
    });
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<List<UploadSession>> first = pool.submit(sweeper);
      Future<List<UploadSession>> second = pool.submit(sweeper);

      List<UploadSession> firstClaims = first.get(60, TimeUnit.SECONDS);
      List<UploadSession> secondClaims = second.get(60, TimeUnit.SECONDS);

      var all = new ArrayList<UploadId>();
      firstClaims.forEach(session -> all.add(session.id()));
      secondClaims.forEach(session -> all.add(session.id()));
      assertThat(all).hasSize(due);
      assertThat(new HashSet<>(all)).hasSize(due);
      assertThat(firstClaims).as("first sweeper's share").isNotEmpty();
      assertThat(secondClaims).as("second sweeper's share").isNotEmpty();
      assertThat(jdbc.sql("SELECT count(*) FROM dist_upload_sessions WHERE status = 'expired'").query(Integer.class)
          .single()).isEqualTo(due);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void keepsTheCompletionTimeAndHashOfACompletedSession() {
    var clock = new MutableClock();
    var sessions = new JdbcUploadSessions(jdbc, clock);
    AilockId owner = Rows.ailock(jdbc);
    UploadSession session = Rows.openSession(Rows.draftProduct(jdbc, owner), owner, 1, 150_216, clock.instant());
    sessions.add(session);
    Instant at = clock.advance(Duration.ofMinutes(5));

    sessions.complete(session.id(), "c".repeat(64), at);

    assertThat(jdbc.sql("SELECT status, ciphertext_sha256, completed_at FROM dist_upload_sessions WHERE id = ?")
        .param(session.id().value())
        .query((rs, row) -> List.of(rs.getString(1), rs.getString(2), Timestamps.readRequired(rs, "completed_at")))
        .single()).containsExactly("completed", "c".repeat(64), at);
  }

  private static void await(CountDownLatch latch) {
    latch.countDown();
    try {
      if (!latch.await(LATCH_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        throw new AssertionError("the other sweeper did not get there: blocked on a row lock?");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
