package ai.ailock.distribution.engine.transfer;

import java.util.Optional;

/**
 * One rule that may veto a transition the table allows. Policies are small and unit-tested one by one; a transfer
 * asks them in order and the first veto wins. They read the transfer and the transition only: no ports, no clock.
 */
@FunctionalInterface
public interface TransferPolicy {

  /** @return the refusal, or empty if this policy has nothing against the transition */
  Optional<Decision.Rejected> veto(Transfer transfer, Transition transition);
}
