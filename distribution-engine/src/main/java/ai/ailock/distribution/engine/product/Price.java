package ai.ailock.distribution.engine.product;

/** An amount in the currency's minor units (cents), with its ISO 4217 code in lower case. */
public record Price(long amount, String currency) {
  public Price {
    if (amount < 0 || !currency.matches("[a-z]{3}")) {
      throw new IllegalArgumentException("invalid price");
    }
  }
}
