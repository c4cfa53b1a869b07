package ai.ailock.distribution.engine.payment;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.audit.AuditEntry;
import ai.ailock.distribution.engine.transfer.OutboundMessage;
import ai.ailock.distribution.engine.audit.AuditLog;
import ai.ailock.distribution.engine.identity.Caller;
import ai.ailock.distribution.engine.product.Product;
import ai.ailock.distribution.engine.product.Products;
import ai.ailock.distribution.engine.transfer.Transfer;
import ai.ailock.distribution.engine.transfer.TransferChanges;
import ai.ailock.distribution.engine.transfer.TransferId;
import ai.ailock.distribution.engine.transfer.TransferState;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@code products-invoice}: the buyer asks to pay. The first time (state {@code offered}), once every required
 * pre-payment input is in, a Checkout Session is created and the transfer becomes {@code invoiced}. Asked again
 * while the session is open, the same session is returned; after it failed or expired, a new attempt gets a new one.
 * The provider is called outside any transaction with an idempotency key per transfer and attempt, so concurrent or
 * repeated calls settle on one session per attempt.
 */
public final class InvoiceTransfer {
  private final TransferChanges changes;
  private final Products products;
  private final PaymentIntents intents;
  private final PaymentGateway gateway;
  private final AuditLog audit;
  private final Clock clock;
  private final Supplier<UUID> ids;

  public InvoiceTransfer(TransferChanges changes, Products products, PaymentIntents intents, PaymentGateway gateway,
      AuditLog audit, Clock clock, Supplier<UUID> ids) {
    this.changes = changes;
    this.products = products;
    this.intents = intents;
    this.gateway = gateway;
    this.audit = audit;
    this.clock = clock;
    this.ids = ids;
  }

  /**
   * @throws DistributionException {@code transfer_not_found}, {@code not_recipient} (the seller asked),
   *     {@code missing_inputs} (with their ids), {@code transfer_expired}, {@code illegal_transition} (already paid,
   *     revoked…), {@code payment_provider_unavailable}
   */
  public Invoice invoice(Caller buyer, TransferId id) {
    Transfer transfer = changes.ofBuyer(id, buyer.ailock());
    Optional<PaymentIntent> latest = intents.latest(id);
    if (transfer.state() == TransferState.INVOICED && latest.filter(i -> i.status() == PaymentStatus.OPEN).isPresent()) {
      return new Invoice(transfer, latest.get());
    }
    Instant now = clock.instant();
    if (transfer.state() == TransferState.OFFERED) {
      transfer.invoice(now).orThrow(); // refuse before calling the provider: inputs, expiry
    } else if (transfer.state() != TransferState.INVOICED) {
      throw new DistributionException(ErrorCode.ILLEGAL_TRANSITION,
          "a transfer in state " + transfer.state().wire() + " cannot be invoiced");
    }
    int attempt = latest.map(i -> i.attempt() + 1).orElse(1);
    String title = products.find(transfer.product()).map(Product::title).orElse("Ailock product");
    CheckoutSession session;
    try {
      session = gateway.createCheckout(new CheckoutRequest(id, attempt, transfer.price(), title));
    } catch (PaymentGatewayException e) {
      throw new DistributionException(ErrorCode.PAYMENT_PROVIDER_UNAVAILABLE,
          "the payment provider is unavailable; retry later");
    }
    return changes.retrying(() -> record(buyer, id, attempt, session));
  }

  private Invoice record(Caller buyer, TransferId id, int attempt, CheckoutSession session) {
    Instant now = clock.instant();
    Transfer current = changes.ofBuyer(id, buyer.ailock());
    var intent = new PaymentIntent(ids.get(), gateway.provider(), session.id(), current.price().amount(),
        current.price().currency(), PaymentStatus.OPEN, id, attempt, session.url(), now, now);
    if (!intents.add(intent)) { // a concurrent call recorded this attempt first (with the same session)
      return new Invoice(current, intents.latest(id).orElseThrow());
    }
    if (current.state() == TransferState.OFFERED) {
      current = changes.store(current.invoice(now).orThrow(), buyer.ailock().value(), buyer.meta());
    } else if (current.state() != TransferState.INVOICED) {
      throw new DistributionException(ErrorCode.ILLEGAL_TRANSITION,
          "a transfer in state " + current.state().wire() + " cannot be invoiced");
    }
    audit.record(AuditEntry.of(now, buyer.ailock().value(), "payment.checkout_created", buyer.meta())
        .transfer(id.value()).product(current.product().value())
        .with(Map.of("provider", gateway.provider(), "session", session.id(), "attempt", Integer.toString(attempt),
            "amount", Long.toString(intent.amount()), "currency", intent.currency())));
    var request = new java.util.HashMap<String, Object>(Map.of("transfer_id", id.toString(), "amount", intent.amount(),
        "currency", intent.currency()));
    if (intent.checkoutUrl() != null) {
      request.put("checkout_url", intent.checkoutUrl());
    }
    changes.send(new OutboundMessage(OutboundMessage.PAYMENT_REQUEST, id, current.buyer(), request,
        buyer.meta().requestId()));
    return new Invoice(current, intent);
  }
}
