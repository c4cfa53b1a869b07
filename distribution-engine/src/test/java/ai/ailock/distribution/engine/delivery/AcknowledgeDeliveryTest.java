package ai.ailock.distribution.engine.delivery;

import static ai.ailock.distribution.engine.fixtures.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.fixtures.DeliveryFixture;
import ai.ailock.distribution.engine.fixtures.Ed25519TestKeys;
import ai.ailock.distribution.engine.transfer.Transfer;
import ai.ailock.distribution.engine.transfer.TransferState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AcknowledgeDeliveryTest {
  static final String CLIENT_HASH = "ab".repeat(32);

  final DeliveryFixture fixture = new DeliveryFixture();

  DeliveryTicket downloaded() {
    DeliveryTicket ticket = fixture.delivered(DeliveryFixture.policy(1, List.of()));
    fixture.open(ticket);
    fixture.engine().clock().advance(Duration.ofSeconds(30));
    return ticket;
  }

  Instant now() {
    return fixture.engine().clock().instant();
  }

  @Test
  void aVerifiedReceiptAcknowledgesAndIsKeptAsEvidence() {
    DeliveryTicket ticket = downloaded();
    SignedReceipt receipt = fixture.receipt(ticket, CLIENT_HASH, now());

    Transfer acknowledged = fixture.acknowledgeDelivery().acknowledge(fixture.buyer(), ticket.transfer().id(), receipt);

    assertThat(acknowledged.state()).isEqualTo(TransferState.ACKNOWLEDGED);
    StoredReceipt stored = fixture.ports().receipts().find(ticket.transfer().id()).orElseThrow();
    assertThat(stored.clientHash()).isEqualTo(CLIENT_HASH);
    assertThat(stored.manifestSha256()).isEqualTo(ticket.manifestSha256());
    assertThat(stored.meta().get("receipt")).contains("\"format\":\"ailock-receipt-v1\"");
    DownloadSession session = fixture.ports().sessions().ofTransfer(ticket.transfer().id()).get(0);
    assertThat(session.completedBy()).as("the receipt completes the unfinished session").isEqualTo("receipt");
  }

  @Test
  void theSameReceiptAgainIsAnsweredAsBeforeAnotherIsRefused() {
    DeliveryTicket ticket = downloaded();
    SignedReceipt receipt = fixture.receipt(ticket, CLIENT_HASH, now());
    fixture.acknowledgeDelivery().acknowledge(fixture.buyer(), ticket.transfer().id(), receipt);

    assertThat(fixture.acknowledgeDelivery().acknowledge(fixture.buyer(), ticket.transfer().id(), receipt).state())
        .isEqualTo(TransferState.ACKNOWLEDGED);
    SignedReceipt other = fixture.receipt(ticket, "cd".repeat(32), now());
    assertRefused(() -> fixture.acknowledgeDelivery().acknowledge(fixture.buyer(), ticket.transfer().id(), other),
        ErrorCode.ALREADY_ACKNOWLEDGED);
    assertThat(fixture.engine().audit().entries("transfer.acknowledged")).hasSize(1);
  }

  @Test
  void refusesAForgedReceipt() {
    DeliveryTicket ticket = downloaded();
    SignedReceipt real = fixture.receipt(ticket, CLIENT_HASH, now());
    SignedReceipt tampered = new SignedReceipt(real.transferId(), real.manifestSha256(), "cd".repeat(32),
        real.recipientKeyId(), real.receivedAt(), real.signedBytes(), real.signature(), real.canonicalJson());
    SignedReceipt otherSigner = fixture.receipt(ticket.transfer().id().toString(), ticket.manifestSha256(),
        CLIENT_HASH, now(), Ed25519TestKeys.generate());
    SignedReceipt sellerSigned = fixture.receipt(ticket.transfer().id().toString(), ticket.manifestSha256(),
        CLIENT_HASH, now(), fixture.commerce().sellerAilock().keys());
    byte[] flipped = real.signature();
    flipped[5] ^= 1;
    SignedReceipt badSignature = new SignedReceipt(real.transferId(), real.manifestSha256(), real.clientHash(),
        real.recipientKeyId(), real.receivedAt(), real.signedBytes(), flipped, real.canonicalJson());

    for (SignedReceipt forged : List.of(otherSigner, sellerSigned, badSignature)) {
      assertRefused(() -> fixture.acknowledgeDelivery().acknowledge(fixture.buyer(), ticket.transfer().id(), forged),
          ErrorCode.RECEIPT_INVALID);
    }
    // a tampered member is not what was signed: the signed bytes the service computes differ (see the HTTP test);
    // here the engine sees the facts and bytes apart, and the facts must match what the bytes say
    assertThat(tampered.clientHash()).isNotEqualTo(real.clientHash());
    assertThat(fixture.transfer(ticket.transfer().id()).state()).isEqualTo(TransferState.DELIVERED);
  }

  @Test
  void refusesAReceiptReplayedFromAnotherTransferOrManifestOrTime() {
    DeliveryTicket ticket = downloaded();
    DeliveryTicket otherTicket = fixture.delivered(DeliveryFixture.policy(1, List.of()));
    fixture.open(otherTicket);
    SignedReceipt forOther = fixture.receipt(otherTicket, CLIENT_HASH, now());
    SignedReceipt wrongManifest = fixture.receipt(ticket.transfer().id().toString(), "00".repeat(32), CLIENT_HASH,
        now(), fixture.commerce().buyerAilock().keys());
    SignedReceipt beforeDownload = fixture.receipt(ticket, CLIENT_HASH, now().minus(Duration.ofHours(1)));
    SignedReceipt future = fixture.receipt(ticket, CLIENT_HASH, now().plus(Duration.ofHours(1)));

    assertRefused(() -> fixture.acknowledgeDelivery().acknowledge(fixture.buyer(), ticket.transfer().id(), forOther),
        ErrorCode.RECEIPT_MISMATCH);
    assertRefused(() -> fixture.acknowledgeDelivery().acknowledge(fixture.buyer(), ticket.transfer().id(),
        wrongManifest), ErrorCode.RECEIPT_MISMATCH);
    assertRefused(() -> fixture.acknowledgeDelivery().acknowledge(fixture.buyer(), ticket.transfer().id(),
        beforeDownload), ErrorCode.RECEIPT_INVALID);
    assertRefused(() -> fixture.acknowledgeDelivery().acknowledge(fixture.buyer(), ticket.transfer().id(), future),
        ErrorCode.RECEIPT_INVALID);
  }

  @Test
  void refusesAReceiptWithoutAnyDownload() {
    DeliveryTicket ticket = fixture.delivered(DeliveryFixture.policy(1, List.of()));
    assertRefused(() -> fixture.acknowledgeDelivery().acknowledge(fixture.buyer(), ticket.transfer().id(),
        fixture.receipt(ticket, CLIENT_HASH, now())), ErrorCode.NOT_DOWNLOADED);
  }
}
