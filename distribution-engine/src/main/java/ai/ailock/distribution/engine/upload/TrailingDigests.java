package ai.ailock.distribution.engine.upload;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The whole-ciphertext SHA-256 of open uploads, kept up to date while their chunks arrive, so that completing an
 * upload does not read its whole ciphertext again. Each upload has a cursor: the digest of chunks {@code 0..next-1}.
 * When a held chunk is the next one, the thread that held it folds it in (and any later chunks already waiting),
 * reading it back from the store just after it was written, usually from the page cache; chunks that arrive early
 * wait until their turn. One thread folds an upload at a time; the others return at once.
 *
 * <p>Cursors live in this instance's memory, at most {@code capacity} of them (the least recently used go first).
 * Nothing depends on them for correctness: completion continues from the cursor as far as it matches the chunks the
 * database holds and reads the rest from the store, so an upload whose chunks went to several instances, survived
 * a restart or lost its cursor is hashed in full, as before. The JDK's SHA-256 state cannot be exported, which is
 * why the cursor is not persisted with the session. Thread-safe.
 */
public final class TrailingDigests {
  private final CiphertextDigest reader;
  private final Map<UploadId, Cursor> cursors;

  /** @param capacity how many uploads to keep a cursor for */
  public TrailingDigests(CiphertextDigest reader, int capacity) {
    this.reader = reader;
    this.cursors = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<UploadId, Cursor> eldest) {
        return size() > capacity;
      }
    });
  }

  /** Takes note that the upload now holds {@code chunk} (the chunk the database holds at its index). */
  void held(UploadId upload, StoredChunk chunk) {
    Cursor cursor = cursors.computeIfAbsent(upload, id -> new Cursor());
    cursor.offer(chunk);
  }

  /**
   * @param held every chunk of the upload as the database holds them, ordered by index
   * @return the SHA-256 (lowercase hex) of the held chunks' bytes, concatenated in order
   */
  public String sha256(UploadId upload, List<StoredChunk> held) {
    Cursor cursor = cursors.get(upload);
    Prefix prefix = Optional.ofNullable(cursor).flatMap(c -> c.prefixMatching(held))
        .orElseGet(() -> new Prefix(Sha256Hex.newDigest(), 0));
    reader.update(prefix.digest(), held.subList(prefix.chunks(), held.size()));
    return HexFormat.of().formatHex(prefix.digest().digest());
  }

  /** Drops the upload's cursor (it was completed or expired). */
  public void forget(UploadId upload) {
    cursors.remove(upload);
  }

  /** A digest of an upload's first {@code chunks} chunks. */
  private record Prefix(MessageDigest digest, int chunks) {}

  /** Digest of the chunks {@code 0..next-1} of one upload and the chunks held beyond them. */
  private final class Cursor {
    private final ReentrantLock lock = new ReentrantLock();
    private final MessageDigest digest = Sha256Hex.newDigest();
    private final List<String> foldedSha256 = new ArrayList<>();
    private final Map<Integer, StoredChunk> waiting = new ConcurrentHashMap<>();
    private volatile int next;
    private volatile boolean broken;

    void offer(StoredChunk chunk) {
      if (broken || chunk.index() < next) {
        return;
      }
      waiting.putIfAbsent(chunk.index(), chunk);
      // Whoever holds the lock folds; re-check after unlocking so a chunk offered meanwhile is not left waiting.
      while (!broken && waiting.containsKey(next) && lock.tryLock()) {
        try {
          foldWaiting();
        } finally {
          lock.unlock();
        }
      }
    }

    private void foldWaiting() {
      for (StoredChunk chunk; !broken && (chunk = waiting.remove(next)) != null; ) {
        try {
          reader.update(digest, List.of(chunk));
        } catch (RuntimeException e) {
          broken = true; // the digest may hold part of the chunk: completion hashes the ciphertext in full
          waiting.clear();
          return;
        }
        foldedSha256.add(chunk.sha256());
        next++;
      }
    }

    /** @return a copy of the digest so far if every folded chunk is the one held at its index */
    Optional<Prefix> prefixMatching(List<StoredChunk> held) {
      lock.lock();
      try {
        if (broken || next > held.size()) {
          return Optional.empty();
        }
        for (int i = 0; i < next; i++) {
          if (held.get(i).index() != i || !held.get(i).sha256().equals(foldedSha256.get(i))) {
            return Optional.empty();
          }
        }
        return Optional.of(new Prefix((MessageDigest) digest.clone(), next));
      } catch (CloneNotSupportedException e) {
        return Optional.empty();
      } finally {
        lock.unlock();
      }
    }
  }
}
