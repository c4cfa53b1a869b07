package ai.ailock.distribution.it;

import ai.ailock.distribution.client.AilockKeys;
import ai.ailock.distribution.client.commerce.Checkout;
import ai.ailock.distribution.client.commerce.Commerce;
import ai.ailock.distribution.client.http.SignedHttp;
import ai.ailock.distribution.client.identity.HttpIdentities;
import ai.ailock.distribution.schemas.WireJson;
import ai.ailock.distribution.server.stripe.StripeEvents;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A burst of Stripe webhook events against a running service, the way Stripe can deliver them: for each of
 * {@code transfers} invoiced transfers a signed {@code checkout.session.completed} (paid); for some of them also a
 * {@code checkout.session.async_payment_succeeded} of the same session (another event id, the same payment); then
 * exact copies of random events (Stripe's retries: same event id, signed again when sent) until {@code events} calls;
 * all in random order, posted by many threads at once. Afterwards {@link #verify} checks from the database that no
 * payment was fulfilled twice. Used by the end-to-end test (small) and the benchmark (10,000 events).
 */
public final class WebhookBurst {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final URI functions;
  private final String secret;
  private final JdbcClient jdbc;
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final List<Invoiced> invoiced = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
  private int distinct;
  private int posted;

  /** An invoiced transfer and its Checkout Session. */
  record Invoiced(String transferId, String sessionId, long amount, String currency) {}

  /** One event as Stripe sends it (its signature is made when it is posted). */
  record Event(String id, String payload) {}

  /** What the burst did and what the database says about it. */
  public record Report(int transfers, int distinctEvents, int calls, Map<String, Long> outcomes,
      List<String> violations) {}

  /**
   * @param functions the service's function base URI
   * @param secret the webhook secret the service verifies with
   * @param database the service's database, read to verify the outcome
   */
  public WebhookBurst(URI functions, String secret, DataSource database) {
    this.functions = functions;
    this.secret = secret;
    this.jdbc = JdbcClient.create(database);
  }

  /** Publishes one product per seller and invoices {@code transfers} offers of them to a few buyers, in parallel. */
  public void invoice(int transfers, int sellers, int buyers, int threads) {
    var ciphertext = new GeneratedCiphertext(1000, 64 * 1024, 5);
    List<RawUpload> sellerList = new ArrayList<>();
    List<String> products = new ArrayList<>();
    for (int i = 0; i < sellers; i++) {
      RawUpload seller = new RawUpload(functions);
      products.add(seller.upload(1000, ciphertext, 1));
      sellerList.add(seller);
    }
    List<SignedHttp> buyerList = new ArrayList<>();
    List<String> buyerIds = new ArrayList<>();
    for (int i = 0; i < buyers; i++) {
      AilockKeys keys = AilockKeys.generate();
      SignedHttp http = new SignedHttp(functions, keys);
      buyerIds.add(new HttpIdentities(http).register(keys).ailockId());
      buyerList.add(http);
    }
    Parallel.forEach(transfers, threads, n -> {
      int s = n % sellers;
      int b = (n / sellers) % buyers;
      String id = new Commerce(sellerList.get(s).http()).offer(products.get(s), buyerIds.get(b),
          new Commerce.Terms(1500L, "usd", null, null)).transferId();
      Checkout checkout = new Commerce(buyerList.get(b)).invoice(id);
      invoiced.add(new Invoiced(id, checkout.sessionId(), checkout.amount(), checkout.currency()));
    });
  }

  /**
   * Posts {@code calls} events for the invoiced transfers: one paid completion each, {@code alsoAsync} of them also
   * an async success, the rest exact duplicates of random ones; shuffled by {@code seed}.
   *
   * @return events per second
   */
  public double post(int calls, int alsoAsync, int threads, long seed) {
    long now = Instant.now().getEpochSecond();
    List<Event> unique = new ArrayList<>();
    for (int i = 0; i < invoiced.size(); i++) {
      Invoiced t = invoiced.get(i);
      var session = new StripeEvents.Session(t.sessionId(), t.transferId(), t.amount(), t.currency(), "complete",
          "paid", now, now + 3600);
      unique.add(event("evt_burst_" + run + "_completed_" + i, "checkout.session.completed", session, now));
      if (i < alsoAsync) {
        unique.add(event("evt_burst_" + run + "_async_" + i, "checkout.session.async_payment_succeeded", session,
            now));
      }
    }
    if (calls < unique.size()) {
      throw new IllegalArgumentException(calls + " calls cannot carry " + unique.size() + " distinct events");
    }
    distinct = unique.size();
    Random random = new Random(seed);
    List<Event> all = new ArrayList<>(unique);
    while (all.size() < calls) {
      all.add(unique.get(random.nextInt(unique.size())));
    }
    Collections.shuffle(all, random);
    posted = all.size();
    long started = System.nanoTime();
    Parallel.forEach(all.size(), threads, n -> {
      String outcome = send(all.get(n), secret);
      outcomes.computeIfAbsent(outcome, o -> new LongAdder()).increment();
    });
    return all.size() / ((System.nanoTime() - started) / 1e9);
  }

  /**
   * The baseline of {@link #post}: the same kind of calls by the same threads, signed with another secret, so the
   * service refuses each (400) after reading the body and checking the signature, before any database work.
   *
   * @return calls per second
   */
  public double postForged(int calls, int threads) {
    long now = Instant.now().getEpochSecond();
    var session = new StripeEvents.Session("cs_forged", UUID.randomUUID().toString(), 1500, "usd", "complete", "paid",
        now, now + 3600);
    Event forged = event("evt_forged_" + run, "checkout.session.completed", session, now);
    var refused = new LongAdder();
    long started = System.nanoTime();
    Parallel.forEach(calls, threads, n -> {
      if (send(forged, secret + "-wrong").equals("http_400")) {
        refused.increment();
      }
    });
    double rate = calls / ((System.nanoTime() - started) / 1e9);
    if (refused.sum() != calls) {
      throw new IllegalStateException((calls - refused.sum()) + " forged events were not refused with 400");
    }
    return rate;
  }

  /** Reads the service's database: each transfer paid once, one {@code payment_confirmed} per party, no extra rows. */
  public Report verify(int alsoAsync) {
    List<String> violations = new ArrayList<>();
    int transfers = invoiced.size();
    String[] ids = stringIds();
    Map<String, Long> counted = new java.util.TreeMap<>();
    outcomes.forEach((outcome, n) -> counted.put(outcome, n.sum()));
    expect(violations, "outcome fulfilled", counted.getOrDefault("fulfilled", 0L), transfers);
    expect(violations, "outcome already_paid", counted.getOrDefault("already_paid", 0L), alsoAsync);
    expect(violations, "outcome duplicate_event", counted.getOrDefault("duplicate_event", 0L), posted - distinct);
    expect(violations, "answers", counted.values().stream().mapToLong(Long::longValue).sum(), posted);
    expect(violations, "webhook event rows", count("SELECT count(*) FROM dist_webhook_events WHERE event_id LIKE ?",
        "evt_burst_" + run + "_%"), distinct);
    expect(violations, "transfers paid at version 2", count("SELECT count(*) FROM dist_product_transfers "
        + "WHERE id = ANY(?::uuid[]) AND status = 'paid' AND version = 2", ids), transfers);
    expect(violations, "payment intents paid", count("SELECT count(*) FROM dist_payment_intents "
        + "WHERE transfer_id = ANY(?::uuid[]) AND status = 'paid'", ids), transfers);
    expect(violations, "transfer.paid audit records", count("SELECT count(*) FROM dist_audit_log "
        + "WHERE transfer_id = ANY(?::uuid[]) AND action = 'transfer.paid'", ids), transfers);
    expect(violations, "transfers audited paid more than once", count("SELECT count(*) FROM (SELECT transfer_id "
        + "FROM dist_audit_log WHERE transfer_id = ANY(?::uuid[]) AND action = 'transfer.paid' GROUP BY transfer_id "
        + "HAVING count(*) > 1) twice", ids), 0);
    expect(violations, "payment_confirmed outbox messages", count("SELECT count(*) FROM dist_outbox "
        + "WHERE type = 'payment_confirmed' AND aggregate_key = ANY(?)", ids), 2L * transfers);
    expect(violations, "distinct (transfer, recipient) of payment_confirmed", count("SELECT count(*) FROM "
        + "(SELECT DISTINCT aggregate_key, recipient_ailock_id FROM dist_outbox WHERE type = 'payment_confirmed' "
        + "AND aggregate_key = ANY(?)) parties", ids), 2L * transfers);
    return new Report(transfers, distinct, posted, counted, violations);
  }

  private String[] stringIds() {
    return invoiced.stream().map(Invoiced::transferId).toArray(String[]::new);
  }

  private long count(String sql, Object parameter) {
    return jdbc.sql(sql).param(parameter).query(Long.class).single();
  }

  private static void expect(List<String> violations, String what, long actual, long expected) {
    if (actual != expected) {
      violations.add(what + ": " + actual + ", expected " + expected);
    }
  }

  private static Event event(String id, String type, StripeEvents.Session session, long created) {
    return new Event(id, StripeEvents.event(id, type, session.json(), created));
  }

  private String send(Event event, String signingSecret) {
    long timestamp = Instant.now().getEpochSecond();
    HttpRequest request = HttpRequest.newBuilder(URI.create(functions + "/payments-stripe-webhook"))
        .header("Content-Type", "application/json; charset=utf-8")
        .header("Stripe-Signature", StripeEvents.signatureHeader(event.payload(), signingSecret, timestamp))
        .POST(HttpRequest.BodyPublishers.ofString(event.payload(), StandardCharsets.UTF_8)).build();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return "http_" + response.statusCode();
      }
      return WireJson.mapper().readTree(response.body()).path("outcome").asString();
    } catch (Exception e) {
      return "error_" + e.getClass().getSimpleName();
    }
  }
}
