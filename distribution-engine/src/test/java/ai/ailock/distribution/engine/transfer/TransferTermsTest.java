package ai.ailock.distribution.engine.transfer;

import static ai.ailock.distribution.engine.fixtures.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.product.Price;
import ai.ailock.distribution.engine.product.ProductPolicy;
import ai.ailock.distribution.schemas.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The offer's terms: the product's policy with the offer's overrides, within bounds. */
class TransferTermsTest {
  static final ProductPolicy PRICED = new ProductPolicy(5, 2, new Price(900, "eur"), List.of());
  static final ProductPolicy UNPRICED = new ProductPolicy(7, 1, null, List.of());

  @Test
  void keepsTheProductsPolicyWithoutOverrides() {
    assertThat(TransferTerms.resolve(PRICED, TransferTerms.Overrides.none())).isEqualTo(PRICED);
  }

  @Test
  void takesTheOffersPriceDownloadLimitAndShorterRetention() {
    ProductPolicy terms = TransferTerms.resolve(PRICED,
        new TransferTerms.Overrides(new Price(1200, "usd"), 10, 3));
    assertThat(terms.price()).isEqualTo(new Price(1200, "usd"));
    assertThat(terms.downloadLimit()).isEqualTo(10);
    assertThat(terms.retentionDays()).isEqualTo(3);
  }

  @Test
  void requiresAPriceFromTheOfferOrTheProduct() {
    assertRefused(() -> TransferTerms.resolve(UNPRICED, TransferTerms.Overrides.none()), ErrorCode.PRICE_REQUIRED);
    assertThat(TransferTerms.resolve(UNPRICED, new TransferTerms.Overrides(new Price(1, "usd"), null, null)).price())
        .isEqualTo(new Price(1, "usd"));
  }

  @Test
  void refusesRetentionBeyondTheProductsAndLimitsOutOfBoundsWithPointers() {
    var refusal = assertRefused(() -> TransferTerms.resolve(PRICED,
        new TransferTerms.Overrides(new Price(0, "usd"), 101, 6)), ErrorCode.VALIDATION_FAILED);
    assertThat(refusal.violations()).extracting(Violation::pointer)
        .containsExactly("/price/amount", "/policy/download_limit", "/policy/retention_days");
  }
}
