package ai.ailock.distribution.engine.payment;

import ai.ailock.distribution.engine.transfer.TransferId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stored payment intents. Implementations are thread-safe. */
public interface PaymentIntents {

  /** @return false if the transfer already has an intent with this attempt number (nothing changed) */
  boolean add(PaymentIntent intent);

  /** @return the transfer's intent with the highest attempt number */
  Optional<PaymentIntent> latest(TransferId transfer);

  /**
   * Reads the intent of a provider's session and locks it until the caller's transaction ends: events of one session
   * are settled one at a time, each seeing what the one before committed (call inside a transaction).
   */
  Optional<PaymentIntent> lockByProviderRef(String provider, String providerRef);

  /** @return false if the intent's status was not {@code from} (nothing changed) */
  boolean changeStatus(UUID id, PaymentStatus from, PaymentStatus to, Instant at);

  /**
   * Leases up to {@code limit} open intents created before {@code createdBefore} and not checked since
   * {@code checkedBefore}, marking them checked at {@code now}. Several instances may call this at once: an intent is
   * leased by one of them ({@code FOR UPDATE SKIP LOCKED}) and not again before {@code checkedBefore} passes it.
   */
  List<PaymentIntent> leaseForReconciliation(Instant createdBefore, Instant checkedBefore, Instant now, int limit);
}
