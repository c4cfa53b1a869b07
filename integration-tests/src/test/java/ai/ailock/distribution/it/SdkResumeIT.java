package ai.ailock.distribution.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.ailock.distribution.client.http.SignedHttp;
import ai.ailock.distribution.client.keystore.ProductKeyring;
import ai.ailock.distribution.client.manifest.Manifest;
import ai.ailock.distribution.client.transfer.CompletedUpload;
import ai.ailock.distribution.client.transfer.DownloadRequest;
import ai.ailock.distribution.client.transfer.Downloader;
import ai.ailock.distribution.client.transfer.HttpUploadService;
import ai.ailock.distribution.client.transfer.OwnerContentSource;
import ai.ailock.distribution.client.transfer.ProductDraft;
import ai.ailock.distribution.client.transfer.TransferListener;
import ai.ailock.distribution.client.transfer.TransferOptions;
import ai.ailock.distribution.client.transfer.UploadResult;
import ai.ailock.distribution.client.transfer.UploadService;
import ai.ailock.distribution.client.transfer.UploadSessionInfo;
import ai.ailock.distribution.client.transfer.Uploader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upload interrupted after some chunks (the process "crashes": every later chunk request fails) is resumed
 * by a new uploader from the state file: it re-encrypts the same ciphertext and sends only what is missing.
 */
class SdkResumeIT extends SdkServerSupport {
  static final int CHUNK = 64 * 1024;
  static final int CRASH_AFTER = 12;

  @TempDir Path dir;

  /** The real service, counting chunk requests, optionally dying after a number of them. */
  static class CountingService implements UploadService {
    final UploadService real;
    final int crashAfter;
    final AtomicInteger chunksSent = new AtomicInteger();

    CountingService(UploadService real, int crashAfter) {
      this.real = real;
      this.crashAfter = crashAfter;
    }

    @Override
    public String createProduct(ProductDraft draft, long size) {
      return real.createProduct(draft, size);
    }

    @Override
    public UploadSessionInfo initUpload(String productId, long ciphertextLength, Integer chunkSize) {
      return real.initUpload(productId, ciphertextLength, chunkSize);
    }

    @Override
    public UploadSessionInfo uploadStatus(String uploadId) {
      return real.uploadStatus(uploadId);
    }

    @Override
    public void putChunk(String uploadId, int index, byte[] bytes, int length, String sha256) {
      if (crashAfter >= 0 && chunksSent.incrementAndGet() > crashAfter) {
        throw new IllegalStateException("simulated crash");
      }
      real.putChunk(uploadId, index, bytes, length, sha256);
      if (crashAfter < 0) {
        chunksSent.incrementAndGet();
      }
    }

    @Override
    public CompletedUpload completeUpload(String uploadId, String ciphertextSha256, Manifest manifest) {
      return real.completeUpload(uploadId, ciphertextSha256, manifest);
    }
  }

  @Test
  void resumesAfterACrashSendingOnlyTheMissingChunks() throws Exception {
    SignedHttp seller = registeredAilock();
    var keyring = new ProductKeyring(dir.resolve("keys"), seller.keys());
    Path file = generate(dir.resolve("video.mp4"), 2 * 1024 * 1024 + 777, 7);
    Path state = dir.resolve("uploads/video.json");
    var options = TransferOptions.defaults().withChunkSize(CHUNK);
    var crashing = new CountingService(new HttpUploadService(seller), CRASH_AFTER);

    assertThatThrownBy(() -> new Uploader(crashing, seller.keys(), keyring, options)
        .upload(file, new ProductDraft("Video", "video/mp4", null), state, TransferListener.NONE))
        .hasMessageContaining("simulated crash");
    assertThat(state).exists();

    var resuming = new CountingService(new HttpUploadService(seller), -1);
    UploadResult result = new Uploader(resuming, seller.keys(), keyring, options).resume(state, TransferListener.NONE);

    int total = 33;
    assertThat(result.chunksSkipped() + result.chunksSent()).isEqualTo(total);
    // The crash may cut short requests still in flight, so up to CRASH_AFTER chunks survive; the resumed run
    // sends exactly the ones the service lacks.
    assertThat(result.chunksSkipped()).isBetween(CRASH_AFTER - options.parallelism() + 1, CRASH_AFTER);
    assertThat(resuming.chunksSent.get()).isEqualTo(result.chunksSent()).isEqualTo(total - result.chunksSkipped())
        .isLessThan(total);
    assertThat(Files.exists(state)).isFalse();
    assertThat(result.completed().status()).isEqualTo("ready");

    var downloaded = new Downloader(options).download(new OwnerContentSource(seller, result.productId()),
        new DownloadRequest(result.productId(), seller.keys().signing().publicKey(),
            (product, version) -> keyring.inputKey(product, version).orElseThrow(), dir.resolve("out"), false),
        TransferListener.NONE);
    assertThat(downloaded.file()).hasSameBinaryContentAs(file);
  }

  @Test
  void resumesAnUploadWhoseCompletionAnswerWasLost() throws Exception {
    SignedHttp seller = registeredAilock();
    var keyring = new ProductKeyring(dir.resolve("keys"), seller.keys());
    Path file = generate(dir.resolve("doc.pdf"), 300_000, 8);
    Path state = dir.resolve("state.json");
    var options = TransferOptions.defaults().withChunkSize(CHUNK);
    var diesAfterCompleting = new CountingService(new HttpUploadService(seller), -1) {
      @Override
      public CompletedUpload completeUpload(String uploadId, String ciphertextSha256, Manifest manifest) {
        real.completeUpload(uploadId, ciphertextSha256, manifest);
        throw new IllegalStateException("simulated crash after the service completed");
      }
    };
    assertThatThrownBy(() -> new Uploader(diesAfterCompleting, seller.keys(), keyring, options)
        .upload(file, new ProductDraft("Doc", "application/pdf", null), state, TransferListener.NONE))
        .hasMessageContaining("simulated crash");

    var resuming = new CountingService(new HttpUploadService(seller), -1);
    UploadResult result = new Uploader(resuming, seller.keys(), keyring, options).resume(state, TransferListener.NONE);

    assertThat(resuming.chunksSent.get()).isZero();
    assertThat(result.chunksSkipped()).isEqualTo(5);
    assertThat(result.completed().status()).isEqualTo("ready"); // same manifest again: accepted idempotently
    assertThat(result.completed().manifestSha256()).isEqualTo(result.manifestSha256());
    assertThat(state).doesNotExist();
  }
}
