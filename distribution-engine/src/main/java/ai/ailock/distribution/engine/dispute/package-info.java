/**
 * Disputes (issue 5): opened by the buyer or the seller, or by the card network through the payment provider, and
 * the evidence bundle assembled from the receipt and the download audit.
 */
@NullMarked
package ai.ailock.distribution.engine.dispute;

import org.jspecify.annotations.NullMarked;
