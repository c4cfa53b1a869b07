package ai.ailock.distribution.client.transfer;

import ai.ailock.distribution.client.AilockKeys;
import ai.ailock.distribution.client.crypto.CobblestoneEncryptor;
import ai.ailock.distribution.client.http.DistributionApiException;
import ai.ailock.distribution.client.manifest.Manifest;
import ai.ailock.distribution.client.manifest.ManifestChunk;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * A fake service for the transfer engine: holds uploads in memory and checks chunks and completions the way the
 * server does (hash, conflict, chunk list, whole hash, seller signature). Hooks simulate crashes and failures.
 */
final class InMemoryService implements UploadService {
  /** Decides what a chunk request does before it is stored; return normally to store it. */
  interface PutHook {
    void before(int index, int attempt);
  }

  final AilockKeys owner;
  final Map<String, Long> productSizes = new ConcurrentHashMap<>();
  final Map<String, Session> sessions = new ConcurrentHashMap<>();
  final AtomicInteger puts = new AtomicInteger();
  final AtomicInteger reservations = new AtomicInteger();
  final AtomicInteger inFlight = new AtomicInteger();
  final AtomicInteger maxInFlight = new AtomicInteger();
  final AtomicInteger completions = new AtomicInteger();
  final Map<Integer, AtomicInteger> attempts = new ConcurrentHashMap<>();
  volatile PutHook putHook = (index, attempt) -> {};
  volatile int crashAfterPuts = -1;
  volatile boolean loseFirstCompletionAnswer;
  volatile long putDelayMillis;

  static final class Session {
    final String uploadId = UUID.randomUUID().toString();
    final String productId;
    final long ciphertextLength;
    final int chunkSize;
    final int chunkCount;
    final Map<Integer, byte[]> chunks = new ConcurrentHashMap<>();
    volatile String state = "open";
    volatile byte[] manifest;

    Session(String productId, long ciphertextLength, int chunkSize) {
      this.productId = productId;
      this.ciphertextLength = ciphertextLength;
      this.chunkSize = chunkSize;
      this.chunkCount = (int) ((ciphertextLength + chunkSize - 1) / chunkSize);
    }
  }

  InMemoryService(AilockKeys owner) {
    this.owner = owner;
  }

  @Override
  public String createProduct(ProductDraft draft, long size) {
    String id = UUID.randomUUID().toString();
    productSizes.put(id, size);
    return id;
  }

  @Override
  public UploadSessionInfo initUpload(String productId, long ciphertextLength, Integer chunkSize) {
    if (ciphertextLength != CobblestoneEncryptor.ciphertextLength(productSizes.get(productId))) {
      throw refused(422, "ciphertext_length_mismatch");
    }
    int size = chunkSize == null ? 4 * 1024 * 1024 : Math.max(65536, Math.min(chunkSize, 4 * 1024 * 1024));
    Session session = sessions.values().stream().filter(s -> s.productId.equals(productId)).findFirst()
        .orElseGet(() -> {
          Session created = new Session(productId, ciphertextLength, size);
          sessions.put(created.uploadId, created);
          return created;
        });
    return info(session);
  }

  @Override
  public UploadSessionInfo uploadStatus(String uploadId) {
    return info(session(uploadId));
  }

  @Override
  public void putChunk(String uploadId, int index, byte[] bytes, int length, String sha256) {
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    try {
      int attempt = attempts.computeIfAbsent(index, i -> new AtomicInteger()).incrementAndGet();
      if (crashAfterPuts >= 0 && reservations.incrementAndGet() > crashAfterPuts) {
        throw new IllegalStateException("simulated crash");
      }
      putHook.before(index, attempt);
      sleep(putDelayMillis);
      Session session = session(uploadId);
      if (!sha256(bytes, length).equals(sha256)) {
        throw refused(422, "chunk_hash_mismatch");
      }
      long expected = Math.min(session.chunkSize, session.ciphertextLength - (long) index * session.chunkSize);
      if (length != expected) {
        throw refused(422, "chunk_length_mismatch");
      }
      byte[] copy = java.util.Arrays.copyOf(bytes, length);
      byte[] held = session.chunks.putIfAbsent(index, copy);
      if (held != null && !java.util.Arrays.equals(held, copy)) {
        throw refused(409, "chunk_conflict");
      }
      puts.incrementAndGet();
    } finally {
      inFlight.decrementAndGet();
    }
  }

