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
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The record function's choice of implementation, the implementations against each other,
 * and the limits {@link AesGcm} enforces before any implementation (or native call) sees a
 * request.
 */
class AesGcmTest {

  private static final int[] LENGTHS = {
    0, 1, 15, 16, 17, 127, 128, 129, 255, 256, 1000, 4095, 4096, 8191, 16383, 16384
  };

  @Test
  void opensslIsTheRecordFunctionWhereLibcrypto3IsInstalled() {
    assumeTrue(System.getProperty(AesGcm.IMPLEMENTATION_PROPERTY) == null);
    // Debian's and Ubuntu's OpenSSL 3 (the project's supported hosts); elsewhere see below
    assumeTrue(Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/libcrypto.so.3"))
        || Files.exists(Path.of("/usr/lib/aarch64-linux-gnu/libcrypto.so.3")));

    assertThat(OpensslAesGcm.isAvailable()).as(OpensslAesGcm.unavailableReason()).isTrue();
    assertThat(OpensslAesGcm.unavailableReason()).isNull();
    assertThat(Implementation.current()).isEqualTo(Implementation.OPENSSL);
    assertThat(AesGcm.forKey(new byte[32]).implementation()).isEqualTo(Implementation.OPENSSL);
  }

  @Test
  void choosesTheNamedImplementationElseTheFirstAvailableAndLogsAFallback() {
    Set<Implementation> all = EnumSet.allOf(Implementation.class);
    Set<Implementation> noOpenssl = EnumSet.of(Implementation.LIBSODIUM, Implementation.JCA);
    List<LogRecord> warnings = new CopyOnWriteArrayList<>();
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        warnings.add(record);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger logger = Logger.getLogger(AesGcm.class.getName());
    logger.addHandler(handler);
    try {
      assertThat(AesGcm.choose("", all::contains)).isEqualTo(Implementation.OPENSSL);
      assertThat(AesGcm.choose(" JCA ", all::contains)).isEqualTo(Implementation.JCA);
      assertThat(AesGcm.choose("libsodium", all::contains)).isEqualTo(Implementation.LIBSODIUM);
      assertThat(warnings).isEmpty();

      assertThat(AesGcm.choose("", noOpenssl::contains)).isEqualTo(Implementation.LIBSODIUM);
      assertThat(warnings).hasSize(1);
      assertThat(warnings.get(0).getLevel()).isEqualTo(Level.WARNING);
      assertThat(warnings.get(0).getMessage()).contains("OpenSSL AES-256-GCM unavailable");

      assertThat(AesGcm.choose("", Set.of(Implementation.JCA)::contains)).isEqualTo(Implementation.JCA);
      assertThat(AesGcm.choose("openssl", noOpenssl::contains)).isEqualTo(Implementation.LIBSODIUM);
      assertThat(AesGcm.choose("aes-ni-please", all::contains)).isEqualTo(Implementation.OPENSSL);
      assertThat(warnings).hasSize(5)
          .anySatisfy(r -> assertThat(r.getParameters()).contains("aes-ni-please"));
    } finally {
      logger.removeHandler(handler);
    }
  }

  @Test
  void libsodiumIsAvailableWhereTheCpuHasAesNiAndPclmul() throws IOException {
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

    assertThat(SodiumAesGcm.isAvailable()).isTrue();
    assertThat(Implementation.LIBSODIUM.create(new byte[32]).implementation())
        .isEqualTo(Implementation.LIBSODIUM);
  }

  @ParameterizedTest
  @EnumSource(Implementation.class)
  void aClosedInstanceRefusesToWorkAndClosesOnce(Implementation impl) throws Exception {
    assumeTrue(impl.isAvailable());
    AesGcm aead = impl.create(new byte[32]);
    byte[] sealed = new byte[16 + 16];
    aead.seal(new byte[12], new byte[16], 0, 16, sealed, 0);
    aead.close();
    aead.close();
    if (impl == Implementation.OPENSSL) { // the only one holding native state between calls
      assertThatThrownBy(() -> aead.seal(new byte[12], new byte[16], 0, 16, sealed, 0))
          .isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> aead.open(new byte[12], sealed, 0, 32, new byte[16], 0))
          .isInstanceOf(IllegalStateException.class);
    }
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
  void everyImplementationSealsTheSameBytesAndOpensTheOthersRecords() throws Exception {
    Random random = new Random(42);
    byte[] key = bytes(random, 32);
    List<AesGcm> all = availableImplementations().stream().map(impl -> impl.create(key)).toList();
    assertThat(all).hasSizeGreaterThan(1);
    AesGcm jca = Implementation.JCA.create(key);

    for (int length : LENGTHS) {
      byte[] nonce = bytes(random, 12);
      byte[] aad = length % 2 == 0 ? new byte[0] : bytes(random, length % 1024);
      byte[] plaintext = bytes(random, length);
      byte[] expected = new byte[length + 16];
      jca.seal(nonce, aad, plaintext, 0, length, expected, 0);

      for (AesGcm sealer : all) {
        byte[] sealed = new byte[length + 16];
        sealer.seal(nonce, aad, plaintext, 0, length, sealed, 0);
        assertThat(sealed).as("%s, %d bytes", sealer.implementation(), length).isEqualTo(expected);
        for (AesGcm opener : all) {
          byte[] opened = new byte[length];
          assertThat(opener.open(nonce, aad, sealed, 0, sealed.length, opened, 0))
              .isEqualTo(length);
          assertThat(opened).as("%s opens %s", opener.implementation(), sealer.implementation())
              .isEqualTo(plaintext);
        }
      }

      for (int position : new int[] {0, length / 2, length, length + 15}) {
        byte[] tampered = expected.clone();
        tampered[position] ^= 1;
        for (AesGcm aead : all) {
          byte[] out = new byte[length];
          Arrays.fill(out, (byte) 0x77);
          assertThatThrownBy(() -> aead.open(nonce, aad, tampered, 0, tampered.length, out, 0))
              .as("%s, tampered at %d", aead.implementation(), position)
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
