package ai.ailock.distribution.engine.transfer;

import static ai.ailock.distribution.engine.fixtures.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.fixtures.CommerceFixture;
import ai.ailock.distribution.engine.identity.AilockId;
import ai.ailock.distribution.engine.product.Price;
import ai.ailock.distribution.engine.product.Product;
import ai.ailock.distribution.engine.product.ProductPolicy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfferTransferTest {
  final CommerceFixture fixture = new CommerceFixture();
  final ProductPolicy priced = new ProductPolicy(7, 1, new Price(500, "usd"), List.of());

  OfferTransfer.Command to(Product product, AilockId recipient, TransferTerms.Overrides overrides) {
    return new OfferTransfer.Command(product.id(), recipient, overrides);
  }

  @Test
  void offersAReadyProductAndAuditsIt() {
    Transfer offered = fixture.offered(priced);
    assertThat(offered.state()).isEqualTo(TransferState.OFFERED);
    assertThat(offered.buyer()).isEqualTo(fixture.buyer().ailock());
    assertThat(fixture.engine().audit().entries("transfer.offered")).singleElement()
        .satisfies(entry -> assertThat(entry.transferId()).isEqualTo(offered.id().value()));
  }

  @Test
  void expiresWithTheShorterOfTheProductsAndTheOffersRetention() {
    var seller = fixture.engine().registeredSeller();
    Product product = fixture.engine().publishedProduct(seller, 100, priced).product();
    fixture.engine().clock().advance(Duration.ofDays(1));
    Transfer full = fixture.offerTransfer().offer(seller.caller(), to(product, fixture.buyer().ailock(),
        TransferTerms.Overrides.none()));
    Transfer short2 = fixture.offerTransfer().offer(seller.caller(), to(product, fixture.buyer().ailock(),
        new TransferTerms.Overrides(null, null, 2)));
    assertThat(full.expiresAt()).isEqualTo(product.expiresAt());
    assertThat(short2.expiresAt()).isEqualTo(fixture.engine().clock().instant().plus(Duration.ofDays(2)));
  }

  @Test
  void refusesUnknownRecipientsOneselfForeignAndUnreadyProducts() {
    var seller = fixture.engine().registeredSeller();
    Product ready = fixture.engine().publishedProduct(seller, 100, priced).product();
    Product draft = fixture.engine().draftProduct(seller, 100, priced);
    var none = TransferTerms.Overrides.none();
    assertRefused(() -> fixture.offerTransfer().offer(seller.caller(), to(ready, new AilockId("nobody"), none)),
        ErrorCode.AILOCK_NOT_FOUND);
    assertRefused(() -> fixture.offerTransfer().offer(seller.caller(), to(ready, seller.id(), none)),
        ErrorCode.OFFER_TO_SELF);
    assertRefused(() -> fixture.offerTransfer().offer(fixture.buyer(), to(ready, seller.id(), none)),
        ErrorCode.PRODUCT_NOT_FOUND);
    assertRefused(() -> fixture.offerTransfer().offer(seller.caller(), to(draft, fixture.buyer().ailock(), none)),
        ErrorCode.PRODUCT_NOT_READY);
    fixture.engine().clock().advance(Duration.ofDays(8));
    assertRefused(() -> fixture.offerTransfer().offer(seller.caller(), to(ready, fixture.buyer().ailock(), none)),
        ErrorCode.PRODUCT_EXPIRED);
  }
}
