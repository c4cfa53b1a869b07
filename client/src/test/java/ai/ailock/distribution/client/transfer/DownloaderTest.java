package ai.ailock.distribution.client.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.ailock.distribution.client.AilockKeys;
import ai.ailock.distribution.client.crypto.CobblestoneContext;
import ai.ailock.distribution.client.crypto.CobblestoneEncryptor;
import ai.ailock.distribution.client.crypto.InvalidCiphertextException;
import ai.ailock.distribution.client.manifest.InvalidManifestException;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SignatureException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloaderTest {
  static final String PRODUCT = "5b9e2f0a-7c3d-4e1f-8a2b-9c0d1e2f3a4b";
  static final String OTHER_PRODUCT = "6c0f3a1b-8d4e-4f2a-9b3c-0d1e2f3a4b5c";
  static final int CHUNK = 64 * 1024;
  static final String MY_TRANSFER = "0b7d3c9e-1f2a-4b5c-8d9e-0f1a2b3c4d5e";
  static final String OTHER_TRANSFER = "1c8e4daf-2a3b-4c6d-9eaf-1a2b3c4d5e6f";
  static final TransferOptions OPTIONS = TransferOptions.defaults().withRetries(3, Duration.ofMillis(1));

  @TempDir Path dir;
  final AilockKeys seller = AilockKeys.generate();
  final byte[] key = CobblestoneEncryptor.generateKey();
  final byte[] plaintext = random(700_000);

  static byte[] random(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return bytes;
  }

  TestContent honest() throws IOException {
    return TestContent.encrypt(seller, key, PRODUCT, 1, CobblestoneContext.content(PRODUCT, "1"), plaintext, CHUNK);
  }

  DownloadRequest request() {
    return new DownloadRequest(PRODUCT, seller.signing().publicKey(), (product, version) -> key.clone(),
        dir.resolve("out"), false);
  }

  DownloadResult download(ContentSource source) throws Exception {
    return new Downloader(OPTIONS).download(source, request(), TransferListener.NONE);
  }

  List<Path> leftInOut() throws IOException {
    Path out = dir.resolve("out");
    if (!Files.exists(out)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(out)) {
      return files.toList();
    }
  }

  @Test
  void writesTheVerifiedPlaintextUnderItsMetadataName() throws Exception {
    DownloadResult result = download(honest().source());

    assertThat(result.file()).hasFileName("file.bin").hasBinaryContent(plaintext);
    assertThat(result.metadata().plaintextLength()).isEqualTo(plaintext.length);
    assertThat(leftInOut()).containsExactly(result.file());
  }

  @Test
  void aBuyerGetsOnlyThePersonalizedCopyMadeForItsOwnTransfer() throws Exception {
    TestContent copy = TestContent.encrypt(seller, key, PRODUCT, 1, CobblestoneContext.content(PRODUCT, "1"),
        plaintext, CHUNK, OTHER_TRANSFER);
    var mine = new DownloadRequest(PRODUCT, seller.signing().publicKey(), (product, version) -> key.clone(),
        dir.resolve("out"), false, MY_TRANSFER);

    assertThatThrownBy(() -> new Downloader(OPTIONS).download(copy.source(), mine, TransferListener.NONE))
        .isInstanceOf(InvalidManifestException.class).hasMessageContaining("made for transfer " + OTHER_TRANSFER);
    assertThat(leftInOut()).isEmpty();

    var theirs = new DownloadRequest(PRODUCT, seller.signing().publicKey(), (product, version) -> key.clone(),
        dir.resolve("out"), false, OTHER_TRANSFER);
    assertThat(new Downloader(OPTIONS).download(copy.source(), theirs, TransferListener.NONE).file())
        .hasBinaryContent(plaintext);
  }

  @Test
  void aScannerSeesTheVerifiedPlaintextAndAFindingLeavesNoFile() throws Exception {
    var seen = new java.util.ArrayList<byte[]>();
    ContentScanner flagging = (file, metadata) -> {
      seen.add(Files.readAllBytes(file));
      return ContentScanner.Verdict.malware("Eicar-Test-Signature");
    };

    assertThatThrownBy(() -> new Downloader(OPTIONS.withScanner(flagging)).download(honest().source(), request(),
        TransferListener.NONE)).isInstanceOf(ContentRejectedException.class)
        .hasMessageContaining("malware").hasMessageContaining("Eicar-Test-Signature");

    assertThat(seen).hasSize(1);
    assertThat(seen.get(0)).isEqualTo(plaintext);
    assertThat(leftInOut()).isEmpty();
    assertThat(new Downloader(OPTIONS.withScanner(ContentScanner.NONE)).download(honest().source(), request(),
        TransferListener.NONE).file()).hasBinaryContent(plaintext);
  }

  @Test
  void aScannerCommandThatFailsFailsTheDownload() throws Exception {
    var broken = new CommandScanner(java.util.List.of("sh", "-c", "exit 2", "scanner"));

    assertThatThrownBy(() -> new Downloader(OPTIONS.withScanner(broken)).download(honest().source(), request(),
        TransferListener.NONE)).isInstanceOf(java.io.IOException.class).hasMessageContaining("exit code 2");
    assertThat(leftInOut()).isEmpty();
  }

  @Test
  void detectsACorruptedChunkAndLeavesNoFile() throws Exception {
    TestContent content = honest();
    var source = content.source((index, from, chunk) -> {
      byte[] copy = chunk.clone();
      if (index == 3) {
        copy[1000] ^= 1;
      }
      return new ByteArrayInputStream(copy, (int) from, copy.length - (int) from);
    });

    assertThatThrownBy(() -> download(source)).isInstanceOf(IntegrityException.class)
        .hasMessageContaining("chunk 3");
    assertThat(leftInOut()).isEmpty();
  }

  @Test
  void failsATruncatedDownloadAndLeavesNoFile() throws Exception {
    var source = honest().source((index, from, chunk) -> {
      int end = index == 5 ? chunk.length - 100 : chunk.length;
      return new ByteArrayInputStream(chunk, (int) from, Math.max(0, end - (int) from));
    });

    assertThatThrownBy(() -> download(source)).isInstanceOf(java.io.EOFException.class)
        .hasMessageContaining("chunk 5");
    assertThat(leftInOut()).isEmpty();
  }

  @Test
  void failsACiphertextTruncatedBeforeItsFinalRecordEvenIfTheManifestMatchesIt() throws Exception {
    byte[] ciphertext = CobblestoneEncryptor.encrypting(key, CobblestoneContext.content(PRODUCT, "1"),
        new ByteArrayInputStream(plaintext)).readAllBytes();
    int full = 56 + 16400 * 40; // forty whole records, the final short one cut off
    TestContent truncated = TestContent.describe(seller, key, PRODUCT, 1, Arrays.copyOf(ciphertext, full),
        Arrays.copyOf(plaintext, 40 * 16384), CHUNK);

    assertThatThrownBy(() -> download(truncated.source())).isInstanceOf(InvalidManifestException.class);
    assertThat(leftInOut()).isEmpty();
  }

  @Test
  void failsACiphertextCutInsideARecordEvenIfTheManifestAndMetadataMatchIt() throws Exception {
    byte[] ciphertext = CobblestoneEncryptor.encrypting(key, CobblestoneContext.content(PRODUCT, "1"),
        new ByteArrayInputStream(plaintext)).readAllBytes();
    int cut = 56 + 16400 * 40 + 100; // a length that a 655444-byte message would have
    TestContent truncated = TestContent.describe(seller, key, PRODUCT, 1, Arrays.copyOf(ciphertext, cut),
        Arrays.copyOf(plaintext, 40 * 16384 + 84), CHUNK);

    assertThatThrownBy(() -> download(truncated.source())).isInstanceOf(InvalidCiphertextException.class);
    assertThat(leftInOut()).isEmpty();
  }

  @Test
  void decryptsInOrderWhenChunksArriveOutOfOrder() throws Exception {
    List<Integer> arrivals = new CopyOnWriteArrayList<>();
    var source = honest().source((index, from, chunk) -> {
      if (index == 0) {
        sleep(300);
      }
      arrivals.add(index);
      return new ByteArrayInputStream(chunk, (int) from, chunk.length - (int) from);
    });

    DownloadResult result = download(source);

    assertThat(result.file()).hasBinaryContent(plaintext);
    assertThat(arrivals).hasSize(11);
    assertThat(arrivals.get(0)).isNotZero();
  }

  @Test
  void refusesCiphertextMovedFromAnotherProduct() throws Exception {
    TestContent moved = TestContent.encrypt(seller, key, PRODUCT, 1, CobblestoneContext.content(OTHER_PRODUCT, "1"),
        plaintext, CHUNK);

    assertThatThrownBy(() -> download(moved.source())).isInstanceOf(InvalidCiphertextException.class)
        .hasMessageContaining("commitment");
    assertThat(leftInOut()).isEmpty();
  }

  @Test
  void refusesCiphertextOfAnotherVersion() throws Exception {
    TestContent moved = TestContent.encrypt(seller, key, PRODUCT, 1, CobblestoneContext.content(PRODUCT, "2"),
        plaintext, CHUNK);

    assertThatThrownBy(() -> download(moved.source())).isInstanceOf(InvalidCiphertextException.class);
    assertThat(leftInOut()).isEmpty();
  }

  @Test
  void refusesAChunkSwappedInFromAnotherProductsCiphertext() throws Exception {
    TestContent ours = honest();
    TestContent theirs = TestContent.encrypt(seller, key, OTHER_PRODUCT, 1,
        CobblestoneContext.content(OTHER_PRODUCT, "1"), plaintext, CHUNK);
    List<byte[]> mixed = new java.util.ArrayList<>(ours.chunks());
    mixed.set(4, theirs.chunks().get(4));
    // the seller signs a manifest over the mixed chunks, so only the context binding can catch it
    byte[] ciphertext = mixed.stream().reduce(new byte[0], DownloaderTest::concat);
    TestContent spliced = TestContent.describe(seller, key, PRODUCT, 1, ciphertext, plaintext, CHUNK);

    assertThatThrownBy(() -> download(spliced.source())).isInstanceOf(InvalidCiphertextException.class);
    assertThat(leftInOut()).isEmpty();
  }

  @Test
  void refusesAManifestSignedByAnotherKeyBeforeFetchingAnyChunk() throws Exception {
    TestContent forged = TestContent.encrypt(AilockKeys.generate(), key, PRODUCT, 1,
        CobblestoneContext.content(PRODUCT, "1"), plaintext, CHUNK);
    AtomicInteger fetches = new AtomicInteger();

    assertThatThrownBy(() -> download(forged.source((index, from, chunk) -> {
      fetches.incrementAndGet();
      return new ByteArrayInputStream(chunk);
    }))).isInstanceOf(SignatureException.class);
    assertThat(fetches).hasValue(0);
    assertThat(leftInOut()).isEmpty();
  }

  @Test
  void refusesAManifestOfAnotherProduct() throws Exception {
    TestContent other = TestContent.encrypt(seller, key, OTHER_PRODUCT, 1,
        CobblestoneContext.content(OTHER_PRODUCT, "1"), plaintext, CHUNK);

    assertThatThrownBy(() -> download(other.source())).isInstanceOf(InvalidManifestException.class);
  }

  @Test
  void continuesABrokenChunkWithARangeRequest() throws Exception {
    List<Long> froms = new CopyOnWriteArrayList<>();
    AtomicInteger calls = new AtomicInteger();
    var source = honest().source((index, from, chunk) -> {
      InputStream honest = new ByteArrayInputStream(chunk, (int) from, chunk.length - (int) from);
      if (index != 2) {
        return honest;
      }
      froms.add(from);
      return calls.incrementAndGet() == 1 ? breakingAfter(honest, 20_000) : honest;
    });

    assertThat(download(source).file()).hasBinaryContent(plaintext);
    assertThat(froms).containsExactly(0L, 20_000L);
  }

  @Test
  void neverOverwritesAnExistingFileUnlessAsked() throws Exception {
    Files.createDirectories(dir.resolve("out"));
    Files.writeString(dir.resolve("out/file.bin"), "mine");

    assertThatThrownBy(() -> download(honest().source())).isInstanceOf(FileAlreadyExistsException.class);
    assertThat(dir.resolve("out/file.bin")).hasContent("mine");

    var overwrite = new DownloadRequest(PRODUCT, seller.signing().publicKey(), (p, v) -> key.clone(),
        dir.resolve("out"), true);
    new Downloader(OPTIONS).download(honest().source(), overwrite, TransferListener.NONE);
    assertThat(dir.resolve("out/file.bin")).hasBinaryContent(plaintext);
  }

  @Test
  void keepsAtMostParallelismFetchesAtOnce() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger max = new AtomicInteger();
    var source = honest().source((index, from, chunk) -> {
      max.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      sleep(20);
      inFlight.decrementAndGet();
      return new ByteArrayInputStream(chunk, (int) from, chunk.length - (int) from);
    });

    download(source);

    assertThat(max.get()).isBetween(2, OPTIONS.parallelism());
  }

  @Test
  void sanitisesTheFileNameFromTheMetadata() {
    assertThat(FileNames.safe("../../etc/passwd", "p")).isEqualTo("passwd");
    assertThat(FileNames.safe("C:\\x\\evil.exe", "p")).isEqualTo("evil.exe");
    assertThat(FileNames.safe("..", "p")).isEqualTo("p.bin");
    assertThat(FileNames.safe(".bashrc", "p")).isEqualTo("bashrc");
    assertThat(FileNames.safe("a\u0000b\nc.txt", "p")).isEqualTo("abc.txt");
  }

  static InputStream breakingAfter(InputStream in, int bytes) {
    return new FilterInputStream(in) {
      int left = bytes;

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (left == 0) {
          throw new IOException("connection reset (simulated)");
        }
        int n = super.read(b, off, Math.min(len, left));
        left -= Math.max(n, 0);
        return n;
      }
    };
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] joined = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, joined, a.length, b.length);
    return joined;
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
