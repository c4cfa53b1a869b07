/**
 * The host side of the inbox: the transport switch ({@link ai.ailock.distribution.server.inbox.MessagingProperties}),
 * the outbox relay's schedule ({@link ai.ailock.distribution.server.inbox.InboxRelay}) and the in-process adapter (the
 * single-node default of design §3.2): the relay hands messages to
 * {@link ai.ailock.distribution.server.inbox.InProcessInbox}, which Ailocks poll with {@code inbox-poll}; interactions
 * they send arrive through {@code inbox-deliver} at the interaction dispatcher. The Kafka adapter is in
 * {@code server.inbox.kafka}.
 */
@NullMarked
package ai.ailock.distribution.server.inbox;

import org.jspecify.annotations.NullMarked;
