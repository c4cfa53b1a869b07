package ai.ailock.distribution.engine.payment;

import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.RequestMeta;
import ai.ailock.distribution.engine.audit.AuditEntry;
import ai.ailock.distribution.engine.audit.AuditLog;
import ai.ailock.distribution.engine.transfer.Decision;
import ai.ailock.distribution.engine.transfer.ReceivedPayment;
import ai.ailock.distribution.engine.transfer.Transfer;
import ai.ailock.distribution.engine.transfer.TransferChanges;
import ai.ailock.distribution.engine.transfer.Transfers;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Applies a payment provider's event to the payment intent and the transfer (design §3.6), at most once per event id:
 * the event id is recorded in the same transaction as the change, so duplicates (concurrent or late) change nothing.
 * <ul>
 *   <li>{@code PAID} fulfils: {@code invoiced → paid} (or {@code paid_pending_inputs}), if the amount and currency
 *       match the transfer's; a mismatch fulfils nothing, is recorded and raises an alert;
 *   <li>{@code PENDING} is recorded (an async payment method has not settled);
 *   <li>{@code FAILED} and {@code EXPIRED} close the intent; the transfer stays {@code invoiced} and the next
 *       {@code products-invoice} makes a new attempt.
 * </ul>
 * Events arrive in any order: a paid event after the transfer was paid through the same session is
 * {@code already_paid}; through another session it is refused and raises an alert (a second payment to refund).
 */
public final class ConfirmPayment {
  private static final System.Logger log = System.getLogger(ConfirmPayment.class.getName());

  private final TransferChanges changes;
  private final Transfers transfers;
  private final PaymentIntents intents;
  private final WebhookEvents events;
  private final AuditLog audit;
  private final String provider;
  private final Clock clock;
  private final ProviderPayments providerPayments;

  public ConfirmPayment(TransferChanges changes, Transfers transfers, PaymentIntents intents, WebhookEvents events,
      AuditLog audit, String provider, Clock clock) {
    this(changes, transfers, intents, events, audit, provider, clock, ProviderPayments.NONE);
  }

  /** @param providerPayments where the provider's payment id of a fulfilled session is kept, for refunds and disputes */
  public ConfirmPayment(TransferChanges changes, Transfers transfers, PaymentIntents intents, WebhookEvents events,
      AuditLog audit, String provider, Clock clock, ProviderPayments providerPayments) {
    this.providerPayments = providerPayments;
    this.changes = changes;
    this.transfers = transfers;
    this.intents = intents;
    this.events = events;
    this.audit = audit;
    this.provider = provider;
    this.clock = clock;
  }

  /** @param meta the request that delivered the event (the webhook call), or an internal one (the reconciler) */
  public PaymentOutcome confirm(PaymentEvent event, RequestMeta meta) {
    return changes.retrying(() -> {
      Instant now = clock.instant();
      if (!events.claim(event.eventId(), event.type(), now)) {
        return new PaymentOutcome(PaymentOutcome.DUPLICATE, null, null);
      }
      PaymentOutcome outcome = settle(event, meta, now);
      events.settle(event.eventId(), outcome.transfer(), outcome.code());
      return outcome;
    });
  }

  private PaymentOutcome settle(PaymentEvent event, RequestMeta meta, Instant now) {
    // the lock orders concurrent events of one session: a paid event that waited here sees the payment the one
    // before it committed (already_paid), never a stale open intent beside a paid transfer
    Optional<PaymentIntent> found = intents.lockByProviderRef(provider, event.sessionId());
    if (found.isEmpty()) {
      return new PaymentOutcome("unknown_session", null, null);
    }
    PaymentIntent intent = found.get();
    Transfer transfer = transfers.find(intent.transferId()).orElseThrow();
    if (event.transferRef() != null && !event.transferRef().equals(intent.transferId().toString())) {
      alert(event, intent, "transfer_mismatch", "the session's metadata names transfer " + event.transferRef());
      return record(event, intent, transfer, meta, now, "transfer_mismatch");
    }
    return switch (event.kind()) {
      case PAID -> paid(event, intent, transfer, meta, now);
      case PENDING -> record(event, intent, transfer, meta, now, "payment_pending");
      case FAILED -> close(event, intent, transfer, meta, now, PaymentStatus.FAILED, "payment_failed");
      case EXPIRED -> close(event, intent, transfer, meta, now, PaymentStatus.EXPIRED, "checkout_expired");
    };
  }

  private PaymentOutcome paid(PaymentEvent event, PaymentIntent intent, Transfer transfer, RequestMeta meta,
      Instant now) {
    if (intent.status() == PaymentStatus.PAID) {
      return new PaymentOutcome("already_paid", transfer.id(), transfer.state());
    }
    if (event.amount() != intent.amount() || !event.currency().equals(intent.currency())) {
      alert(event, intent, "amount_mismatch", "received " + event.amount() + " " + event.currency() + ", expected "
          + intent.amount() + " " + intent.currency());
      return record(event, intent, transfer, meta, now, "amount_mismatch");
    }
    Decision decision = transfer.confirmPayment(new ReceivedPayment(event.amount(), event.currency(),
        event.sessionId()), now);
    if (decision instanceof Decision.Rejected rejected) {
      String code = rejected.code() == ErrorCode.PAYMENT_MISMATCH ? "amount_mismatch"
          : "refused_" + rejected.code().wire();
      alert(event, intent, code, rejected.detail());
      return record(event, intent, transfer, meta, now, code);
    }
    intents.changeStatus(intent.id(), intent.status(), PaymentStatus.PAID, now);
    if (event.paymentRef() != null) {
      providerPayments.link(intent.id(), event.paymentRef());
    }
    Transfer paid = changes.store((Decision.Accepted) decision, "payment:" + provider, meta);
    return new PaymentOutcome("fulfilled", paid.id(), paid.state());
  }

  private PaymentOutcome close(PaymentEvent event, PaymentIntent intent, Transfer transfer, RequestMeta meta,
      Instant now, PaymentStatus status, String code) {
    intents.changeStatus(intent.id(), PaymentStatus.OPEN, status, now);
    return record(event, intent, transfer, meta, now, code);
  }

  private PaymentOutcome record(PaymentEvent event, PaymentIntent intent, Transfer transfer, RequestMeta meta,
      Instant now, String code) {
    audit.record(AuditEntry.of(now, "payment:" + provider, "payment." + code, meta)
        .transfer(transfer.id().value()).product(transfer.product().value())
        .with(Map.of("event_id", event.eventId(), "event_type", event.type(), "session", event.sessionId(),
            "attempt", Integer.toString(intent.attempt()), "amount", Long.toString(event.amount()),
            "currency", event.currency(), "state", transfer.state().wire())));
    return new PaymentOutcome(code, transfer.id(), transfer.state());
  }

  private static void alert(PaymentEvent event, PaymentIntent intent, String code, String detail) {
    log.log(Level.WARNING, "ALERT payment " + code + ": event " + event.eventId() + " for session "
        + event.sessionId() + " of transfer " + intent.transferId() + " fulfils nothing: " + detail);
  }
}
