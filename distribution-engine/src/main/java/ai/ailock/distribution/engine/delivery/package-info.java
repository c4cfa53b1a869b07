/**
 * Delivery (issue 5): the seller's key envelope deposited for the buyer, the grant that releases it, delivery
 * tickets with signed, expiring, one-time claim tokens bound to the buyer's key, download sessions that count
 * completed downloads against the transfer's budget, the buyer's signed receipt, and revocation with crypto-shredding.
 * docs/delivery.md describes the rules.
 */
@NullMarked
package ai.ailock.distribution.engine.delivery;

import org.jspecify.annotations.NullMarked;
