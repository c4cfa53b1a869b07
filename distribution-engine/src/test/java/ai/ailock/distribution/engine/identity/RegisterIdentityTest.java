package ai.ailock.distribution.engine.identity;

import static ai.ailock.distribution.engine.fixtures.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.RequestMeta;
import ai.ailock.distribution.engine.audit.AuditEntry;
import ai.ailock.distribution.engine.fixtures.Ed25519TestKeys;
import ai.ailock.distribution.engine.fixtures.EngineFixture;
import ai.ailock.distribution.engine.fixtures.X25519TestKeys;
import java.math.BigInteger;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RegisterIdentityTest {
  private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));

  private final EngineFixture engine = EngineFixture.create();
  private final RegisterIdentity registerIdentity = engine.registerIdentity();
  private final Ed25519TestKeys keys = Ed25519TestKeys.generate();
  private final byte[] x25519 = X25519TestKeys.randomPublicKey();
  private final RequestMeta meta = new RequestMeta("req-7", "198.51.100.4", "ailock-cli/1.0");

  @Test
  void registersTheKeysUnderAnAilockIdDerivedFromTheSigningKey() {
    IdentityKey registered = registerIdentity.register(keys.publicKey(), x25519, keys.bind(x25519), meta);

    KeyId expectedKeyId = KeyId.of(keys.publicKey());
    assertThat(registered.keyId()).isEqualTo(expectedKeyId);
    assertThat(registered.ailock()).isEqualTo(new AilockId(expectedKeyId.value()));
    assertThat(registered.ed25519Public()).isEqualTo(keys.publicKey());
    assertThat(registered.x25519Public()).isEqualTo(x25519);
    assertThat(registered.createdAt()).isEqualTo(engine.clock().instant());
    assertThat(registered.active()).isTrue();
    assertThat(engine.identities().key(expectedKeyId)).isPresent();
    assertThat(engine.identities().activeKey(registered.ailock())).map(IdentityKey::keyId).contains(expectedKeyId);
  }

  @Test
  void recordsTheRegistrationInTheAuditTrail() {
    IdentityKey registered = registerIdentity.register(keys.publicKey(), x25519, keys.bind(x25519), meta);

    assertThat(engine.audit().entries()).singleElement().satisfies(entry -> {
      assertThat(entry.action()).isEqualTo("identity.registered");
      assertThat(entry.actor()).isEqualTo(registered.ailock().value());
      assertThat(entry.meta()).isEqualTo(meta);
      assertThat(entry.detail()).isEqualTo(Map.of("key_id", registered.keyId().value()));
    });
  }

  @Test
  void returnsTheExistingIdentityWhenTheSameKeysRegisterAgain() {
    IdentityKey first = registerIdentity.register(keys.publicKey(), x25519, keys.bind(x25519), meta);
    engine.clock().advance(Duration.ofMinutes(5));

    IdentityKey again = registerIdentity.register(keys.publicKey(), x25519, keys.bind(x25519), meta);

    assertThat(again).usingRecursiveComparison().isEqualTo(first);
    assertThat(engine.audit().entries()).extracting(AuditEntry::action).containsExactly("identity.registered");
  }

  @Test
  void refusesABindingSignatureMadeByAnotherKey() {
    byte[] forged = Ed25519TestKeys.generate().bind(x25519);

    assertRefused(() -> registerIdentity.register(keys.publicKey(), x25519, forged, meta), ErrorCode.SIGNATURE_INVALID);

    assertThat(engine.identities().key(KeyId.of(keys.publicKey()))).isEmpty();
    assertThat(engine.audit().entries()).isEmpty();
  }

  @Test
  void refusesABindingSignatureOverAnotherX25519Key() {
    byte[] signatureOverOtherKey = keys.bind(X25519TestKeys.randomPublicKey());

    assertRefused(() -> registerIdentity.register(keys.publicKey(), x25519, signatureOverOtherKey, meta),
        ErrorCode.SIGNATURE_INVALID);
  }

  @Test
  void refusesASignatureThatSignsTheBareKeyWithoutTheBindingLabel() {
    byte[] unlabelled = keys.sign(x25519);

    assertRefused(() -> registerIdentity.register(keys.publicKey(), x25519, unlabelled, meta),
        ErrorCode.SIGNATURE_INVALID);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("smallOrderPoints")
  void refusesX25519KeysOfSmallOrder(String name, byte[] point) {
    assertRefusedAsUnusable(point);
  }

  @ParameterizedTest(name = "{0} with the ignored top bit set")
  @MethodSource("smallOrderPoints")
  void refusesSmallOrderKeysDisguisedByTheIgnoredTopBit(String name, byte[] point) {
    byte[] disguised = point.clone();
    disguised[31] |= (byte) 0x80;

    assertRefusedAsUnusable(disguised);
  }

  @ParameterizedTest(name = "u = {0}")
  @MethodSource("nonCanonicalCoordinates")
  void refusesNonCanonicalX25519Keys(String name, BigInteger u) {
    assertRefusedAsUnusable(littleEndian(u));
  }

  @Test
  void acceptsTheLargestCanonicalCoordinateOutsideTheSmallOrderList() {
    byte[] pMinus2 = littleEndian(P.subtract(BigInteger.TWO));

    IdentityKey registered = registerIdentity.register(keys.publicKey(), pMinus2, keys.bind(pMinus2), meta);

    assertThat(registered.x25519Public()).isEqualTo(pMinus2);
  }

  @Test
  void refusesX25519KeysOfTheWrongLength() {
    assertRefusedAsUnusable(new byte[31]);
    assertRefusedAsUnusable(java.util.Arrays.copyOf(x25519, 33));
  }

  @Test
  void reportsAKeyConflictWhenTheSigningKeyComesBackWithAnotherX25519Key() {
    registerIdentity.register(keys.publicKey(), x25519, keys.bind(x25519), meta);
    byte[] otherX25519 = X25519TestKeys.randomPublicKey();

    assertRefused(() -> registerIdentity.register(keys.publicKey(), otherX25519, keys.bind(otherX25519), meta),
        ErrorCode.KEY_CONFLICT);

    assertThat(engine.identities().key(KeyId.of(keys.publicKey())))
        .hasValueSatisfying(key -> assertThat(key.x25519Public()).isEqualTo(x25519));
  }

  private void assertRefusedAsUnusable(byte[] x25519Key) {
    byte[] properlyBound = keys.bind(x25519Key);

    assertRefused(() -> registerIdentity.register(keys.publicKey(), x25519Key, properlyBound, meta),
        ErrorCode.VALIDATION_FAILED);

    assertThat(engine.identities().key(KeyId.of(keys.publicKey()))).isEmpty();
  }

  /** The points libsodium blocks: 0, 1, the two points of order 8, and p - 1, p, p + 1 (aliases of small points). */
  static Stream<Arguments> smallOrderPoints() {
    return Stream.of(
        Arguments.of("0", littleEndian(BigInteger.ZERO)),
        Arguments.of("1", littleEndian(BigInteger.ONE)),
        Arguments.of("order-8 point e0eb…", hex("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800")),
        Arguments.of("order-8 point 5f9c…", hex("5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157")),
        Arguments.of("p - 1", littleEndian(P.subtract(BigInteger.ONE))),
        Arguments.of("p", littleEndian(P)),
        Arguments.of("p + 1", littleEndian(P.add(BigInteger.ONE))));
  }

  static Stream<Arguments> nonCanonicalCoordinates() {
    return Stream.of(
        Arguments.of("p + 2", P.add(BigInteger.TWO)),
        Arguments.of("p + 9", P.add(BigInteger.valueOf(9))),
        Arguments.of("2^255 - 1", BigInteger.TWO.pow(255).subtract(BigInteger.ONE)));
  }

  private static byte[] littleEndian(BigInteger u) {
    byte[] bigEndian = u.toByteArray();
    byte[] little = new byte[32];
    for (int i = 0; i < Math.min(32, bigEndian.length); i++) {
      little[i] = bigEndian[bigEndian.length - 1 - i];
    }
    return little;
  }

  private static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex);
  }
}
