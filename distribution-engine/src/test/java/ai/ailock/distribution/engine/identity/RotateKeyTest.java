package ai.ailock.distribution.engine.identity;

import static ai.ailock.distribution.engine.fixtures.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.audit.AuditEntry;
import ai.ailock.distribution.engine.fixtures.Ed25519TestKeys;
import ai.ailock.distribution.engine.fixtures.EngineFixture;
import ai.ailock.distribution.engine.fixtures.RegisteredAilock;
import ai.ailock.distribution.engine.fixtures.X25519TestKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RotateKeyTest {
  private final EngineFixture engine = EngineFixture.create();
  private final RegisteredAilock ailock = engine.registeredSeller();
  private final Ed25519TestKeys next = Ed25519TestKeys.generate();
  private final byte[] x25519 = X25519TestKeys.randomPublicKey();

  @Test
  void replacesTheActiveKeyKeepingTheAilockAndTheOldKeyOnRecord() {
    engine.clock().advance(Duration.ofDays(1));

    IdentityKey rotated = rotate(next.sign(KeyRotation.message(ailock.id(), ailock.keyId())));

    assertThat(rotated.ailock()).isEqualTo(ailock.id());
    assertThat(rotated.keyId()).isEqualTo(next.keyId());
    assertThat(engine.identities().activeKey(ailock.id())).map(IdentityKey::keyId).contains(next.keyId());
    IdentityKey retired = engine.identities().key(ailock.keyId()).orElseThrow();
    assertThat(retired.active()).isFalse();
    assertThat(retired.retiredAt()).isEqualTo(engine.clock().instant());
    assertThat(engine.identities().keys(ailock.id())).extracting(IdentityKey::keyId)
        .containsExactly(ailock.keyId(), next.keyId());
    AuditEntry audited = engine.audit().entries("identity.key_rotated").get(0);
    assertThat(audited.actor()).isEqualTo(ailock.id().value());
    assertThat(audited.detail()).containsEntry("retired_key_id", ailock.keyId().value())
        .containsEntry("key_id", next.keyId().value());
  }

  @Test
  void refusesARotationStatementForAnotherAilockOrKeyAndChangesNothing() {
    RegisteredAilock other = engine.registeredSeller();
    List<byte[]> wrongStatements = new ArrayList<>();
    wrongStatements.add(next.sign(KeyRotation.message(other.id(), ailock.keyId())));
    wrongStatements.add(next.sign(KeyRotation.message(ailock.id(), other.keyId())));
    wrongStatements.add(Ed25519TestKeys.generate().sign(KeyRotation.message(ailock.id(), ailock.keyId())));

    for (byte[] statement : wrongStatements) {
      assertRefused(() -> rotate(statement), ErrorCode.SIGNATURE_INVALID);
    }
    assertUnchanged();
  }

  @Test
  void refusesABindingNotSignedByTheNewKey() {
    byte[] statement = next.sign(KeyRotation.message(ailock.id(), ailock.keyId()));

    assertRefused(() -> engine.rotateKey().rotate(ailock.caller(), next.publicKey(), x25519, ailock.keys().bind(x25519),
        statement), ErrorCode.SIGNATURE_INVALID);
    assertUnchanged();
  }

  @Test
  void refusesTheCallersOwnKeyAndAKeyRegisteredAlready() {
    RegisteredAilock other = engine.registeredSeller();
    byte[] otherX25519 = other.identity().x25519Public();

    assertRefused(() -> engine.rotateKey().rotate(ailock.caller(), ailock.keys().publicKey(), x25519,
        ailock.keys().bind(x25519), ailock.keys().sign(KeyRotation.message(ailock.id(), ailock.keyId()))),
        ErrorCode.VALIDATION_FAILED);
    assertRefused(() -> engine.rotateKey().rotate(ailock.caller(), other.keys().publicKey(), otherX25519,
        other.identity().x25519Signature(), other.keys().sign(KeyRotation.message(ailock.id(), ailock.keyId()))),
        ErrorCode.KEY_CONFLICT);
    assertUnchanged();
    assertThat(engine.identities().activeKey(other.id())).map(IdentityKey::keyId).contains(other.keyId());
  }

  @Test
  void refusesASmallOrderX25519Key() {
    byte[] zero = new byte[32];

    assertRefused(() -> engine.rotateKey().rotate(ailock.caller(), next.publicKey(), zero, next.bind(zero),
        next.sign(KeyRotation.message(ailock.id(), ailock.keyId()))), ErrorCode.VALIDATION_FAILED);
    assertUnchanged();
  }

  @Test
  void aCallerWhoseKeyWasRotatedMeanwhileLosesTheRace() {
    RegisteredAilock first = engine.rotated(ailock);

    assertRefused(() -> rotate(next.sign(KeyRotation.message(ailock.id(), ailock.keyId()))),
        ErrorCode.CONCURRENT_UPDATE);
    assertThat(engine.identities().activeKey(ailock.id())).map(IdentityKey::keyId).contains(first.keyId());
    assertThat(engine.identities().key(next.keyId())).isEmpty();
  }

  private IdentityKey rotate(byte[] statement) {
    return engine.rotateKey().rotate(ailock.caller(), next.publicKey(), x25519, next.bind(x25519), statement);
  }

  private void assertUnchanged() {
    assertThat(engine.identities().keys(ailock.id())).extracting(IdentityKey::keyId).containsExactly(ailock.keyId());
    assertThat(engine.identities().activeKey(ailock.id())).map(IdentityKey::keyId).contains(ailock.keyId());
    assertThat(engine.audit().entries("identity.key_rotated")).isEmpty();
  }
}
