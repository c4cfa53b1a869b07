package ai.ailock.distribution.client.transfer;

import ai.ailock.distribution.client.AilockKeys;
import ai.ailock.distribution.client.crypto.CobblestoneContext;
import ai.ailock.distribution.client.crypto.CobblestoneEncryptor;
import ai.ailock.distribution.client.manifest.Manifest;
import ai.ailock.distribution.client.manifest.ManifestChunk;
import ai.ailock.distribution.client.manifest.ManifestDraft;
import ai.ailock.distribution.client.manifest.ProductMetadata;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A product's stored content: the signed manifest's bytes and the ciphertext chunks, served by {@link #source}
 * with an optional {@link Hook} that plays a misbehaving network or service.
 */
record TestContent(byte[] manifest, List<byte[]> chunks) {

  /** Serves (or mangles) a chunk request. */
  interface Hook {
    InputStream serve(int index, long from, byte[] chunk) throws IOException;
  }

  static final Hook HONEST = (index, from, chunk) -> new ByteArrayInputStream(chunk, (int) from,
      chunk.length - (int) from);

  /**
   * Encrypts {@code plaintext} under {@code contentContext} and describes it in a manifest for
   * {@code productId}/{@code version} signed by {@code seller}: with a context of another product or version, this is
   * what a ciphertext moved between products looks like.
   */
  static TestContent encrypt(AilockKeys seller, byte[] key, String productId, int version,
      CobblestoneContext contentContext, byte[] plaintext, int chunkSize) throws IOException {
    return encrypt(seller, key, productId, version, contentContext, plaintext, chunkSize, null);
  }

  /** As above; with a {@code transferId}, the manifest is a personalized copy's, made for that transfer. */
  static TestContent encrypt(AilockKeys seller, byte[] key, String productId, int version,
      CobblestoneContext contentContext, byte[] plaintext, int chunkSize, @Nullable String transferId)
      throws IOException {
    byte[] ciphertext = CobblestoneEncryptor.encrypting(key, contentContext, new ByteArrayInputStream(plaintext))
        .readAllBytes();
    return describe(seller, key, productId, version, ciphertext, plaintext, chunkSize, transferId);
  }

  /** Signs a manifest for an arbitrary ciphertext (e.g. a truncated one) and cuts it into chunks. */
  static TestContent describe(AilockKeys seller, byte[] key, String productId, int version, byte[] ciphertext,
      byte[] plaintext, int chunkSize) {
    return describe(seller, key, productId, version, ciphertext, plaintext, chunkSize, null);
  }

  private static TestContent describe(AilockKeys seller, byte[] key, String productId, int version,
      byte[] ciphertext, byte[] plaintext, int chunkSize, @Nullable String transferId) {
    List<byte[]> chunks = new ArrayList<>();
    List<ManifestChunk> listed = new ArrayList<>();
    for (int offset = 0, index = 0; offset < ciphertext.length; offset += chunkSize, index++) {
      byte[] chunk = Arrays.copyOfRange(ciphertext, offset, Math.min(ciphertext.length, offset + chunkSize));
      chunks.add(chunk);
      listed.add(new ManifestChunk(index, offset, chunk.length, InMemoryService.sha256(chunk, chunk.length)));
    }
    var metadata = new ProductMetadata("file.bin", "application/octet-stream",
        InMemoryService.sha256(plaintext, plaintext.length), plaintext.length);
    Manifest manifest = Manifest.sign(new ManifestDraft(productId, version, ciphertext.length,
        InMemoryService.sha256(ciphertext, ciphertext.length), chunkSize, listed,
        metadata.encrypt(key, productId, version), Instant.now(), transferId), seller);
    return new TestContent(manifest.canonicalBytes(), chunks);
  }

  ContentSource source() {
    return source(HONEST);
  }

  ContentSource source(Hook hook) {
    return new ContentSource() {
      @Override
      public byte[] manifest() {
        return manifest.clone();
      }

      @Override
      public InputStream chunk(int index, long from) throws IOException {
        return hook.serve(index, from, chunks.get(index));
      }
    };
  }
}
