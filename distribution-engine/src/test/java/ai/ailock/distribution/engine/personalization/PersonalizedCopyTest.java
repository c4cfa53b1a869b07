package ai.ailock.distribution.engine.personalization;

import static ai.ailock.distribution.engine.fixtures.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.delivery.DeliveryTicket;
import ai.ailock.distribution.engine.delivery.OpenDownload;
import ai.ailock.distribution.engine.dispute.AssembleEvidence;
import ai.ailock.distribution.engine.fixtures.Ciphertext;
import ai.ailock.distribution.engine.fixtures.DeliveryFixture;
import ai.ailock.distribution.engine.fixtures.EngineFixture;
import ai.ailock.distribution.engine.identity.Caller;
import ai.ailock.distribution.engine.product.CiphertextLayout;
import ai.ailock.distribution.engine.product.ContentTypePolicy;
import ai.ailock.distribution.engine.product.Price;
import ai.ailock.distribution.engine.product.Product;
import ai.ailock.distribution.engine.product.ProductPolicy;
import ai.ailock.distribution.engine.product.ProductStatus;
import ai.ailock.distribution.engine.transfer.OfferTransfer;
import ai.ailock.distribution.engine.transfer.Transfer;
import ai.ailock.distribution.engine.transfer.TransferState;
import ai.ailock.distribution.engine.transfer.TransferTerms;
import ai.ailock.distribution.engine.upload.SignedManifest;
import ai.ailock.distribution.engine.upload.UploadSession;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Personalized copies (docs/personalization.md): a copy is registered for one transfer before the grant, uploaded
 * with a manifest naming that transfer, and delivered instead of the product; a transfer that has or needs one is not
 * delivered without it.
 */
class PersonalizedCopyTest {
  static final String FINGERPRINT = "0123456789abcdef0123456789abcdef";
  static final long COPY_SIZE = 70_000;

  final DeliveryFixture fixture = new DeliveryFixture();
  final EngineFixture engine = fixture.engine();

  static ProductPolicy personalized() {
    return new ProductPolicy(7, 1, new Price(1500, "usd"), List.of(), true);
  }

  CreateCopy createCopy() {
    return new CreateCopy(fixture.commerce().changes(), engine.products(), engine.copies(), engine.audit(),
        engine.transactions(), engine.limits(), ContentTypePolicy.defaults(), engine.clock(), engine.ids());
  }

  CreateCopy.Created copyOf(Transfer transfer, String fingerprint) {
    return createCopy().create(fixture.seller(),
        new CreateCopy.Command(transfer.id(), "application/zip", COPY_SIZE, fingerprint));
  }

  /** Uploads stand-in ciphertext for the copy, completes it with a manifest naming {@code manifestTransfer}. */
  Product uploaded(CreateCopy.Created copy, UUID manifestTransfer) {
    var seller = fixture.commerce().sellerAilock();
    UploadSession session = engine.initUpload().init(seller.caller(), copy.product().id(),
        CiphertextLayout.ciphertextLength(COPY_SIZE), null);
    Ciphertext ciphertext = engine.ciphertextFor(session);
    engine.uploadAll(seller, session, ciphertext);
    SignedManifest manifest = engine.manifestFor(session, ciphertext).transferId(manifestTransfer)
        .signedBy(seller.keys());
    return engine.complete(seller, session, manifest);
  }

  @Test
  void aCopyIsTheSellersDraftProductBoundToTheTransferAndIsIdempotent() {
    Transfer paid = fixture.paid(personalized());

    CreateCopy.Created created = copyOf(paid, FINGERPRINT);

    Product copy = created.product();
    assertThat(copy.owner()).isEqualTo(paid.seller());
    assertThat(copy.status()).isEqualTo(ProductStatus.DRAFT);
    assertThat(copy.policy().personalizedCopies()).isFalse();
    assertThat(created.copy().source()).isEqualTo(paid.product());
    assertThat(created.copy().transfer()).isEqualTo(paid.id().value());
    assertThat(copyOf(paid, FINGERPRINT).product().id()).isEqualTo(copy.id());
    assertRefused(() -> createCopy().create(fixture.seller(),
        new CreateCopy.Command(paid.id(), "application/zip", COPY_SIZE + 1, FINGERPRINT)), ErrorCode.COPY_CONFLICT);
    assertThat(engine.audit().actions()).containsOnlyOnce("copy.created");
  }

