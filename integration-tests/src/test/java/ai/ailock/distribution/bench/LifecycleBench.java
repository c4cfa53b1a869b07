package ai.ailock.distribution.bench;

import ai.ailock.distribution.client.AilockKeys;
import ai.ailock.distribution.client.http.SignedHttp;
import ai.ailock.distribution.client.identity.HttpIdentities;
import ai.ailock.distribution.client.receipt.DeliveryReceipt;
import ai.ailock.distribution.engine.RequestMeta;
import ai.ailock.distribution.engine.delivery.AcknowledgeDelivery;
import ai.ailock.distribution.engine.delivery.DeliveryTicket;
import ai.ailock.distribution.engine.delivery.DepositKey;
import ai.ailock.distribution.engine.delivery.GrantDelivery;
import ai.ailock.distribution.engine.delivery.IssueTicket;
import ai.ailock.distribution.engine.delivery.OpenDownload;
import ai.ailock.distribution.engine.delivery.ReadDelivery;
import ai.ailock.distribution.engine.identity.AilockId;
import ai.ailock.distribution.engine.identity.Caller;
import ai.ailock.distribution.engine.identity.KeyId;
import ai.ailock.distribution.engine.payment.Invoice;
import ai.ailock.distribution.engine.payment.InvoiceTransfer;
import ai.ailock.distribution.engine.product.Price;
import ai.ailock.distribution.engine.product.ProductId;
import ai.ailock.distribution.engine.transfer.OfferTransfer;
import ai.ailock.distribution.engine.transfer.Transfer;
import ai.ailock.distribution.engine.transfer.TransferState;
import ai.ailock.distribution.engine.transfer.TransferTerms;
import ai.ailock.distribution.it.GeneratedCiphertext;
import ai.ailock.distribution.it.Parallel;
import ai.ailock.distribution.it.RawUpload;
import ai.ailock.distribution.server.DistributionServer;
import ai.ailock.distribution.server.http.ReceiptReader;
import ai.ailock.distribution.server.stripe.StripeEvents;
import ai.ailock.distribution.server.stripe.WebhookIntake;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Complete transfer lifecycles per second without payload, on the service's durable embedded PostgreSQL: offer →
 * invoice (local checkout emulator) → signed Stripe webhook, verified by stripe-java (payment succeeded) → grant
 * (key envelope deposited) → ticket (EdDSA claim token) → claim (one-time redemption, download session) → manifest
 * → acknowledgement with a receipt signed by the buyer's Ed25519 key, many lifecycles at once.
 *
 * <p>It drives the engine's use cases as the service wires them (its Spring context, real JDBC adapters, the
 * webhook's {@link WebhookIntake}), not the HTTP functions: see docs/benchmarks.md for why. Baseline measured in the
 * same run on the same connection pool and threads: trivial one-row write transactions per second.
 * Run: {@code ./mvnw -q -Pbench verify}.
 */
public final class LifecycleBench {
  private static final String SECRET = "whsec_bench_" + Long.toHexString(new SecureRandom().nextLong());
  private static final int THREADS = Integer.getInteger("bench.threads", 16);
  private static final int SELLERS = 8;
  /** Enough that no buyer exceeds its rate limits (tickets, claims, acks: 60 a minute each) even at 500/s. */
  private static final int BUYERS = 1000;
  private static final long SECONDS = Long.getLong("bench.seconds", 20);
  private static final double TARGET = 500;

  record Party(AilockId id, KeyId keyId, AilockKeys keys) {
    Caller caller(String requestId) {
      return new Caller(id, keyId, new RequestMeta(requestId, "127.0.0.1", "ailock-bench"));
    }
  }

  record Seller(Party party, ProductId product) {}

  private final ConfigurableApplicationContext app;
  private final Clock clock;
  private final OfferTransfer offer;
  private final InvoiceTransfer invoice;
  private final WebhookIntake webhook;
  private final GrantDelivery grant;
  private final IssueTicket ticket;
  private final OpenDownload claim;
  private final ReadDelivery read;
  private final AcknowledgeDelivery acknowledge;
  private final List<Seller> sellers = new ArrayList<>();
  private final List<Party> buyers = new ArrayList<>();
  private final byte[] envelope = new byte[80];
  private final StepTimes steps = new StepTimes("offer", "invoice", "webhook", "grant", "ticket", "claim",
      "manifest", "ack");

  private LifecycleBench(ConfigurableApplicationContext app) {
    this.app = app;
    this.clock = app.getBean(Clock.class);
    this.offer = app.getBean(OfferTransfer.class);
    this.invoice = app.getBean(InvoiceTransfer.class);
    this.webhook = app.getBean(WebhookIntake.class);
    this.grant = app.getBean(GrantDelivery.class);
    this.ticket = app.getBean(IssueTicket.class);
    this.claim = app.getBean(OpenDownload.class);
    this.read = app.getBean(ReadDelivery.class);
    this.acknowledge = app.getBean(AcknowledgeDelivery.class);
    new SecureRandom().nextBytes(envelope);
  }

  public static void main(String[] args) throws Exception {
    try (WorkDirectory work = WorkDirectory.create("ailock-lifecycle-bench-");
         ConfigurableApplicationContext app = new SpringApplicationBuilder(DistributionServer.class).run(
        "--server.port=0", "--ailock.distribution.data-dir=" + work.resolve("data"),
        "--ailock.distribution.stripe.webhook-secret=" + SECRET,
        "--logging.level.ai.ailock=WARN", "--logging.level.ailock.access=WARN")) {
      new LifecycleBench(app).run();
    }
  }

  private void run() throws Exception {
    URI functions = URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port")
        + "/.netlify/functions");
    publish(functions);
    DataSource dataSource = app.getBean(DataSource.class);
    var counters = new PostgresCounters(dataSource);