  @Override
  public CompletedUpload completeUpload(String uploadId, String ciphertextSha256, Manifest manifest) {
    Session session = session(uploadId);
    synchronized (session) {
      if (session.chunks.size() < session.chunkCount) {
        throw refused(409, "upload_incomplete");
      }
      List<ManifestChunk> held = IntStream.range(0, session.chunkCount).mapToObj(i -> new ManifestChunk(i,
          (long) i * session.chunkSize, session.chunks.get(i).length, sha256(session.chunks.get(i),
              session.chunks.get(i).length))).toList();
      if (!held.equals(manifest.chunks()) || !manifest.productId().equals(session.productId)
          || !manifest.ciphertextSha256().equals(ciphertextSha256)
          || !ciphertextSha256.equals(sha256(ciphertext(session), (int) session.ciphertextLength))) {
        throw refused(422, "manifest_mismatch");
      }
      try {
        manifest.verify(owner.signing().publicKey());
      } catch (java.security.SignatureException e) {
        throw refused(422, "signature_invalid");
      }
      byte[] canonical = manifest.canonicalBytes();
      if (session.manifest != null && !java.util.Arrays.equals(session.manifest, canonical)) {
        throw refused(409, "upload_already_completed");
      }
      session.manifest = canonical;
      session.state = "completed";
      completions.incrementAndGet();
    }
    if (loseFirstCompletionAnswer) {
      loseFirstCompletionAnswer = false;
      throw new UncheckedIOException(new java.io.IOException("connection reset (simulated)"));
    }
    return new CompletedUpload(session.productId, 1, "ready", session.ciphertextLength, ciphertextSha256,
        manifest.sha256(), Instant.now(), Instant.now().plusSeconds(7 * 86400));
  }

  /** @return the stored content of a completed product, as its owner reads it */
  TestContent content(String productId) {
    Session session = sessions.values().stream().filter(s -> s.productId.equals(productId)).findFirst()
        .orElseThrow();
    List<byte[]> chunks = IntStream.range(0, session.chunkCount).mapToObj(session.chunks::get).toList();
    return new TestContent(session.manifest, chunks);
  }

  static byte[] ciphertext(Session session) {
    var out = new ByteArrayOutputStream();
    for (int i = 0; i < session.chunkCount; i++) {
      out.writeBytes(session.chunks.get(i));
    }
    return out.toByteArray();
  }

  private Session session(String uploadId) {
    Session session = sessions.get(uploadId);
    if (session == null) {
      throw refused(404, "upload_not_found");
    }
    return session;
  }

  private static UploadSessionInfo info(Session s) {
    List<Integer> received = new ArrayList<>(new java.util.TreeSet<>(s.chunks.keySet()));
    List<Integer> missing = IntStream.range(0, s.chunkCount).filter(i -> !s.chunks.containsKey(i)).boxed().toList();
    return new UploadSessionInfo(s.uploadId, s.productId, 1, s.state, s.ciphertextLength, s.chunkSize, s.chunkCount,
        Instant.now().plusSeconds(86400), received, missing);
  }

  static DistributionApiException refused(int status, String code) {
    return new DistributionApiException(status, code, "simulated " + code, List.of());
  }

  static String sha256(byte[] bytes, int length) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(bytes, 0, length);
      return java.util.HexFormat.of().formatHex(digest.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(long millis) {
    if (millis > 0) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
