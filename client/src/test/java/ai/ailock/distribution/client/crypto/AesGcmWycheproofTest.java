package ai.ailock.distribution.client.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.ailock.distribution.client.crypto.AesGcm.Implementation;
import java.util.Arrays;
import java.util.stream.Stream;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Wycheproof AES-GCM vector through both implementations of {@link AesGcm}, the record
 * function Cobblestone uses (libsodium where available, JCA otherwise). The profile's parameters
 * (256-bit key, 96-bit nonce, 128-bit tag) must match every vector; every other key or nonce size
 * must be refused as a programming error.
 */
class AesGcmWycheproofTest {

  private static final String FILE = "aes_gcm_test.json";

  static Stream<Wycheproof.Case> profileVectors() {
    return Wycheproof.cases(FILE).stream().filter(AesGcmWycheproofTest::inProfile);
  }

  static Stream<Arguments> profileVectorsByImplementation() {
    return byImplementation(profileVectors());
  }

  static Stream<Arguments> validProfileVectorsByImplementation() {
    return byImplementation(profileVectors().filter(Wycheproof.Case::valid));
  }

  static Stream<Arguments> otherSizeVectorsByImplementation() {
    return byImplementation(otherSizeVectors());
  }

  static Stream<Wycheproof.Case> otherSizeVectors() {
    return Wycheproof.cases(FILE).stream().filter(c -> !inProfile(c));
  }

  private static Stream<Arguments> byImplementation(Stream<Wycheproof.Case> vectors) {
    return vectors.flatMap(
        vector ->
            Arrays.stream(Implementation.values()).map(impl -> Arguments.of(impl, vector)));
  }

  private static boolean inProfile(Wycheproof.Case c) {
    return c.groupInt("keySize") == 256
        && c.groupInt("ivSize") == 96
        && c.groupInt("tagSize") == 128;
  }

  @Test
  void runsEveryVectorTheFileDeclares() {
    assertThat(profileVectors().count()).isEqualTo(66);
    assertThat(profileVectors().count() + otherSizeVectors().count())
        .isEqualTo(Wycheproof.declaredCount(FILE));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("profileVectorsByImplementation")
  void opensValidAndRejectsInvalidCiphertexts(Implementation impl, Wycheproof.Case vector)
      throws Exception {
    AesGcm aead = create(impl, vector.bytes("key"));
    byte[] sealed = concat(vector.bytes("ct"), vector.bytes("tag"));
    byte[] out = new byte[sealed.length + 8];
    Arrays.fill(out, (byte) 0x5a);

    byte[] iv = vector.bytes("iv");
    byte[] aad = vector.bytes("aad");

    if (vector.valid()) {
      int n = aead.open(iv, aad, sealed, 0, sealed.length, out, 4);
      assertThat(Arrays.copyOfRange(out, 4, 4 + n)).isEqualTo(vector.bytes("msg"));
    } else {
      assertThatThrownBy(() -> aead.open(iv, aad, sealed, 0, sealed.length, out, 4))
          .isInstanceOf(AEADBadTagException.class);
      // the plaintext range is zeroed, the bytes around it untouched
      int plaintextLength = Math.max(0, sealed.length - AesGcm.TAG_LENGTH);
      assertThat(Arrays.copyOfRange(out, 4, 4 + plaintextLength)).containsOnly(0);
      assertThat(Arrays.copyOfRange(out, 0, 4)).containsOnly(0x5a);
      assertThat(Arrays.copyOfRange(out, 4 + plaintextLength, out.length)).containsOnly(0x5a);
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("validProfileVectorsByImplementation")
  void sealsValidVectorsToTheExpectedCiphertextAndTag(
      Implementation impl, Wycheproof.Case vector) {
    AesGcm aead = create(impl, vector.bytes("key"));
    byte[] msg = vector.bytes("msg");
    byte[] in = new byte[msg.length + 3];
    System.arraycopy(msg, 0, in, 3, msg.length);
    byte[] out = new byte[msg.length + AesGcm.TAG_LENGTH + 5];

    int n = aead.seal(vector.bytes("iv"), vector.bytes("aad"), in, 3, msg.length, out, 5);

    assertThat(n).isEqualTo(msg.length + AesGcm.TAG_LENGTH);
    assertThat(Arrays.copyOfRange(out, 5, out.length))
        .isEqualTo(concat(vector.bytes("ct"), vector.bytes("tag")));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("otherSizeVectorsByImplementation")
  void refusesKeyAndNonceSizesOutsideTheProfile(Implementation impl, Wycheproof.Case vector) {
    assumeTrue(impl.isAvailable(), impl + " not available on this machine");
    byte[] sealed = concat(vector.bytes("ct"), vector.bytes("tag"));

    assertThatThrownBy(
            () ->
                impl.create(vector.bytes("key"))
                    .open(vector.bytes("iv"), vector.bytes("aad"), sealed, 0, sealed.length,
                        new byte[sealed.length], 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static AesGcm create(Implementation impl, byte[] key) {
    assumeTrue(impl.isAvailable(), impl + " not available on this machine");
    AesGcm aead = impl.create(key);
    assertThat(aead.implementation()).isEqualTo(impl);
    return aead;
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
