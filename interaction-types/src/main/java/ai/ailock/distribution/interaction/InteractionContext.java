package ai.ailock.distribution.interaction;

import ai.ailock.distribution.engine.identity.Caller;

/**
 * What a handler knows about the message besides its payload.
 *
 * @param sender the authenticated sender as the use cases expect it (its request id is the trace id)
 */
public record InteractionContext(InteractionType type, String messageId, Caller sender, String traceId) {}
