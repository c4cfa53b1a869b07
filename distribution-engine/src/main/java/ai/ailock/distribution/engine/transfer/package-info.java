/**
 * Transfers of a product from a seller to one buyer: the state machine ({@link TransferState}, an explicit
 * transition table), the {@link Transfer} aggregate with intent-named transitions returning {@link Decision}s, the
 * policies that may veto a transition ({@link TransferPolicies}), the offer and the terms it fixes.
 */
@NullMarked
package ai.ailock.distribution.engine.transfer;

import org.jspecify.annotations.NullMarked;
