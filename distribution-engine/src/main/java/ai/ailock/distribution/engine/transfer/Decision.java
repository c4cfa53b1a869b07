package ai.ailock.distribution.engine.transfer;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import java.util.List;
import java.util.function.Function;

/**
 * What a transfer said to an intent: accepted, with the transfer as it is afterwards and the event describing the
 * change, or rejected with a stable {@link ErrorCode}. Business refusals are values, never exceptions, inside the
 * aggregate; a use case turns a rejection into a {@link DistributionException} at its edge with {@link #orThrow()}.
 */
public sealed interface Decision permits Decision.Accepted, Decision.Rejected {

  /** @param transfer the transfer after the change, its {@code version} one higher than before */
  record Accepted(Transfer transfer, TransferEvent event) implements Decision {}

  /** @param missingInputs for {@link ErrorCode#MISSING_INPUTS}: the ids of the required inputs still missing */
  record Rejected(ErrorCode code, String detail, List<String> missingInputs) implements Decision {
    public Rejected {
      missingInputs = List.copyOf(missingInputs);
    }

    public Rejected(ErrorCode code, String detail) {
      this(code, detail, List.of());
    }

    public DistributionException toException() {
      return code == ErrorCode.MISSING_INPUTS ? DistributionException.missingInputs(detail, missingInputs)
          : new DistributionException(code, detail);
    }
  }

  /** Consumes the decision (Java 17 has no pattern-matching switch). */
  default <R> R fold(Function<Accepted, R> accepted, Function<Rejected, R> rejected) {
    if (this instanceof Accepted a) {
      return accepted.apply(a);
    }
    return rejected.apply((Rejected) this);
  }

  /** @return the accepted change; @throws DistributionException carrying the rejection */
  default Accepted orThrow() {
    return fold(a -> a, r -> {
      throw r.toException();
    });
  }
}
