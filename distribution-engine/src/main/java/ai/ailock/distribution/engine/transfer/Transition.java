package ai.ailock.distribution.engine.transfer;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A transition a transfer is asked to make, as the {@link TransferPolicy}s see it.
 *
 * @param payment the payment that prompts it, for transitions into a paid state
 */
public record Transition(TransferState to, Instant at, @Nullable ReceivedPayment payment) {}
