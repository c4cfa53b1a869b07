package ai.ailock.distribution.engine.dispute;

import ai.ailock.distribution.engine.RequestMeta;
import ai.ailock.distribution.engine.audit.AuditEntry;
import ai.ailock.distribution.engine.audit.AuditLog;
import ai.ailock.distribution.engine.payment.PaymentIntent;
import ai.ailock.distribution.engine.payment.PaymentIntents;
import ai.ailock.distribution.engine.payment.PaymentOutcome;
import ai.ailock.distribution.engine.payment.PaymentStatus;
import ai.ailock.distribution.engine.payment.ProviderPayments;
import ai.ailock.distribution.engine.payment.WebhookEvents;
import ai.ailock.distribution.engine.transfer.Decision;
import ai.ailock.distribution.engine.transfer.Transfer;
import ai.ailock.distribution.engine.transfer.TransferChanges;
import ai.ailock.distribution.engine.transfer.Transfers;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Applies a dispute (chargeback) reported by the provider, at most once per event id: the intent becomes
 * {@code disputed} and the transfer {@code disputed} where the transition table allows (from {@code paid},
 * {@code paid_pending_inputs}, {@code delivered}, {@code acknowledged}). While disputed, no new ticket, claim or chunk
 * is served. Outcomes: {@code disputed}, {@code recorded} (the transfer could not move), {@code duplicate_event},
 * {@code unknown_charge}.
 */
public final class RecordChargeDispute {
  private final TransferChanges changes;
  private final Transfers transfers;
  private final PaymentIntents intents;
  private final ProviderPayments payments;
  private final WebhookEvents events;
  private final AuditLog audit;
  private final String provider;
  private final Clock clock;

  public RecordChargeDispute(TransferChanges changes, Transfers transfers, PaymentIntents intents,
      ProviderPayments payments, WebhookEvents events, AuditLog audit, String provider, Clock clock) {
    this.changes = changes;
    this.transfers = transfers;
    this.intents = intents;
    this.payments = payments;
    this.events = events;
    this.audit = audit;
    this.provider = provider;
    this.clock = clock;
  }

  public PaymentOutcome record(DisputeEvent event, RequestMeta meta) {
    return changes.retrying(() -> {
      Instant now = clock.instant();
      if (!events.claim(event.eventId(), event.type(), now)) {
        return new PaymentOutcome(PaymentOutcome.DUPLICATE, null, null);
      }
      Optional<PaymentIntent> intent = event.paymentRef() == null ? Optional.empty()
          : payments.byPaymentRef(provider, event.paymentRef());
      PaymentOutcome outcome = intent.map(i -> apply(event, i, meta, now))
          .orElseGet(() -> new PaymentOutcome("unknown_charge", null, null));
      events.settle(event.eventId(), outcome.transfer(), outcome.code());
      return outcome;
    });
  }

  private PaymentOutcome apply(DisputeEvent event, PaymentIntent intent, RequestMeta meta, Instant now) {
    intents.changeStatus(intent.id(), intent.status(), PaymentStatus.DISPUTED, now);
    Transfer transfer = transfers.find(intent.transferId()).orElseThrow();
    String actor = "payment:" + provider;
    Map<String, String> detail = Map.of("opened_by", "card_network", "dispute", event.disputeRef(),
        "reason", event.reason(), "amount", Long.toString(event.amount()), "currency", event.currency());
    Decision decision = transfer.dispute(now, detail);
    if (decision instanceof Decision.Accepted accepted) {
      Transfer disputed = changes.store(accepted, actor, meta);
      return new PaymentOutcome("disputed", disputed.id(), disputed.state());
    }
    audit.record(AuditEntry.of(now, actor, "payment.disputed", meta).transfer(transfer.id().value())
        .product(transfer.product().value()).with(detail));
    return new PaymentOutcome("recorded", transfer.id(), transfer.state());
  }
}
