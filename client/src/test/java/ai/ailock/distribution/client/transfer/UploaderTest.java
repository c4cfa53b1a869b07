package ai.ailock.distribution.client.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.ailock.distribution.client.AilockKeys;
import ai.ailock.distribution.client.http.DistributionApiException;
import ai.ailock.distribution.client.keystore.ProductKeyring;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploaderTest {
  static final int CHUNK = 64 * 1024;
  static final TransferOptions FAST = TransferOptions.defaults().withChunkSize(CHUNK)
      .withRetries(4, Duration.ofMillis(1));

  @TempDir Path dir;
  final AilockKeys seller = AilockKeys.generate();
  final InMemoryService service = new InMemoryService(seller);

  Path file(String name, int size, long seed) throws IOException {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return Files.write(dir.resolve(name), bytes);
  }

  ProductKeyring keyring() {
    return new ProductKeyring(dir.resolve("products"), seller);
  }

  Uploader uploader() {
    return new Uploader(service, seller, keyring(), FAST);
  }

  static ProductDraft draft() {
    return new ProductDraft("Test", "application/octet-stream", null);
  }

  DownloadResult downloadBack(String productId) throws IOException, GeneralSecurityException {
    ProductKeyring keyring = keyring();
    var request = new DownloadRequest(productId, seller.signing().publicKey(),
        (product, version) -> keyring.inputKey(product, version).orElseThrow(), dir.resolve("out"), false);
    return new Downloader(FAST).download(service.content(productId).source(), request, TransferListener.NONE);
  }

  @Test
  void uploadsAFileInManyChunksAndReadsItBack() throws Exception {
    Path file = file("data.bin", 1_000_000, 1);
    Path state = dir.resolve("uploads/state.json");

    UploadResult result = uploader().upload(file, draft(), state, TransferListener.NONE);

    assertThat(result.chunksSent()).isEqualTo(16).isEqualTo((int) ((result.ciphertextLength() + CHUNK - 1) / CHUNK));
    assertThat(result.chunksSkipped()).isZero();
    assertThat(state).doesNotExist();
    assertThat(keyring().contains(result.productId(), 1)).isTrue();
    DownloadResult back = downloadBack(result.productId());
    assertThat(back.file()).hasSameBinaryContentAs(file).hasFileName("data.bin");
    assertThat(back.clientHash()).isEqualTo(result.plaintextSha256());
    assertThat(back.manifestSha256()).isEqualTo(result.manifestSha256());
  }

  @Test
  void uploadsAnEmptyFile() throws Exception {
    Path file = file("empty.txt", 0, 2);

    UploadResult result = uploader().upload(file, draft(), dir.resolve("state.json"), TransferListener.NONE);

    assertThat(result.ciphertextLength()).isEqualTo(72);
    assertThat(downloadBack(result.productId()).file()).isEmptyFile();
  }

  @Test
  void keepsAtMostParallelismChunksInFlight() throws Exception {
    service.putDelayMillis = 20;

    uploader().upload(file("data.bin", 1_500_000, 3), draft(), dir.resolve("state.json"), TransferListener.NONE);

    assertThat(service.maxInFlight.get()).isBetween(2, FAST.parallelism());
  }

  @Test
  void reportsProgressUpToTheCiphertextLength() throws Exception {
    var phases = new java.util.concurrent.ConcurrentLinkedQueue<TransferProgress>();

    UploadResult result = uploader().upload(file("data.bin", 300_000, 4), draft(), dir.resolve("state.json"),
        phases::add);

    assertThat(phases).extracting(TransferProgress::phase).containsSubsequence(TransferProgress.Phase.HASHING,
        TransferProgress.Phase.UPLOADING, TransferProgress.Phase.COMPLETING, TransferProgress.Phase.DONE);
    assertThat(phases).filteredOn(p -> p.phase() == TransferProgress.Phase.UPLOADING)
        .extracting(TransferProgress::done).contains(result.ciphertextLength());
  }

  @Test
  void resumesAfterACrashSendingOnlyTheMissingChunks() throws Exception {
    Path file = file("data.bin", 1_000_000, 5);
    Path state = dir.resolve("uploads/state.json");
    service.crashAfterPuts = 6;

    assertThatThrownBy(() -> uploader().upload(file, draft(), state, TransferListener.NONE))
        .hasMessageContaining("simulated crash");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state))).isEqualTo("rw-------");
    int heldAfterCrash = service.puts.get();
    service.crashAfterPuts = -1;
    int putsBeforeResume = service.puts.get();

    UploadResult result = new Uploader(service, seller, keyring(), FAST).resume(state, TransferListener.NONE);

    assertThat(heldAfterCrash).isEqualTo(6);
    assertThat(result.chunksSkipped()).isEqualTo(heldAfterCrash);
    assertThat(result.chunksSent()).isEqualTo(16 - heldAfterCrash)
        .isEqualTo(service.puts.get() - putsBeforeResume);
    assertThat(state).doesNotExist();
    assertThat(downloadBack(result.productId()).file()).hasSameBinaryContentAs(file);
  }

  @Test
  void refusesToResumeWhenTheFileChanged() throws Exception {
    Path file = file("data.bin", 500_000, 6);
    Path state = dir.resolve("state.json");
    service.crashAfterPuts = 2;
    assertThatThrownBy(() -> uploader().upload(file, draft(), state, TransferListener.NONE));
    service.crashAfterPuts = -1;
    byte[] changed = Files.readAllBytes(file);
    changed[400_000] ^= 1;
    Files.write(file, changed);
    int putsBefore = service.puts.get();

    assertThatThrownBy(() -> uploader().resume(state, TransferListener.NONE))
        .isInstanceOf(FileChangedException.class);
    assertThat(service.puts.get()).isEqualTo(putsBefore);
  }

  @Test
  void abandonsAnUploadWhoseFileChangesWhileItIsRead() throws Exception {
    Path file = file("data.bin", 600_000, 12);
    Path state = dir.resolve("state.json");
    service.putHook = (index, attempt) -> {
      if (index == 1 && attempt == 1) {
        try {
          byte[] changed = Files.readAllBytes(file);
          changed[500_000] ^= 1;
          Files.write(file, changed);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    };
    service.putDelayMillis = 30;

    assertThatThrownBy(() -> new Uploader(service, seller, keyring(), FAST.withParallelism(1))
        .upload(file, draft(), state, TransferListener.NONE)).isInstanceOf(FileChangedException.class);
    assertThat(state).doesNotExist();
    assertThat(service.completions).hasValue(0);
  }

  @Test
  void refusesToResumeAnotherAilocksUpload() throws Exception {
    Path state = dir.resolve("state.json");
    service.crashAfterPuts = 1;
    assertThatThrownBy(() -> uploader().upload(file("data.bin", 200_000, 7), draft(), state, TransferListener.NONE));

    var stranger = AilockKeys.generate();
    assertThatThrownBy(() -> new Uploader(service, stranger, new ProductKeyring(dir, stranger), FAST)
        .resume(state, TransferListener.NONE)).isInstanceOf(java.security.InvalidKeyException.class);
  }

  @Test
  void retriesTransientChunkFailures() throws Exception {
    service.putHook = (index, attempt) -> {
      if (index == 3 && attempt <= 2) {
        throw InMemoryService.refused(503, "storage_unavailable");
      }
      if (index == 5 && attempt == 1) {
        throw new java.io.UncheckedIOException(new IOException("connection reset"));
      }
    };

    UploadResult result = uploader().upload(file("data.bin", 600_000, 8), draft(), dir.resolve("s.json"),
        TransferListener.NONE);

    assertThat(service.attempts.get(3)).hasValue(3);
    assertThat(service.attempts.get(5)).hasValue(2);
    assertThat(downloadBack(result.productId()).file()).hasSameBinaryContentAs(dir.resolve("data.bin"));
  }

  @Test
  void stopsAtTheFirstFatalRefusalAndKeepsTheState() throws Exception {
    service.putHook = (index, attempt) -> {
      if (index == 2) {
        throw InMemoryService.refused(409, "chunk_conflict");
      }
    };
    Path state = dir.resolve("state.json");

    assertThatThrownBy(() -> uploader().upload(file("data.bin", 900_000, 9), draft(), state, TransferListener.NONE))
        .isInstanceOfSatisfying(DistributionApiException.class, e -> assertThat(e.code()).isEqualTo("chunk_conflict"));
    assertThat(service.attempts.get(2)).hasValue(1);
    assertThat(state).exists();
    assertThat(service.completions).hasValue(0);
  }

  @Test
  void completesIdempotentlyWhenTheAnswerWasLost() throws Exception {
    service.loseFirstCompletionAnswer = true;

    UploadResult result = uploader().upload(file("data.bin", 200_000, 10), draft(), dir.resolve("s.json"),
        TransferListener.NONE);

    assertThat(service.completions).hasValue(2); // the retry sent the identical manifest
    assertThat(result.completed().status()).isEqualTo("ready");
  }

  @Test
  void refusesToStartOverAnUnfinishedUploadsState() throws Exception {
    Path state = dir.resolve("state.json");
    Files.writeString(state, "{}");

    assertThatThrownBy(() -> uploader().upload(file("data.bin", 10, 11), draft(), state, TransferListener.NONE))
        .isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
    assertThat(service.productSizes).isEmpty();
  }
}
