package ai.ailock.distribution.engine.transfer;

import java.time.Instant;
import java.util.Map;

/**
 * What happened to a transfer, as the audit trail records it.
 *
 * @param action e.g. {@code transfer.invoiced}; for a change without a state change (inputs submitted) from and to
 *     are the same state
 * @param detail non-secret facts only: ids, states, amounts; never an input's value
 */
public record TransferEvent(String action, TransferState from, TransferState to, Instant at,
    Map<String, String> detail) {
  public TransferEvent {
    detail = Map.copyOf(detail);
  }

  public boolean changesState() {
    return from != to;
  }
}
