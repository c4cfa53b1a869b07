package ai.ailock.distribution.engine.refund;

import ai.ailock.distribution.engine.RequestMeta;
import ai.ailock.distribution.engine.audit.AuditEntry;
import ai.ailock.distribution.engine.audit.AuditLog;
import ai.ailock.distribution.engine.delivery.DestroyAccess;
import ai.ailock.distribution.engine.payment.PaymentIntent;
import ai.ailock.distribution.engine.payment.PaymentIntents;
import ai.ailock.distribution.engine.payment.PaymentOutcome;
import ai.ailock.distribution.engine.payment.PaymentStatus;
import ai.ailock.distribution.engine.payment.ProviderPayments;
import ai.ailock.distribution.engine.payment.WebhookEvents;
import ai.ailock.distribution.engine.transfer.Decision;
import ai.ailock.distribution.engine.transfer.Transfer;
import ai.ailock.distribution.engine.transfer.TransferChanges;
import ai.ailock.distribution.engine.transfer.TransferId;
import ai.ailock.distribution.engine.transfer.Transfers;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Applies a refund reported by the provider, at most once per event id (design §3.6, plan §9 "sync to status"):
 * <ul>
 *   <li>a <b>full</b> refund ({@code amount_refunded} reaches the intent's amount): the intent becomes {@code refunded},
 *       the transfer {@code refunded} (where the transition table allows) and its access is destroyed at once (key
 *       envelope shredded, claims and download sessions revoked), whatever its state;
 *   <li>a <b>partial</b> refund: the intent records {@code amount_refunded} and becomes {@code partially_refunded};
 *       the transfer and its access do not change (the buyer keeps what it paid for, at a discount).
 * </ul>
 * Outcomes: {@code refunded}, {@code partially_refunded}, {@code already_refunded}, {@code duplicate_event},
 * {@code unknown_charge}.
 */
public final class RecordRefund {
  private final TransferChanges changes;
  private final Transfers transfers;
  private final PaymentIntents intents;
  private final ProviderPayments payments;
  private final WebhookEvents events;
  private final DestroyAccess destroyAccess;
  private final AuditLog audit;
  private final String provider;
  private final Clock clock;

  public RecordRefund(TransferChanges changes, Transfers transfers, PaymentIntents intents, ProviderPayments payments,
      WebhookEvents events, DestroyAccess destroyAccess, AuditLog audit, String provider, Clock clock) {
    this.changes = changes;
    this.transfers = transfers;
    this.intents = intents;
    this.payments = payments;
    this.events = events;
    this.destroyAccess = destroyAccess;
    this.audit = audit;
    this.provider = provider;
    this.clock = clock;
  }

  public PaymentOutcome record(RefundEvent event, RequestMeta meta) {
    return changes.retrying(() -> {
      Instant now = clock.instant();
      if (!events.claim(event.eventId(), event.type(), now)) {
        return new PaymentOutcome(PaymentOutcome.DUPLICATE, null, null);
      }
      PaymentOutcome outcome = intentOf(event).map(intent -> apply(event, intent, meta, now))
          .orElseGet(() -> new PaymentOutcome("unknown_charge", null, null));
      events.settle(event.eventId(), outcome.transfer(), outcome.code());
      return outcome;
    });
  }

  private Optional<PaymentIntent> intentOf(RefundEvent event) {
    if (event.paymentRef() != null) {
      Optional<PaymentIntent> linked = payments.byPaymentRef(provider, event.paymentRef());
      if (linked.isPresent()) {
        return linked;
      }
    }
    if (event.transferRef() == null) {
      return Optional.empty();
    }
    try {
      return intents.latest(TransferId.parse(event.transferRef()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private PaymentOutcome apply(RefundEvent event, PaymentIntent intent, RequestMeta meta, Instant now) {
    Transfer transfer = transfers.find(intent.transferId()).orElseThrow();
    boolean full = event.amountRefunded() >= intent.amount();
    PaymentStatus status = full ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
    if (!payments.recordRefund(intent.id(), event.amountRefunded(), status, now)) {
      return new PaymentOutcome("already_refunded", transfer.id(), transfer.state());
    }
    String actor = "payment:" + provider;
    Map<String, String> detail = Map.of("event_id", event.eventId(), "amount_refunded",
        Long.toString(event.amountRefunded()), "amount", Long.toString(intent.amount()), "currency", event.currency());
    if (!full) {
      audit.record(AuditEntry.of(now, actor, "payment.partially_refunded", meta)
          .transfer(transfer.id().value()).product(transfer.product().value()).with(detail));
      return new PaymentOutcome("partially_refunded", transfer.id(), transfer.state());
    }
    Transfer after = transfer;
    Decision decision = transfer.refund(now, detail);
    if (decision instanceof Decision.Accepted accepted) {
      after = changes.store(accepted, actor, meta);
    } else {
      audit.record(AuditEntry.of(now, actor, "payment.refunded", meta)
          .transfer(transfer.id().value()).product(transfer.product().value()).with(detail));
    }
    destroyAccess.destroy(after, now, actor, "refunded", meta);
    return new PaymentOutcome("refunded", after.id(), after.state());
  }
}
