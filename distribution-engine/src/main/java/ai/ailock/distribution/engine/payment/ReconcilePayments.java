package ai.ailock.distribution.engine.payment;

import ai.ailock.distribution.engine.RequestMeta;
import ai.ailock.distribution.engine.Transactions;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Asks the provider about open payment intents whose webhook never came (design §3.6) and applies what it says through
 * {@link ConfirmPayment}, exactly as a webhook would: a paid session fulfils, an expired one closes the intent. Safe on
 * several instances at once: intents are leased with {@code FOR UPDATE SKIP LOCKED} and a check time, so each is
 * asked about by one instance per {@code recheckAfter}. The provider is called outside any transaction.
 */
public final class ReconcilePayments {
  private static final System.Logger log = System.getLogger(ReconcilePayments.class.getName());
  private static final RequestMeta RECONCILER = RequestMeta.internal("reconciler");

  private final PaymentIntents intents;
  private final PaymentGateway gateway;
  private final ConfirmPayment confirmPayment;
  private final Transactions transactions;
  private final Clock clock;
  private final Duration minimumAge;
  private final Duration recheckAfter;

  /**
   * @param minimumAge how old an open intent must be before the provider is asked (its webhook may still be coming)
   * @param recheckAfter how long before the same intent is asked about again
   */
  public ReconcilePayments(PaymentIntents intents, PaymentGateway gateway, ConfirmPayment confirmPayment,
      Transactions transactions, Clock clock, Duration minimumAge, Duration recheckAfter) {
    this.intents = intents;
    this.gateway = gateway;
    this.confirmPayment = confirmPayment;
    this.transactions = transactions;
    this.clock = clock;
    this.minimumAge = minimumAge;
    this.recheckAfter = recheckAfter;
  }

  /** @return how many intents this call changed (paid or closed), out of at most {@code batch} asked about */
  public int reconcile(int batch) {
    Instant now = clock.instant();
    List<PaymentIntent> due = transactions.inTransaction(
        () -> intents.leaseForReconciliation(now.minus(minimumAge), now.minus(recheckAfter), now, batch));
    int changed = 0;
    for (PaymentIntent intent : due) {
      try {
        Optional<PaymentEvent> event = gateway.findCheckout(intent.providerRef()).flatMap(ReconcilePayments::eventOf);
        if (event.isPresent()) {
          PaymentOutcome outcome = confirmPayment.confirm(event.get(), RECONCILER);
          log.log(Level.INFO, "reconciler: session " + intent.providerRef() + " of transfer " + intent.transferId()
              + " -> " + outcome.code());
          changed += outcome.fulfilled() || outcome.code().equals("checkout_expired") ? 1 : 0;
        }
      } catch (PaymentGatewayException e) {
        log.log(Level.WARNING, "reconciler: the provider failed for session " + intent.providerRef()
            + "; asking again later", e);
      }
    }
    return changed;
  }

  private static Optional<PaymentEvent> eventOf(CheckoutSession session) {
    PaymentEvent.Kind kind;
    if (session.status() == CheckoutSession.Status.COMPLETE && session.paid()) {
      kind = PaymentEvent.Kind.PAID;
    } else if (session.status() == CheckoutSession.Status.EXPIRED) {
      kind = PaymentEvent.Kind.EXPIRED;
    } else {
      return Optional.empty();
    }
    return Optional.of(new PaymentEvent("reconciler:" + session.id() + ":" + kind.name().toLowerCase(
        java.util.Locale.ROOT), "reconciler." + kind.name().toLowerCase(java.util.Locale.ROOT), kind, session.id(),
        session.transferRef(), session.amount(), session.currency()));
  }
}