  @Test
  void onlyTheSellerMakesACopyAndOnlyBeforeTheGrant() {
    Transfer paid = fixture.paid(personalized());
    assertRefused(() -> createCopy().create(fixture.buyer(),
        new CreateCopy.Command(paid.id(), "application/zip", COPY_SIZE, FINGERPRINT)), ErrorCode.NOT_SELLER);
    assertRefused(() -> createCopy().create(fixture.stranger(),
        new CreateCopy.Command(paid.id(), "application/zip", COPY_SIZE, FINGERPRINT)), ErrorCode.TRANSFER_NOT_FOUND);
    DistributionException malformed = assertRefused(() -> createCopy().create(fixture.seller(),
        new CreateCopy.Command(paid.id(), "application/zip", COPY_SIZE, "not-hex")), ErrorCode.VALIDATION_FAILED);
    assertThat(malformed.violations()).extracting(v -> v.pointer()).containsExactly("/license_fingerprint");

    Transfer plain = fixture.paid();
    fixture.granted(plain);
    assertRefused(() -> copyOf(plain, FINGERPRINT), ErrorCode.COPY_LOCKED);
    assertThat(engine.copies().forTransfer(plain.id().value())).isEmpty();
  }

  @Test
  void aCopyMayExceedTheProductLimitByWhatPersonalizingAdds() {
    Transfer paid = fixture.paid(personalized());
    long limit = engine.limits().maxProductBytes();
    DistributionException tooLarge = assertRefused(() -> createCopy().create(fixture.seller(),
        new CreateCopy.Command(paid.id(), "application/zip", limit + CreateCopy.ALLOWANCE_BYTES + 1, FINGERPRINT)),
        ErrorCode.PRODUCT_TOO_LARGE);
    assertThat(tooLarge.getMessage()).contains(Long.toString(limit + CreateCopy.ALLOWANCE_BYTES));

    Product copy = createCopy().create(fixture.seller(),
        new CreateCopy.Command(paid.id(), "application/zip", limit + 6_000, FINGERPRINT)).product();

    assertThat(copy.size()).isGreaterThan(limit);
  }

  @Test
  void aProductThatAsksForCopiesIsNotGrantedWithoutOne() {
    Transfer paid = fixture.paid(personalized());

    assertRefused(() -> fixture.granted(paid), ErrorCode.COPY_REQUIRED);
    CreateCopy.Created copy = copyOf(paid, FINGERPRINT);
    assertRefused(() -> fixture.granted(paid), ErrorCode.COPY_REQUIRED);

    assertThat(fixture.transfer(paid.id()).state()).isEqualTo(TransferState.PAID);
    assertThat(copy.product().content()).isNull();
  }

  @Test
  void theBuyerIsDeliveredItsCopyNotTheProduct() {
    Transfer paid = fixture.paid(personalized());
    CreateCopy.Created created = copyOf(paid, FINGERPRINT);
    Product copy = uploaded(created, paid.id().value());

    DeliveryTicket ticket = fixture.granted(paid);

    assertThat(ticket.product()).isEqualTo(copy.id());
    assertThat(ticket.manifestSha256()).isEqualTo(copy.content().manifestSha256());
    OpenDownload.Opened opened = fixture.open(ticket);
    assertThat(opened.product()).isEqualTo(copy.id());
    assertThat(fixture.readDelivery().manifest(fixture.buyer(), paid.id(), ticket.claimToken()))
        .isEqualTo(copy.content().manifestJson()).contains(paid.id().toString());
    int chunks = opened.session().chunkCount();
    byte[] first = fixture.fetch(ticket, 0, null);
    assertThat(first).isEqualTo(readAll(engine.blobs().open(
        engine.sessions().completedChunk(copy.id(), 1, 0).orElseThrow().blobKey()).orElseThrow()));
    fixture.fetchAll(ticket, chunks);
    assertThat(fixture.acknowledgeDelivery().acknowledge(fixture.buyer(), paid.id(),
        fixture.receipt(ticket, "c".repeat(64), engine.clock().instant())).state())
        .isEqualTo(TransferState.ACKNOWLEDGED);
  }

