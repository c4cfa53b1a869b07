package ai.ailock.distribution.client.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.Stream;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Wycheproof AES-GCM vector through {@link AesGcm}, the record function Cobblestone uses.
 * The profile's parameters (256-bit key, 96-bit nonce, 128-bit tag) must match every vector;
 * every other key or nonce size must be refused as a programming error.
 */
class AesGcmWycheproofTest {

  private static final String FILE = "aes_gcm_test.json";

  static Stream<Wycheproof.Case> profileVectors() {
    return Wycheproof.cases(FILE).stream().filter(AesGcmWycheproofTest::inProfile);
  }

  static Stream<Wycheproof.Case> validProfileVectors() {
    return profileVectors().filter(Wycheproof.Case::valid);
  }

  static Stream<Wycheproof.Case> otherSizeVectors() {
    return Wycheproof.cases(FILE).stream().filter(c -> !inProfile(c));
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

  @ParameterizedTest(name = "{0}")
  @MethodSource("profileVectors")
  void opensValidAndRejectsInvalidCiphertexts(Wycheproof.Case vector) throws Exception {
    AesGcm aead = new AesGcm(vector.bytes("key"));
    byte[] sealed = concat(vector.bytes("ct"), vector.bytes("tag"));
    byte[] out = new byte[sealed.length];

    byte[] iv = vector.bytes("iv");
    byte[] aad = vector.bytes("aad");

    if (vector.valid()) {
      int n = aead.open(iv, aad, sealed, 0, sealed.length, out, 0);
      assertThat(Arrays.copyOf(out, n)).isEqualTo(vector.bytes("msg"));
    } else {
      assertThatThrownBy(() -> aead.open(iv, aad, sealed, 0, sealed.length, out, 0))
          .isInstanceOf(AEADBadTagException.class);
      assertThat(out).containsOnly(0);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validProfileVectors")
  void sealsValidVectorsToTheExpectedCiphertextAndTag(Wycheproof.Case vector) {
    AesGcm aead = new AesGcm(vector.bytes("key"));
    byte[] msg = vector.bytes("msg");
    byte[] out = new byte[msg.length + AesGcm.TAG_LENGTH];

    int n = aead.seal(vector.bytes("iv"), vector.bytes("aad"), msg, 0, msg.length, out, 0);

    assertThat(n).isEqualTo(out.length);
    assertThat(out).isEqualTo(concat(vector.bytes("ct"), vector.bytes("tag")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("otherSizeVectors")
  void refusesKeyAndNonceSizesOutsideTheProfile(Wycheproof.Case vector) {
    byte[] sealed = concat(vector.bytes("ct"), vector.bytes("tag"));

    assertThatThrownBy(
            () ->
                new AesGcm(vector.bytes("key"))
                    .open(vector.bytes("iv"), vector.bytes("aad"), sealed, 0, sealed.length,
                        new byte[sealed.length], 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
