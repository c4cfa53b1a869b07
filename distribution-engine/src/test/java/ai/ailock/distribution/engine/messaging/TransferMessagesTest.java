package ai.ailock.distribution.engine.messaging;

import ai.ailock.distribution.engine.transfer.OutboundMessage;

import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.engine.attachment.Attachment;
import ai.ailock.distribution.engine.attachment.AttachmentId;
import ai.ailock.distribution.engine.attachment.Attachments;
import ai.ailock.distribution.engine.buyerinput.SubmitInputs;
import ai.ailock.distribution.engine.dispute.OpenDispute;
import ai.ailock.distribution.engine.fixtures.DeliveryFixture;
import ai.ailock.distribution.engine.fixtures.TransferFixture;
import ai.ailock.distribution.engine.product.ProductPolicy;
import ai.ailock.distribution.engine.product.RequiredInput.Timing;
import ai.ailock.distribution.engine.product.RequiredInput.Type;
import ai.ailock.distribution.engine.transfer.Transfer;
import ai.ailock.distribution.engine.upload.UploadId;
import ai.ailock.distribution.schemas.RequiredInputsSchema;
import ai.ailock.distribution.schemas.SchemaValidator;
import ai.ailock.distribution.schemas.WireJson;
import ai.ailock.distribution.schemas.WireSchema;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The use cases send the inbox messages of design §3.2 through the messenger, each matching its schema. */
class TransferMessagesTest {
  private static final SchemaValidator VALIDATOR = new SchemaValidator();
  private static final Map<String, WireSchema> SCHEMAS = Map.of(
      OutboundMessage.PRODUCT_OFFER, WireSchema.INTERACTION_PRODUCT_OFFER,
      OutboundMessage.PAYMENT_REQUEST, WireSchema.INTERACTION_PAYMENT_REQUEST,
      OutboundMessage.PAYMENT_CONFIRMED, WireSchema.INTERACTION_PAYMENT_CONFIRMED,
      OutboundMessage.PRODUCT_DELIVERY, WireSchema.INTERACTION_PRODUCT_DELIVERY,
      OutboundMessage.DELIVERY_RECEIPT, WireSchema.INTERACTION_NOTICE,
      OutboundMessage.PRODUCT_REVOKE, WireSchema.INTERACTION_NOTICE,
      OutboundMessage.PRODUCT_DISPUTE, WireSchema.INTERACTION_NOTICE);

  private final DeliveryFixture fixture = new DeliveryFixture();

  @Test
  void offerInvoicePaymentGrantAndAckEachTellTheRightParty() {
    String seller = fixture.seller().ailock().value();
    String buyer = fixture.buyer().ailock().value();
    var ticket = fixture.delivered(DeliveryFixture.policy(1, List.of()));
    Transfer transfer = ticket.transfer();
    fixture.open(ticket);
    fixture.engine().clock().advance(java.time.Duration.ofSeconds(30));
    fixture.acknowledgeDelivery().acknowledge(fixture.buyer(), transfer.id(),
        fixture.receipt(ticket, "a".repeat(64), fixture.engine().clock().instant()));

    assertThat(fixture.commerce().messenger().summary()).containsExactly(
        "product_offer>" + buyer, "payment_request>" + buyer, "payment_confirmed>" + seller,
        "payment_confirmed>" + buyer, "product_delivery>" + buyer, "delivery_receipt>" + seller);
    assertThat(fixture.commerce().messenger().sent()).allSatisfy(m -> {
      assertThat(m.transfer()).isEqualTo(transfer.id());
      assertThat(VALIDATOR.validate(SCHEMAS.get(m.type()), WireJson.mapper().valueToTree(m.payload()))).isEmpty();
    });
    assertThat(fixture.commerce().messenger().sent().get(1).payload()).containsKey("checkout_url");
  }

  @Test
  void aDisputeTellsTheOtherPartyAndARevocationTheBuyer() {
    Transfer disputed = fixture.paid();
    Transfer revoked = fixture.paid();
    int before = fixture.commerce().messenger().sent().size();

    new OpenDispute(fixture.commerce().changes(), fixture.throttle(), fixture.engine().clock()).open(fixture.buyer(), disputed.id(), "bad");
    fixture.revokeAccess().revoke(fixture.seller(), revoked.id(), "refund agreed");

    var sent = fixture.commerce().messenger().sent();
    assertThat(sent.subList(before, sent.size())).extracting(m -> m.type() + ">" + m.recipient().value())
        .containsExactly("product_dispute>" + fixture.seller().ailock().value(),
            "product_revoke>" + fixture.buyer().ailock().value());
  }

  @Test
  void theLastPostPaymentInputTellsTheSellerAgainThatTheTransferIsPaid() {
    ProductPolicy policy = DeliveryFixture.policy(1,
        List.of(TransferFixture.input("website", Type.URL, Timing.POST_PAYMENT_PRE_GRANT, true)));
    Transfer pending = fixture.paid(policy);
    Attachments none = new Attachments() {
      @Override
      public boolean add(Attachment attachment) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Optional<Attachment> find(AttachmentId id) {
        return Optional.empty();
      }

      @Override
      public Optional<Attachment> byUpload(UploadId upload) {
        return Optional.empty();
      }
    };
    int before = fixture.commerce().messenger().sent().size();

    new SubmitInputs(fixture.commerce().changes(), none, new RequiredInputsSchema(VALIDATOR),
        fixture.engine().clock()).submit(fixture.buyer(), pending.id(), Map.of("website", "https://acme.example"));

    var sent = fixture.commerce().messenger().sent();
    assertThat(sent.subList(0, before)).extracting(m -> m.type() + ">" + m.payload().get("state"))
        .contains("payment_confirmed>paid_pending_inputs");
    assertThat(sent.subList(before, sent.size())).extracting(m -> m.type() + ">" + m.recipient().value() + ">"
        + m.payload().get("state")).containsExactly("payment_confirmed>" + fixture.seller().ailock().value() + ">paid");
  }
}
