package ai.ailock.distribution.server.stripe;

import ai.ailock.distribution.engine.payment.ReconcilePayments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/** Runs the payment reconciler on every instance at {@code ailock.distribution.stripe.reconciler.interval}. */
public final class PaymentReconciler {
  private static final Logger log = LoggerFactory.getLogger(PaymentReconciler.class);

  private final ReconcilePayments reconcilePayments;
  private final int batch;

  PaymentReconciler(ReconcilePayments reconcilePayments, int batch) {
    this.reconcilePayments = reconcilePayments;
    this.batch = batch;
  }

  @Scheduled(fixedDelayString = "${ailock.distribution.stripe.reconciler.interval:5m}",
      initialDelayString = "${ailock.distribution.stripe.reconciler.interval:5m}")
  void reconcile() {
    try {
      int changed = reconcilePayments.reconcile(batch);
      if (changed > 0) {
        log.info("reconciler: {} payment intents settled from the provider's state", changed);
      }
    } catch (RuntimeException e) {
      log.warn("payment reconciliation failed; it runs again at the next interval", e);
    }
  }
}
