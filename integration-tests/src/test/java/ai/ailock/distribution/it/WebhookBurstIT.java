package ai.ailock.distribution.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.server.stripe.WebhookSecret;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Stripe's delivery at its worst, at a test's scale: 500 signed webhook calls for 200 invoiced transfers (each paid
 * completion, 150 second events of the same payment, 150 exact retries), shuffled and posted by 16 threads at once.
 * Every payment is fulfilled exactly once: one state change, one intent paid, one audit record, one
 * {@code payment_confirmed} message per party, one webhook row per event id (docs/benchmarks.md measures the same at
 * 10,000 events).
 */
class WebhookBurstIT extends SdkServerSupport {
  @Autowired
  WebhookSecret secret;

  @Autowired
  DataSource database;

  @Test
  void aBurstOfDuplicatedAndReorderedEventsFulfilsEachPaymentOnce() {
    var burst = new WebhookBurst(functions(), secret.value(), database);
    burst.invoice(200, 4, 8, 8);

    burst.post(500, 150, 16, 42);
    WebhookBurst.Report report = burst.verify(150);

    assertThat(report.violations()).isEmpty();
    assertThat(report.outcomes()).containsEntry("fulfilled", 200L).containsEntry("already_paid", 150L)
        .containsEntry("duplicate_event", 150L).hasSize(3);
    assertThat(report.distinctEvents()).isEqualTo(350);
  }
}