  @Test
  void anEnvelopeDepositedBeforeTheCopyWasPublishedCannotDeliverIt() {
    Transfer paid = fixture.paid(personalized());
    CreateCopy.Created created = copyOf(paid, FINGERPRINT);
    fixture.depositKey().deposit(fixture.seller(), paid.id(), fixture.depositFor(paid));
    engine.clock().advance(Duration.ofSeconds(1));
    uploaded(created, paid.id().value());

    assertThat(fixture.grantDelivery().grantDeposited(paid.id(), DeliveryFixture.internal())).isEmpty();
    assertRefused(() -> fixture.grantDelivery().grant(fixture.seller(), paid.id(), null), ErrorCode.COPY_REQUIRED);

    assertThat(fixture.granted(paid).product()).isEqualTo(created.product().id());
  }

  @Test
  void aCopysManifestMustNameItsTransferAndNoOtherManifestMay() {
    Transfer paid = fixture.paid(personalized());
    CreateCopy.Created created = copyOf(paid, FINGERPRINT);

    assertRefused(() -> uploaded(created, UUID.randomUUID()), ErrorCode.MANIFEST_MISMATCH);

    var seller = fixture.commerce().sellerAilock();
    Product draft = engine.draftProduct(seller, 1000);
    UploadSession session = engine.startedUpload(seller, draft);
    Ciphertext ciphertext = engine.ciphertextFor(session);
    engine.uploadAll(seller, session, ciphertext);
    SignedManifest claimsACopy = engine.manifestFor(session, ciphertext).transferId(paid.id().value())
        .signedBy(seller.keys());
    assertRefused(() -> engine.complete(seller, session, claimsACopy), ErrorCode.MANIFEST_MISMATCH);
  }

  @Test
  void aCopyIsNeverOffered() {
    Transfer paid = fixture.paid(personalized());
    Product copy = uploaded(copyOf(paid, FINGERPRINT), paid.id().value());
    OfferTransfer offer = fixture.commerce().offerTransfer();

    DistributionException refusal = assertRefused(() -> offer.offer(fixture.seller(), new OfferTransfer.Command(
        copy.id(), fixture.commerce().buyerAilock().id(), TransferTerms.Overrides.none())), ErrorCode.VALIDATION_FAILED);
    assertThat(refusal.violations()).extracting(v -> v.pointer()).containsExactly("/product_id");
  }

  @Test
  void theSellerTracesAFingerprintToThePurchaseAndNobodyElseLearnsAnything() {
    Transfer paid = fixture.paid(personalized());
    copyOf(paid, FINGERPRINT);
    var trace = new TraceCopy(engine.copies(), fixture.commerce().transfers(), engine.audit(), engine.clock());

    TraceCopy.Traced traced = trace.trace(fixture.seller(), FINGERPRINT);

    assertThat(traced.transfer().id()).isEqualTo(paid.id());
    assertThat(traced.transfer().buyer()).isEqualTo(paid.buyer());
    assertThat(engine.audit().actions()).contains("copy.traced");
    Caller buyer = fixture.buyer();
    assertRefused(() -> trace.trace(buyer, FINGERPRINT), ErrorCode.NOT_FOUND);
    assertRefused(() -> trace.trace(fixture.seller(), "f".repeat(32)), ErrorCode.NOT_FOUND);
  }

  @Test
  void theDisputeEvidenceNamesTheCopyAndItsManifest() {
    Transfer paid = fixture.paid(personalized());
    Product copy = uploaded(copyOf(paid, FINGERPRINT), paid.id().value());
    fixture.granted(paid);
    var evidence = new AssembleEvidence(fixture.commerce().changes(), engine.products(), engine.copies(),
        fixture.ports().receipts(), fixture.ports().sessions(), transfer -> List.of());

    var bundle = evidence.assemble(fixture.seller(), paid.id());

    assertThat(bundle.manifestSha256()).isEqualTo(copy.content().manifestSha256());
    assertThat(bundle.copy()).hasValueSatisfying(c -> assertThat(c.licenseFingerprint()).isEqualTo(FINGERPRINT));
  }

  static byte[] readAll(java.io.InputStream in) {
    try (in) {
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
