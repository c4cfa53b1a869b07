package ai.ailock.distribution.client.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.ailock.distribution.client.crypto.AesGcm.Implementation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The record function's choice of implementation, the two implementations against each other,
 * and the limits {@link AesGcm} enforces before any implementation (or native call) sees a
 * request.
 */
class AesGcmTest {

  private static final int[] LENGTHS = {
    0, 1, 15, 16, 17, 127, 128, 129, 255, 256, 1000, 4095, 4096, 8191, 16383, 16384
  };

  @Test
  void libsodiumIsTheRecordFunctionWhereTheCpuHasAesNiAndPclmul() throws IOException {
    Path cpuinfo = Path.of("/proc/cpuinfo");
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    assumeTrue(Files.isReadable(cpuinfo) && (arch.equals("amd64") || arch.equals("x86_64")));
    List<String> flags =
        Files.readAllLines(cpuinfo, StandardCharsets.UTF_8).stream()
            .filter(line -> line.startsWith("flags"))
            .findFirst()
            .map(line -> List.of(line.substring(line.indexOf(':') + 1).trim().split("\\s+")))
            .orElse(List.of());
    assumeTrue(flags.contains("aes") && flags.contains("pclmulqdq"));
    assumeTrue(System.getProperty(AesGcm.IMPLEMENTATION_PROPERTY) == null);

    assertThat(SodiumAesGcm.isAvailable()).isTrue();
    assertThat(Implementation.current()).isEqualTo(Implementation.LIBSODIUM);
    assertThat(AesGcm.forKey(new byte[32]).implementation()).isEqualTo(Implementation.LIBSODIUM);
  }

  @Test
  void theImplementationCanBeForcedOnOneThreadForAScope() throws Exception {
    Implementation byDefault = Implementation.current();
    for (Implementation forced : availableImplementations()) {
      AesGcm.Scope scope = forced.forceOnThisThread();
      try {
        assertThat(AesGcm.forKey(new byte[32]).implementation()).isEqualTo(forced);
        assertThat(CompletableFuture.supplyAsync(Implementation::current).get())
            .isEqualTo(byDefault);
      } finally {
        scope.close();
      }
      assertThat(Implementation.current()).isEqualTo(byDefault);
    }
  }

  @Test
  void bothImplementationsSealTheSameBytesAndOpenEachOthersRecords() throws Exception {
    assumeTrue(Implementation.LIBSODIUM.isAvailable());
    Random random = new Random(42);
    byte[] key = bytes(random, 32);
    AesGcm sodium = Implementation.LIBSODIUM.create(key);
    AesGcm jca = Implementation.JCA.create(key);

    for (int length : LENGTHS) {
      byte[] nonce = bytes(random, 12);
      byte[] aad = length % 2 == 0 ? new byte[0] : bytes(random, length % 1024);
      byte[] plaintext = bytes(random, length);
      byte[] bySodium = new byte[length + 16];
      byte[] byJca = new byte[length + 16];

      sodium.seal(nonce, aad, plaintext, 0, length, bySodium, 0);
      jca.seal(nonce, aad, plaintext, 0, length, byJca, 0);

      assertThat(bySodium).as("%d bytes", length).isEqualTo(byJca);
      byte[] opened = new byte[length];
      assertThat(jca.open(nonce, aad, bySodium, 0, bySodium.length, opened, 0)).isEqualTo(length);
      assertThat(opened).isEqualTo(plaintext);
      Arrays.fill(opened, (byte) 0);
      assertThat(sodium.open(nonce, aad, byJca, 0, byJca.length, opened, 0)).isEqualTo(length);
      assertThat(opened).isEqualTo(plaintext);

      for (int position : new int[] {0, length / 2, length, length + 15}) {
        byte[] tampered = bySodium.clone();
        tampered[position] ^= 1;
        for (AesGcm aead : List.of(sodium, jca)) {
          byte[] out = new byte[length];
          Arrays.fill(out, (byte) 0x77);
          assertThatThrownBy(() -> aead.open(nonce, aad, tampered, 0, tampered.length, out, 0))
              .isInstanceOf(AEADBadTagException.class);
          assertThat(out).isEqualTo(new byte[length]);
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Implementation.class)
  void refusesWhatNoRecordNeedsBeforeCallingTheImplementation(Implementation impl) {
    assumeTrue(impl.isAvailable());
    byte[] nonce = new byte[12];
    byte[] big = new byte[20_000];

    assertThatThrownBy(() -> impl.create(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> impl.create(new byte[33])).isInstanceOf(IllegalArgumentException.class);
    AesGcm aead = impl.create(new byte[32]);
    assertThatThrownBy(() -> aead.seal(new byte[16], big, 0, 1, big, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> aead.seal(nonce, big, 0, 16385, big, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> aead.seal(nonce, new byte[1025], big, 0, 1, big, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> aead.open(nonce, big, 0, 16401, big, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> aead.open(nonce, new byte[1025], big, 0, 100, big, 0))
        .isInstanceOf(IllegalArgumentException.class);
    // ranges outside the arrays, including an output one byte too short
    assertThatThrownBy(() -> aead.seal(nonce, big, 19_990, 11, big, 0))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> aead.seal(nonce, big, 0, 100, new byte[115], 0))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> aead.seal(nonce, big, -1, 10, big, 0))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> aead.open(nonce, big, 0, 116, new byte[99], 0))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> aead.open(nonce, big, 0, 116, big, 19_950))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @ParameterizedTest
  @EnumSource(Implementation.class)
  void sealsTheLargestRecordAndRefusesInputShorterThanATag(Implementation impl) throws Exception {
    assumeTrue(impl.isAvailable());
    AesGcm aead = impl.create(new byte[32]);
    byte[] nonce = new byte[12];
    byte[] record = bytes(new Random(7), 16384);
    byte[] sealed = new byte[16400];

    assertThat(aead.seal(nonce, record, 0, record.length, sealed, 0)).isEqualTo(16400);
    byte[] opened = new byte[16384];
    assertThat(aead.open(nonce, sealed, 0, sealed.length, opened, 0)).isEqualTo(16384);
    assertThat(opened).isEqualTo(record);
    for (int length = 0; length < 16; length++) {
      int n = length;
      assertThatThrownBy(() -> aead.open(nonce, sealed, 0, n, opened, 0))
          .isInstanceOf(AEADBadTagException.class);
    }
  }

  private static List<Implementation> availableImplementations() {
    return Arrays.stream(Implementation.values()).filter(Implementation::isAvailable).toList();
  }

  private static byte[] bytes(Random random, int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }
}
