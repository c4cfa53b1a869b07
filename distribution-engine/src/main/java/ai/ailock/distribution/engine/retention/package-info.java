/**
 * Retention (plan §10, issue 5): when a product's retention ends (7 days after upload by default, its
 * {@code expires_at}) its ciphertext, key envelopes, claims and sessions are purged and its live transfers end; a
 * transfer whose own access period ends loses its access the same way.
 */
@NullMarked
package ai.ailock.distribution.engine.retention;

import org.jspecify.annotations.NullMarked;
