package ai.ailock.distribution.client.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.ailock.distribution.client.AilockKeys;
import java.nio.charset.StandardCharsets;
import java.security.SignatureException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeliveryReceiptTest {
  static final AilockKeys BUYER = AilockKeys.generate();

  static DeliveryReceipt receipt() {
    return DeliveryReceipt.sign("0b7d3c9e-1f2a-4b5c-8d9e-0f1a2b3c4d5e", "a".repeat(64), "b".repeat(64),
        Instant.parse("2026-03-04T05:06:07.890Z"), BUYER);
  }

  @Test
  void signsAReceiptThatVerifiesAfterATripThroughJson() throws Exception {
    DeliveryReceipt receipt = receipt();

    DeliveryReceipt parsed = DeliveryReceipt.parse(receipt.canonicalBytes());

    assertThat(parsed).isEqualTo(receipt);
    assertThat(parsed.recipientKeyId()).isEqualTo(BUYER.keyId());
    parsed.verify(BUYER.signing().publicKey());
  }

  @Test
  void signsTheCanonicalFormWithoutTheSignature() {
    String signed = new String(receipt().signedBytes(), StandardCharsets.UTF_8);

    assertThat(signed).isEqualTo("{\"client_hash\":\"" + "b".repeat(64) + "\",\"format\":\"ailock-receipt-v1\","
        + "\"manifest_sha256\":\"" + "a".repeat(64) + "\",\"received_at\":\"2026-03-04T05:06:07Z\","
        + "\"recipient_key_id\":\"" + BUYER.keyId() + "\",\"transfer_id\":\"0b7d3c9e-1f2a-4b5c-8d9e-0f1a2b3c4d5e\"}");
  }

  @Test
  void refusesAnyChangedMember() {
    DeliveryReceipt r = receipt();
    for (DeliveryReceipt changed : new DeliveryReceipt[] {
        new DeliveryReceipt("another-transfer", r.manifestSha256(), r.clientHash(), r.recipientKeyId(),
            r.receivedAt(), r.signature()),
        new DeliveryReceipt(r.transferId(), "c".repeat(64), r.clientHash(), r.recipientKeyId(), r.receivedAt(),
            r.signature()),
        new DeliveryReceipt(r.transferId(), r.manifestSha256(), "c".repeat(64), r.recipientKeyId(),
            r.receivedAt(), r.signature()),
        new DeliveryReceipt(r.transferId(), r.manifestSha256(), r.clientHash(), r.recipientKeyId(),
            "2026-03-04T05:06:08Z", r.signature())}) {
      assertThatThrownBy(() -> changed.verify(BUYER.signing().publicKey())).isInstanceOf(SignatureException.class);
    }
    assertThatThrownBy(() -> r.verify(AilockKeys.generate().signing().publicKey()))
        .isInstanceOf(SignatureException.class);
  }

  @Test
  void refusesMalformedReceipts() {
    assertThatThrownBy(() -> DeliveryReceipt.parse("{\"format\":\"ailock-receipt-v1\"}".getBytes(
        StandardCharsets.UTF_8))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DeliveryReceipt("t", "A".repeat(64), "b".repeat(64), BUYER.keyId(),
        "2026-03-04T05:06:07Z", "")).isInstanceOf(IllegalArgumentException.class);
  }
}
