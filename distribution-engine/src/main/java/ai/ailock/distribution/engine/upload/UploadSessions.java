package ai.ailock.distribution.engine.upload;

import ai.ailock.distribution.engine.identity.AilockId;
import ai.ailock.distribution.engine.product.ProductId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Upload sessions and the chunks they hold. Implementations are thread-safe. */
public interface UploadSessions {

  /**
   * Adds a session unless the product version already has an open or completed one.
   *
   * @return false if such a session exists (nothing changed)
   */
  boolean add(UploadSession session);

  Optional<UploadSession> find(UploadId id);

  /** @return the session if {@code owner} started it; others learn nothing, not even that it exists */
  default Optional<UploadSession> findOwned(UploadId id, AilockId owner) {
    return find(id).filter(session -> session.owner().equals(owner));
  }

  /** @return the open or completed session for this product version, if any */
  Optional<UploadSession> current(ProductId product, int contentVersion);

  /** @return the chunks held, ordered by index */
  List<StoredChunk> chunks(UploadId id);

  Optional<StoredChunk> chunk(UploadId id, int index);

  /** A session with the chunk it holds at one index, if any. */
  record Slot(UploadSession session, Optional<StoredChunk> held) {}

  /**
   * The session and the chunk it holds at {@code index}, read together (one round trip in a database adapter).
   *
   * @return empty if there is no such session
   */
  default Optional<Slot> slot(UploadId id, int index) {
    return find(id).map(session -> new Slot(session, chunk(id, index)));
  }

  /**
   * The chunk at {@code index} of the completed upload that published this content version of a product.
   *
   * @return empty if that upload has no such chunk (or the version no completed upload)
   */
  default Optional<StoredChunk> completedChunk(ProductId product, int contentVersion, int index) {
    return current(product, contentVersion).filter(session -> session.state() == UploadState.COMPLETED)
        .flatMap(session -> chunk(session.id(), index));
  }

  /**
   * A chunk of a product's published content together with what decides who may read it: the product's owner,
   * whether it is published, and until when.
   *
   * @param chunk empty if the product is not published or its content has no chunk at that index
   */
  record PublishedChunk(AilockId owner, boolean published, @Nullable Instant expiresAt, Optional<StoredChunk> chunk) {}

  /**
   * The chunk at {@code index} of the content the product currently publishes, read with the product's owner and
   * expiry in one step (one round trip in a database adapter; the manifest and policy are not read).
   *
   * @return empty if there is no such product
   */
  Optional<PublishedChunk> publishedChunk(ProductId product, int index);

  /**
   * Records {@code chunk} if the session is open (and, by the adapter's clock, not past its expiry) and holds
   * nothing at its index yet. Never replaces a held chunk.
   *
   * @return the chunk held at that index afterwards, with whether this call recorded it; empty if the session
   *     is not open any more (nothing changed)
   */
  Optional<Held> hold(UploadId id, StoredChunk chunk);

  /**
   * The chunk a session holds at an index after {@link #hold}.
   *
   * @param added true if this call recorded {@code chunk}; false if it was held before (by an earlier or
   *     concurrent call, with the same or other bytes)
   */
  record Held(StoredChunk chunk, boolean added) {}

  /**
   * Marks an open session completed with the ciphertext's hash.
   *
   * @return false if the session was not open (nothing changed)
   */
  boolean complete(UploadId id, String ciphertextSha256, Instant at);

  /**
   * Marks one session expired if it is open and its deadline has passed at {@code now}.
   *
   * @return true if this call expired it
   */
  boolean expire(UploadId id, Instant now);

  /**
   * Marks up to {@code limit} open sessions whose expiry has passed as expired and returns them. Several
   * instances may call this at once: each session is returned to exactly one caller. Must run inside a
   * transaction.
   */
  List<UploadSession> expireDue(Instant now, int limit);

  /** Forgets the chunks of a session whose blobs were deleted. */
  void dropChunks(UploadId id);
}
