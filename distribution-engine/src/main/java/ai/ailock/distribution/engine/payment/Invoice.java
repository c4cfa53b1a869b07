package ai.ailock.distribution.engine.payment;

import ai.ailock.distribution.engine.transfer.Transfer;

/** A transfer's invoice: the transfer, {@code invoiced}, and its open payment intent with the checkout URL. */
public record Invoice(Transfer transfer, PaymentIntent intent) {}
