package ai.ailock.distribution.client.transfer;

import ai.ailock.distribution.client.crypto.CiphertextIOException;
import ai.ailock.distribution.client.crypto.CobblestoneContext;
import ai.ailock.distribution.client.crypto.CobblestoneDecryptor;
import ai.ailock.distribution.client.crypto.CobblestoneEncryptor;
import ai.ailock.distribution.client.manifest.InvalidManifestException;
import ai.ailock.distribution.client.manifest.Manifest;
import ai.ailock.distribution.client.manifest.ManifestParser;
import ai.ailock.distribution.client.manifest.ProductMetadata;
import ai.ailock.distribution.client.transfer.PlaintextFile.Fingerprint;
import ai.ailock.distribution.client.transfer.TransferProgress.Phase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Downloads a product and decrypts it, trusting nothing the source says until it checks out: the manifest must be
 * well-formed, for the product asked for, and signed by the expected seller key, before any chunk is fetched.
 * Chunks are fetched in parallel (bounded), each checked against the manifest's SHA-256, and fed in order into
 * Cobblestone-256 decryption; the plaintext goes to a temporary owner-only file in the target directory. Only
 * when decryption authenticated the end of the message and the plaintext's length and SHA-256 equal the encrypted
 * metadata's is the file renamed into place, atomically. On any failure the temporary file is deleted. The
 * plaintext is hashed and written on its own thread ({@link PlaintextSink}) while the next records decrypt. Memory
 * stays at about {@code parallelism + 2} chunks and 3 MiB. Thread-safe: each call is independent.
 */
public final class Downloader {
  private final TransferOptions options;

  public Downloader(TransferOptions options) {
    this.options = options;
  }

  /**
   * @return where the verified file is
   * @throws InvalidManifestException if the manifest is malformed, for another product, or a copy made for another
   *     transfer
   * @throws java.security.SignatureException if the manifest is not signed by the expected key
   * @throws ai.ailock.distribution.client.crypto.InvalidCiphertextException if the ciphertext does not decrypt
   *     under this key and this product's context (modified, truncated, or moved from another product or version)
   * @throws IntegrityException if a chunk or the plaintext does not match its hash or length
   * @throws ContentRejectedException if the options' {@link ContentScanner} found malware or abuse (no file is left)
   * @throws java.nio.file.FileAlreadyExistsException if the file exists and {@code overwrite} is false
   * @throws IOException if fetching fails after retries, or writing fails
   */
  public DownloadResult download(ContentSource source, DownloadRequest request, TransferListener listener)
      throws IOException, GeneralSecurityException {
    Retry retry = options.retry();
    byte[] manifestBytes = call(retry, source::manifest);
    Manifest manifest = ManifestParser.parse(manifestBytes);
    if (!manifest.productId().equals(request.productId())) {
      throw new InvalidManifestException("the manifest is for product " + manifest.productId() + ", not "
          + request.productId());
    }
    if (request.transferId() != null && manifest.transferId() != null
        && !manifest.transferId().equals(request.transferId())) {
      throw new InvalidManifestException("this personalized copy was made for transfer " + manifest.transferId()
          + ", not " + request.transferId());
    }
    manifest.verify(request.sellerEd25519PublicKey());
    byte[] inputKey = request.keys().inputKey(manifest.productId(), manifest.version());
    try {
      ProductMetadata metadata = ProductMetadata.decrypt(inputKey, manifest.productId(), manifest.version(),
          manifest.encryptedMetadata());
      if (CobblestoneEncryptor.ciphertextLength(metadata.plaintextLength()) != manifest.ciphertextLength()) {
        throw new InvalidManifestException("a " + metadata.plaintextLength() + "-byte file cannot encrypt to "
            + manifest.ciphertextLength() + " bytes");
      }
      Files.createDirectories(request.directory());
      Path target = request.directory().resolve(FileNames.safe(metadata.fileName(), manifest.productId()));
      if (!request.overwrite() && Files.exists(target)) {
        throw new java.nio.file.FileAlreadyExistsException(target.toString());
      }
      var progress = new ProgressTracker(listener);
      Path temporary = FileNames.temporaryIn(request.directory());
      try {
        decryptInto(temporary, source, manifest, metadata, inputKey, progress);
        progress.start(Phase.VERIFYING, 0);
        ContentScanner.Verdict verdict = options.scanner().scan(temporary, metadata);
        if (!verdict.clean()) {
          throw new ContentRejectedException(verdict);
        }
        FileNames.publish(temporary, target, request.overwrite());
      } finally {
        Files.deleteIfExists(temporary);
      }
      progress.start(Phase.DONE, 0);
      return new DownloadResult(target, metadata, manifest, manifest.sha256());
    } finally {
      Arrays.fill(inputKey, (byte) 0);
    }
  }

  private void decryptInto(Path temporary, ContentSource source, Manifest manifest, ProductMetadata metadata,
      byte[] inputKey, ProgressTracker progress) throws IOException, GeneralSecurityException {
    progress.start(Phase.DOWNLOADING, manifest.ciphertextLength());
    var context = CobblestoneContext.content(manifest.productId(), Integer.toString(manifest.version()));
    Fingerprint written;
    try (var fetcher = new ChunkFetcher(source, manifest, options.parallelism(), options.retry(), progress);
        FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
        var sink = new PlaintextSink(channel)) {
      try (InputStream plaintext = CobblestoneDecryptor.decrypting(inputKey, context, fetcher.ciphertext())) {
        while (true) {
          byte[] buffer = sink.buffer();
          int n = plaintext.readNBytes(buffer, 0, buffer.length);
          if (n == 0) {
            sink.release(buffer);
            break;
          }
          sink.submit(buffer, n);
        }
      } catch (CiphertextIOException e) {
        throw e.getCause();
      } catch (IOException e) {
        Throwable fetchFailure = fetcher.failure();
        throw Retry.rethrow(fetchFailure != null ? fetchFailure : e);
      }
      written = sink.finish();
    }
    long length = written.length();
    if (length != metadata.plaintextLength()) {
      throw new IntegrityException("the plaintext has " + length + " bytes, the metadata says "
          + metadata.plaintextLength());
    }
    byte[] actual = written.sha256().getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(actual, metadata.plaintextSha256().getBytes(StandardCharsets.US_ASCII))) {
      throw new IntegrityException("the plaintext does not match the metadata's SHA-256");
    }
  }

  private static <T> T call(Retry retry, Retry.Attempt<T> attempt) throws IOException, GeneralSecurityException {
    try {
      return retry.call(attempt);
    } catch (Exception e) {
      throw Retry.rethrow(e);
    }
  }
}