    measure(THREADS, 3, this::lifecycle); // warm-up: JIT, pool, caches
    double baseline = measure(THREADS, SECONDS / 2, baselineTransaction(dataSource));
    PostgresCounters.Snapshot before = counters.read();
    steps.reset();
    AtomicLong done = new AtomicLong();
    double rate = measure(THREADS, SECONDS, n -> {
      lifecycle(n);
      done.incrementAndGet();
    });
    PostgresCounters.Snapshot after = counters.read();

    System.out.printf("%nTransfer lifecycles without payload, %s, %d threads, %d s (offer -> invoice -> signed webhook "
        + "-> grant -> ticket -> claim -> manifest -> signed receipt)%n", LocalDate.now(), THREADS, SECONDS);
    System.out.printf("| | per second | ratio to baseline |%n|---|---:|---:|%n");
    System.out.printf("| baseline: one-row INSERT transactions (same pool, same threads, fsync on) | %.0f | 1.00 |%n",
        baseline);
    System.out.printf("| complete lifecycles | %.0f | %.3f |%n", rate, rate / baseline);
    PostgresCounters.print(before, after, done.get(), "lifecycle");
    System.out.println("mean time per step (ms, under " + THREADS + " threads): " + steps.summary());
    System.out.printf("target: >= %.0f lifecycles/s -> %s%n", TARGET, rate >= TARGET ? "met" : "NOT met");
  }

  /** Sellers with a published product each (tiny ciphertext, uploaded through the endpoints) and buyers. */
  private void publish(URI functions) {
    var ciphertext = new GeneratedCiphertext(1000, 64 * 1024, 11);
    for (int i = 0; i < SELLERS; i++) {
      var seller = new RawUpload(functions);
      String product = seller.upload(1000, ciphertext, 1);
      sellers.add(new Seller(new Party(new AilockId(seller.ailockId()), new KeyId(seller.keys().keyId()),
          seller.keys()), ProductId.parse(product)));
    }
    Party[] registered = new Party[BUYERS];
    Parallel.forEach(BUYERS, 8, i -> {
      AilockKeys keys = AilockKeys.generate();
      String id = new HttpIdentities(new SignedHttp(functions, keys)).register(keys).ailockId();
      registered[i] = new Party(new AilockId(id), new KeyId(keys.keyId()), keys);
    });
    buyers.addAll(List.of(registered));
  }

  /** One complete lifecycle; fails loudly if any step does not end where it must. */
  private void lifecycle(long n) {
    Seller seller = sellers.get((int) (n % SELLERS));
    Party buyer = buyers.get((int) (n % BUYERS));
    String request = "bench-" + n;
    long t = System.nanoTime();
    Transfer offered = offer.offer(seller.party().caller(request), new OfferTransfer.Command(seller.product(),
        buyer.id(), new TransferTerms.Overrides(new Price(1500, "usd"), null, null)));
    t = steps.lap(0, t);
    Invoice invoiced = invoice.invoice(buyer.caller(request), offered.id());
    t = steps.lap(1, t);

    long now = clock.instant().getEpochSecond();
    var session = new StripeEvents.Session(invoiced.intent().providerRef(), offered.id().toString(), 1500, "usd",
        "complete", "paid", now, now + 3600);
    String payload = StripeEvents.event("evt_bench_" + offered.id(), "checkout.session.completed", session.json(), now);
    String outcome = webhook.accept(payload, StripeEvents.signatureHeader(payload, SECRET, now),
        new RequestMeta(request, "127.0.0.1", "Stripe/1.0"));
    require("fulfilled".equals(outcome), "webhook outcome " + outcome);
    t = steps.lap(2, t);

    grant.grant(seller.party().caller(request), offered.id(), new DepositKey.Deposit(envelope, buyer.keyId()));
    t = steps.lap(3, t);
    DeliveryTicket fresh = ticket.ticket(buyer.caller(request), offered.id());
    t = steps.lap(4, t);
    claim.open(buyer.caller(request), offered.id(), fresh.claimToken());
    t = steps.lap(5, t);
    read.manifest(buyer.caller(request), offered.id(), fresh.claimToken());
    t = steps.lap(6, t);
    var receipt = DeliveryReceipt.sign(offered.id().toString(), fresh.manifestSha256(),
        "aa".repeat(32), clock.instant(), buyer.keys());
    Transfer done = acknowledge.acknowledge(buyer.caller(request), offered.id(), ReceiptReader.read(receipt.toJson()));
    require(done.state() == TransferState.ACKNOWLEDGED, "ended " + done.state());
    steps.lap(7, t);
  }

  private static LongConsumer baselineTransaction(DataSource dataSource) {
    JdbcClient jdbc = JdbcClient.create(dataSource);
    jdbc.sql("CREATE TABLE IF NOT EXISTS bench_baseline (id bigserial PRIMARY KEY, at timestamptz NOT NULL)").update();
    return n -> jdbc.sql("INSERT INTO bench_baseline (at) VALUES (now())").update();
  }

  /** Runs {@code work} on {@code threads} threads for {@code seconds}. @return completed units per second */
  static double measure(int threads, long seconds, LongConsumer work) {
    var next = new AtomicLong();
    var completed = new AtomicLong();
    long started = System.nanoTime();
    long deadline = started + seconds * 1_000_000_000L;
    Parallel.run(threads, () -> {
      while (System.nanoTime() < deadline) {
        work.accept(next.getAndIncrement());
        completed.incrementAndGet();
      }
    });
    return completed.get() / ((System.nanoTime() - started) / 1e9);
  }

  private static void require(boolean condition, String what) {
    if (!condition) {
      throw new IllegalStateException("lifecycle broken: " + what);
    }
  }
}
