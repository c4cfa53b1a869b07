package ai.ailock.distribution.bench;

import ai.ailock.distribution.it.ServerProcess;
import ai.ailock.distribution.it.WebhookBurst;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.time.LocalDate;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A webhook burst against the service in its own JVM ({@code -Xmx256m}, durable embedded PostgreSQL): 10,000 signed
 * Stripe events, 30% of them exact duplicates (Stripe's retries), in random order, posted by many threads; 5,000
 * invoiced transfers, each with a paid {@code checkout.session.completed}, 2,000 of them also with an
 * {@code async_payment_succeeded} of the same payment. Prints events per second and fails loudly unless every
 * payment was fulfilled exactly once (read from the service's database). Baseline in the same run: as many calls
 * by the same threads with a forged signature, which the service refuses before touching the database (HTTP, body,
 * signature check). Before both, an untimed warm-up burst of the same mix on transfers of its own (a fifth as many
 * events, {@code -Dbench.warmup-events}) lets the JIT compile the event path, as the other benchmarks' warm-up rounds
 * do: without it a quarter of the service's CPU in the measured burst went to the compiler threads. Run:
 * {@code ./mvnw -q -Pbench verify}.
 */
public final class WebhookBurstBench {
  private static final int EVENTS = Integer.getInteger("bench.events", 10_000);
  private static final int TRANSFERS = EVENTS / 2;
  private static final int ALSO_ASYNC = EVENTS / 5;
  private static final int THREADS = Integer.getInteger("bench.threads", 32);
  private static final int WARMUP_EVENTS = Integer.getInteger("bench.warmup-events", EVENTS / 5);
  private static final double TARGET = 1000;

  public static void main(String[] args) throws Exception {
    String secret = "whsec_bench_" + Long.toHexString(new SecureRandom().nextLong());
    int databasePort;
    try (var socket = new ServerSocket(0)) {
      databasePort = socket.getLocalPort();
    }
    try (WorkDirectory work = WorkDirectory.create("ailock-webhook-bench-");
         ServerProcess server = ServerProcess.start(work.resolve("data"), 256,
        "--ailock.distribution.stripe.webhook-secret=" + secret,
        "--ailock.distribution.database.embedded-port=" + databasePort,
        "--logging.level.ailock.access=WARN")) {
      var database = new PGSimpleDataSource();
      database.setServerNames(new String[] {"localhost"});
      database.setPortNumbers(new int[] {databasePort});
      database.setDatabaseName("postgres");
      database.setUser("postgres");
      var counters = new PostgresCounters(database);
      if (WARMUP_EVENTS > 0) {
        var warmup = new WebhookBurst(server.functions(), secret, database);
        warmup.invoice(WARMUP_EVENTS / 2, 8, 64, 8);
        warmup.post(WARMUP_EVENTS, WARMUP_EVENTS / 5, THREADS, 3);
        if (!warmup.verify(WARMUP_EVENTS / 5).violations().isEmpty()) {
          throw new IllegalStateException("DOUBLE OR MISSING FULFILMENT IN THE WARM-UP: "
              + warmup.verify(WARMUP_EVENTS / 5).violations());
        }
      }
      var burst = new WebhookBurst(server.functions(), secret, database);
      burst.invoice(TRANSFERS, 8, 64, 8);
      double baseline = burst.postForged(EVENTS, THREADS);
      PostgresCounters.Snapshot before = counters.read();
      double rate = burst.post(EVENTS, ALSO_ASYNC, THREADS, 7);
      PostgresCounters.Snapshot after = counters.read();
      WebhookBurst.Report report = burst.verify(ALSO_ASYNC);

      System.out.printf("%nWebhook burst, %s: %d signed events (%d distinct, %d exact duplicates) for %d transfers, "
              + "random order, %d threads, service -Xmx256m%n", LocalDate.now(), report.calls(),
          report.distinctEvents(), report.calls() - report.distinctEvents(), report.transfers(), THREADS);
      System.out.printf("after an untimed warm-up burst of %d events on %d other transfers%n", WARMUP_EVENTS,
          WARMUP_EVENTS / 2);
      System.out.printf("outcomes: %s%n", report.outcomes());
      System.out.printf("| | events/s | ratio to baseline | target |%n|---|---:|---:|---:|%n");
      System.out.printf("| baseline: the same calls with a forged signature (400 before any database work) | %.0f | "
          + "1.00 | |%n", baseline);
      System.out.printf("| webhook burst | %.0f | %.2f | %.0f |%n", rate, rate / baseline, TARGET);
      PostgresCounters.print(before, after, report.calls(), "event");
      if (!report.violations().isEmpty()) {
        throw new IllegalStateException("DOUBLE OR MISSING FULFILMENT: " + report.violations());
      }
      System.out.printf("zero double fulfilments: every transfer paid once (version 2, one intent paid, one audit "
          + "record), 2 payment_confirmed per transfer, %d webhook rows%n", report.distinctEvents());
      System.out.printf("target: >= %.0f events/s -> %s%n", TARGET, rate >= TARGET ? "met" : "NOT met");
    }
  }
}
