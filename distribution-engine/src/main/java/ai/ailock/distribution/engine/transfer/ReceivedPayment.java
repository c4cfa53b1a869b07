package ai.ailock.distribution.engine.transfer;

/**
 * Money the payment provider says it received for a transfer.
 *
 * @param amount in the currency's minor units
 * @param currency ISO 4217, lower case
 * @param reference the provider's reference (a Checkout Session id)
 */
public record ReceivedPayment(long amount, String currency, String reference) {}
