/**
 * The in-process inbox adapter (the single-node default of design §3.2): the outbox relay hands messages to
 * {@link ai.ailock.distribution.server.inbox.InProcessInbox}, which Ailocks poll with {@code inbox-poll}; interactions
 * they send arrive through {@code inbox-deliver} at the interaction dispatcher.
 */
@NullMarked
package ai.ailock.distribution.server.inbox;

import org.jspecify.annotations.NullMarked;
