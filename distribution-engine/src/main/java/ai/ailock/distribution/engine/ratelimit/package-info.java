/**
 * Rate limits on the delivery actions an Ailock repeats (plan §8: claim, ticket, ack, revoke, dispute): a token bucket
 * per Ailock and action, kept in the database so that every instance sees the same budget. docs/delivery.md,
 * "Rate limits", states the rules.
 */
@NullMarked
package ai.ailock.distribution.engine.ratelimit;

import org.jspecify.annotations.NullMarked;
