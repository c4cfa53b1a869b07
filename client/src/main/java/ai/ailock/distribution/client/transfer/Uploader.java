package ai.ailock.distribution.client.transfer;

import ai.ailock.distribution.client.AilockKeys;
import ai.ailock.distribution.client.crypto.CobblestoneContext;
import ai.ailock.distribution.client.crypto.CobblestoneEncryptor;
import ai.ailock.distribution.client.envelope.KeyEnvelopes;
import ai.ailock.distribution.client.http.DistributionApiException;
import ai.ailock.distribution.client.keystore.ProductKeyring;
import ai.ailock.distribution.client.manifest.Manifest;
import ai.ailock.distribution.client.manifest.ManifestChunk;
import ai.ailock.distribution.client.manifest.ManifestDraft;
import ai.ailock.distribution.client.manifest.ProductMetadata;
import ai.ailock.distribution.client.transfer.PlaintextFile.Fingerprint;
import ai.ailock.distribution.client.transfer.TransferProgress.Phase;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Uploads a file as a product: hashes it, creates the product, opens an upload session, then streams the file
 * through Cobblestone-256 encryption into transport chunks that are hashed and sent, several at a time, and
 * finally completes the upload with the signed manifest. Memory stays at about {@code parallelism + 1} chunks.
 *
 * <p>Before the first chunk is read, an owner-only {@link UploadStateFile state file} records the upload id, the
 * input key (sealed to the owner's own X25519 key) and the salt. After a crash, {@link #resume} re-encrypts the
 * unchanged file deterministically with the same key and salt, asks which chunks the service holds and sends only
 * the missing ones. On success the input key goes to the owner's {@link ProductKeyring} and the state file is
 * deleted. Not thread-safe: one upload per instance at a time.
 */
public final class Uploader {
  private final UploadService service;
  private final AilockKeys owner;
  private final ProductKeyring keyring;
  private final TransferOptions options;
  private final Clock clock;

  public Uploader(UploadService service, AilockKeys owner, ProductKeyring keyring, TransferOptions options) {
    this(service, owner, keyring, options, Clock.systemUTC());
  }

  public Uploader(UploadService service, AilockKeys owner, ProductKeyring keyring, TransferOptions options,
      Clock clock) {
    this.service = service;
    this.owner = owner;
    this.keyring = keyring;
    this.options = options;
    this.clock = clock;
  }

  /**
   * Uploads {@code file} as a new product.
   *
   * @param stateFile where to keep the resumable state until the upload completes; must not exist
   * @throws FileAlreadyExistsException if {@code stateFile} exists (resume that upload or delete it)
   * @throws FileChangedException if the file changed while it was read
   * @throws ai.ailock.distribution.client.http.DistributionApiException if the service refused a step; the state
   *     file is kept, so transient causes can be {@link #resume resumed}
   */
  public UploadResult upload(Path file, ProductDraft draft, Path stateFile, TransferListener listener)
      throws IOException, GeneralSecurityException {
    if (Files.exists(stateFile)) {
      throw new FileAlreadyExistsException(stateFile.toString(), null, "an unfinished upload's state; resume it");
    }
    var progress = new ProgressTracker(listener);
    Path absolute = file.toAbsolutePath();
    Fingerprint fingerprint = PlaintextFile.fingerprint(absolute, progress);
    Retry retry = options.retry();
    String productId = service.createProduct(draft, fingerprint.length()); // not idempotent: never retried
    long ciphertextLength = CobblestoneEncryptor.ciphertextLength(fingerprint.length());
    UploadSessionInfo session = call(retry,
        () -> service.initUpload(productId, ciphertextLength, options.chunkSize()));
    byte[] inputKey = CobblestoneEncryptor.generateKey();
    try (PlaintextFile.Hashing plaintext = PlaintextFile.open(absolute);
        CobblestoneEncryptor encryptor = CobblestoneEncryptor.encrypting(inputKey,
            contentContext(productId, session.version()), plaintext)) {
      var metadata = new ProductMetadata(String.valueOf(absolute.getFileName()), draft.contentType(),
          fingerprint.sha256(), fingerprint.length());
      var state = new UploadState(absolute, fingerprint.length(), fingerprint.sha256(), productId,
          session.version(), session.uploadId(), ciphertextLength, session.chunkSize(), encryptor.salt(),
          sealToSelf(inputKey), owner.keyId(), metadata.encrypt(inputKey, productId, session.version()),
          clock.instant(), draft.copyFor() == null ? null : draft.copyFor().transferId());
      UploadStateFile.create(stateFile, state);
      return transmit(state, inputKey, encryptor, plaintext, session, stateFile, progress);
    } finally {
      Arrays.fill(inputKey, (byte) 0);
    }
  }

  /**
   * Resumes the upload recorded in {@code stateFile}, sending only the chunks the service lacks.
   *
   * @throws FileChangedException if the file no longer has the length and SHA-256 recorded when the upload began
   * @throws ai.ailock.distribution.client.keystore.InsecurePermissionsException if the state file is not owner-only
   * @throws InvalidKeyException if the state file belongs to another Ailock
   */
  public UploadResult resume(Path stateFile, TransferListener listener) throws IOException, GeneralSecurityException {
    UploadState state = UploadStateFile.read(stateFile);
    if (!state.ownerKeyId().equals(owner.keyId())) {
      throw new InvalidKeyException("the upload " + state.uploadId() + " belongs to key " + state.ownerKeyId());
    }
    var progress = new ProgressTracker(listener);
    Fingerprint fingerprint = PlaintextFile.fingerprint(state.file(), progress);
    if (fingerprint.length() != state.plaintextLength() || !fingerprint.sha256().equals(state.plaintextSha256())) {
      throw new FileChangedException(state.file(), "since the upload began");
    }
    UploadSessionInfo session = call(options.retry(), () -> service.uploadStatus(state.uploadId()));
    if ("expired".equals(session.state())) {
      throw new DistributionApiException(410, "upload_expired", "the upload session expired; start a new upload",
          List.of());
    }
    byte[] inputKey = KeyEnvelopes.open(state.keyEnvelope(), owner.encryption());
    try (PlaintextFile.Hashing plaintext = PlaintextFile.open(state.file());
        CobblestoneEncryptor encryptor = CobblestoneEncryptor.resuming(inputKey,
            contentContext(state.productId(), state.version()), plaintext, state.salt())) {
      return transmit(state, inputKey, encryptor, plaintext, session, stateFile, progress);
    } finally {
      Arrays.fill(inputKey, (byte) 0);
    }
  }

  /**
   * Sends what the service lacks and completes. If the file changes while it is read, the chunks sent so far mix
   * two plaintexts under one key and salt: the state is deleted so the upload can never be resumed.
   */
  private UploadResult transmit(UploadState state, byte[] inputKey, CobblestoneEncryptor encryptor,
      PlaintextFile.Hashing plaintext, UploadSessionInfo session, Path stateFile, ProgressTracker progress)
      throws IOException, GeneralSecurityException {
    try {
      return send(state, inputKey, encryptor, plaintext, session, stateFile, progress);
    } catch (FileChangedException e) {
      UploadStateFile.delete(stateFile);
      throw e;
    }
  }

  private UploadResult send(UploadState state, byte[] inputKey, CobblestoneEncryptor encryptor,
      PlaintextFile.Hashing plaintext, UploadSessionInfo session, Path stateFile, ProgressTracker progress)
      throws IOException, GeneralSecurityException {
    requireSameSession(state, session);
    Set<Integer> held = new HashSet<>(session.received());
    progress.start(Phase.UPLOADING, state.ciphertextLength());
    List<String> hashes;
    String ciphertextSha256;
    int sent;
    try (var sender = new ChunkSender(service, state.uploadId(), session.chunkCount(), options.parallelism(),
        state.chunkSize(), options.retry(), progress)) {
      for (int index = 0; index < session.chunkCount(); index++) {
        int length = chunkLength(state, index);
        byte[] buffer = sender.buffer();
        if (encryptor.readNBytes(buffer, 0, length) != length) {
          sender.release(buffer);
          throw new FileChangedException(state.file(), "while it was read (it is shorter)");
        }
        sender.submit(index, buffer, length, !held.contains(index));
      }
      if (encryptor.read() != -1) {
        throw new FileChangedException(state.file(), "while it was read (it is longer)");
      }
      hashes = sender.awaitAll();
      ciphertextSha256 = sender.wholeSha256();
      sent = sender.sent();
    }
    List<ManifestChunk> chunks = new ArrayList<>(hashes.size());
    for (int index = 0; index < hashes.size(); index++) {
      chunks.add(new ManifestChunk(index, (long) index * state.chunkSize(), chunkLength(state, index),
          hashes.get(index)));
    }
    Fingerprint read = plaintext.fingerprint();
    if (read.length() != state.plaintextLength() || !read.sha256().equals(state.plaintextSha256())) {
      throw new FileChangedException(state.file(), "while it was read");
    }
    return complete(state, inputKey, chunks, ciphertextSha256, sent, session.chunkCount() - sent, stateFile,
        progress);
  }

  private UploadResult complete(UploadState state, byte[] inputKey, List<ManifestChunk> chunks,
      String ciphertextSha256, int sent, int skipped, Path stateFile, ProgressTracker progress)
      throws IOException, GeneralSecurityException {
    progress.start(Phase.COMPLETING, 0);
    Manifest manifest = Manifest.sign(new ManifestDraft(state.productId(), state.version(), state.ciphertextLength(),
        ciphertextSha256, state.chunkSize(), chunks, state.encryptedMetadata(), state.manifestCreatedAt(),
        state.transferId()), owner);
    keyring.store(state.productId(), state.version(), inputKey);
    CompletedUpload completed = call(options.retry(),
        () -> service.completeUpload(state.uploadId(), ciphertextSha256, manifest));
    UploadStateFile.delete(stateFile);
    progress.start(Phase.DONE, 0);
    return new UploadResult(state.productId(), state.version(), state.uploadId(), state.plaintextLength(),
        state.plaintextSha256(), state.ciphertextLength(), ciphertextSha256, manifest.sha256(), sent, skipped,
        completed);
  }

  private static int chunkLength(UploadState state, int index) {
    return (int) Math.min(state.chunkSize(), state.ciphertextLength() - (long) index * state.chunkSize());
  }

  private static void requireSameSession(UploadState state, UploadSessionInfo session) throws IOException {
    boolean same = session.uploadId().equals(state.uploadId()) && session.productId().equals(state.productId())
        && session.version() == state.version() && session.chunkSize() == state.chunkSize()
        && session.ciphertextLength() == state.ciphertextLength()
        && session.chunkCount() == (state.ciphertextLength() + state.chunkSize() - 1) / state.chunkSize();
    if (!same) {
      throw new IOException("the service describes upload " + session.uploadId()
          + " differently from the local state of upload " + state.uploadId());
    }
  }

  private byte[] sealToSelf(byte[] inputKey) {
    try {
      return KeyEnvelopes.seal(inputKey, owner.encryption().publicKey());
    } catch (InvalidKeyException e) {
      throw new IllegalStateException("the owner's own X25519 key is refused", e);
    }
  }

  private static CobblestoneContext contentContext(String productId, int version) {
    return CobblestoneContext.content(productId, Integer.toString(version));
  }

  private static <T> T call(Retry retry, Retry.Attempt<T> attempt) throws IOException, GeneralSecurityException {
    try {
      return retry.call(attempt);
    } catch (Exception e) {
      throw Retry.rethrow(e);
    }
  }
}
