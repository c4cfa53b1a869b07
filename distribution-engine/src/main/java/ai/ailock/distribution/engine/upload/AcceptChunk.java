package ai.ailock.distribution.engine.upload;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.Limits;
import ai.ailock.distribution.engine.blob.BlobAlreadyExistsException;
import ai.ailock.distribution.engine.blob.BlobKey;
import ai.ailock.distribution.engine.blob.BlobStore;
import ai.ailock.distribution.engine.blob.BlobStoreException;
import ai.ailock.distribution.engine.identity.Caller;
import java.io.InputStream;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Takes one transport chunk of an upload, streaming it into the blob store while checking its length and
 * SHA-256. The rules (foundation issue):
 * <ul>
 *   <li>the same bytes again for a held index succeed without being read (idempotent retry);
 *   <li>different bytes for a held index are refused with {@code chunk_conflict} (409);
 *   <li>bytes whose hash differs from the declared one are refused with {@code chunk_hash_mismatch} (422)
 *       and nothing is stored;
 *   <li>a body declared larger than the chunk limit is refused with {@code chunk_too_large} (413) before
 *       any of it is read;
 *   <li>a chunk whose session closed while it streamed is refused with {@code upload_already_completed} (409) or
 *       {@code upload_expired} (410), and its blob removed unless the session holds the same bytes.
 * </ul>
 * The body never sits whole in memory, and no database transaction is open while it streams. A chunk held is
 * handed to the {@link TrailingDigests}, which folds it into the upload's whole-ciphertext SHA-256 once its turn
 * comes.
 */
public final class AcceptChunk {
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

  private final UploadSessions sessions;
  private final BlobStore blobs;
  private final TrailingDigests digests;
  private final Limits limits;
  private final Clock clock;

  public AcceptChunk(UploadSessions sessions, BlobStore blobs, TrailingDigests digests, Limits limits, Clock clock) {
    this.sessions = sessions;
    this.blobs = blobs;
    this.digests = digests;
    this.limits = limits;
    this.clock = clock;
  }

  /** What happened to a chunk: {@code stored} is false when an identical chunk was already held. */
  public record Accepted(int index, int size, String sha256, boolean stored) {}

  /**
   * @param declaredLength the body's Content-Length, or null if the client streamed without one
   * @param body the chunk's bytes; read at most once, not closed
   */
  public Accepted accept(Caller caller, UploadId uploadId, int index, String sha256,
      @Nullable Long declaredLength, InputStream body) {
    if (declaredLength != null && declaredLength > limits.maxChunkBytes()) {
      throw new DistributionException(ErrorCode.CHUNK_TOO_LARGE,
          "chunks are limited to " + limits.maxChunkBytes() + " bytes");
    }
    if (!SHA256_HEX.matcher(sha256).matches()) {
      throw new DistributionException(ErrorCode.MALFORMED_REQUEST, "the chunk's SHA-256 must be 64 lowercase hex digits");
    }
    UploadSessions.Slot slot = openSlot(caller, uploadId, index);
    UploadSession session = slot.session();
    if (index < 0 || index >= session.chunkCount()) {
      throw new DistributionException(ErrorCode.CHUNK_INDEX_OUT_OF_RANGE,
          "chunk index must be in [0, " + session.chunkCount() + ")");
    }
    int length = session.chunkLength(index);
    if (declaredLength != null && declaredLength != length) {
      throw new DistributionException(ErrorCode.CHUNK_LENGTH_MISMATCH,
          "chunk " + index + " must be " + length + " bytes, not " + declaredLength);
    }
    Optional<StoredChunk> alreadyHeld = slot.held();
    if (alreadyHeld.isPresent()) {
      return sameOrConflict(alreadyHeld.get(), sha256, false);
    }
    BlobKey key = session.chunkKey(index, sha256);
    store(key, body, length, sha256);
    Optional<UploadSessions.Held> held = sessions.hold(uploadId, new StoredChunk(index, length, sha256, key));
    if (held.isEmpty()) {
      deleteUnlessHeld(uploadId, index, key);
      throw noLongerOpen(uploadId);
    }
    StoredChunk winner = held.get().chunk();
    if (!winner.blobKey().equals(key)) {
      blobs.delete(key); // a different chunk won the race for this index; ours is the odd one out
    }
    Accepted accepted = sameOrConflict(winner, sha256, held.get().added());
    digests.held(uploadId, winner);
    return accepted;
  }

  /**
   * Deletes the blob just stored for a session that closed meanwhile, unless the session holds it: identical bytes
   * share one key, so a request that lost the race to an identical chunk must not delete what the winner, and the
   * completed upload, point to.
   */
  private void deleteUnlessHeld(UploadId uploadId, int index, BlobKey key) {
    boolean heldByTheSession = sessions.chunk(uploadId, index).map(StoredChunk::blobKey).filter(key::equals)
        .isPresent();
    if (!heldByTheSession) {
      blobs.delete(key);
    }
  }

  private DistributionException noLongerOpen(UploadId uploadId) {
    boolean completed = sessions.find(uploadId).map(UploadSession::state).filter(UploadState.COMPLETED::equals)
        .isPresent();
    return completed ? alreadyCompleted()
        : new DistributionException(ErrorCode.UPLOAD_EXPIRED, "the upload session has expired; start a new one");
  }

  private static DistributionException alreadyCompleted() {
    return new DistributionException(ErrorCode.UPLOAD_ALREADY_COMPLETED, "the upload is already complete");
  }

  private UploadSessions.Slot openSlot(Caller caller, UploadId uploadId, int index) {
    UploadSessions.Slot slot = sessions.slot(uploadId, index)
        .filter(s -> s.session().owner().equals(caller.ailock()))
        .orElseThrow(() -> new DistributionException(ErrorCode.UPLOAD_NOT_FOUND, "no such upload"));
    UploadSession session = slot.session();
    if (session.state() == UploadState.COMPLETED) {
      throw alreadyCompleted();
    }
    if (!session.acceptsChunks(clock.instant())) {
      throw new DistributionException(ErrorCode.UPLOAD_EXPIRED, "the upload session has expired; start a new one");
    }
    return slot;
  }

  private void store(BlobKey key, InputStream body, int length, String sha256) {
    var verifying = new VerifyingInputStream(body, length, sha256);
    try {
      blobs.put(key, verifying, length);
    } catch (BlobAlreadyExistsException e) {
      // The key names this exact content (its hash is in the key), verified when it was first stored.
    } catch (BlobStoreException e) {
      VerifyingInputStream.Failure failure = verifying.failure();
      if (failure == null) {
        throw e;
      }
      throw switch (failure) {
        case HASH_MISMATCH -> new DistributionException(ErrorCode.CHUNK_HASH_MISMATCH,
            "the chunk's bytes do not match its declared SHA-256; nothing was stored");
        case INTERRUPTED -> new DistributionException(ErrorCode.CHUNK_INTERRUPTED,
            "the chunk's body broke off before it was complete; nothing was stored");
        case TOO_SHORT, TOO_LONG -> new DistributionException(ErrorCode.CHUNK_LENGTH_MISMATCH,
            "the chunk must be exactly " + length + " bytes; nothing was stored");
      };
    }
  }

  private static Accepted sameOrConflict(StoredChunk held, String sha256, boolean stored) {
    if (!held.sha256().equals(sha256)) {
      throw new DistributionException(ErrorCode.CHUNK_CONFLICT,
          "chunk " + held.index() + " is already held with different bytes");
    }
    return new Accepted(held.index(), held.size(), held.sha256(), stored);
  }
}
