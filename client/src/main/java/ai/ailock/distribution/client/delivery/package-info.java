/**
 * Delivery for both sides of a transfer (docs/delivery.md): the seller grants (its key envelope sealed to the buyer),
 * revokes and reads dispute evidence; the buyer gets its ticket, claims a download session, downloads through it with
 * the claim token and its own signature on every request, verifies, and acknowledges with a signed receipt.
 */
@NullMarked
package ai.ailock.distribution.client.delivery;

import org.jspecify.annotations.NullMarked;
