/**
 * Selling and buying: offers, the buyer's required inputs (with attachments encrypted to the seller), invoices and
 * Checkout, a transfer's status. {@link Commerce} is the entry point; docs/transfers.md describes the flow.
 */
@NullMarked
package ai.ailock.distribution.client.commerce;

import org.jspecify.annotations.NullMarked;
