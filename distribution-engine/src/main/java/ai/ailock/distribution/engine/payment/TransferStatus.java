package ai.ailock.distribution.engine.payment;

import ai.ailock.distribution.engine.transfer.Transfer;
import java.util.Optional;

/** A transfer with its latest payment attempt, as its seller and buyer may see it. */
public record TransferStatus(Transfer transfer, Optional<PaymentIntent> payment) {}
