package ai.ailock.distribution.engine.upload;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Checks that a manifest describes exactly the ciphertext an upload session holds. */
final class ManifestRules {
  private ManifestRules() {}

  /**
   * @param copyFor the transfer the product is a personalized copy for, or null if it is not a copy
   * @return each disagreement between manifest and upload, as a sentence; empty if they agree
   */
  static List<String> disagreements(SignedManifest manifest, UploadSession session, List<StoredChunk> held,
      String ciphertextSha256, @Nullable UUID copyFor) {
    var problems = new ArrayList<String>();
    check(problems, Objects.equals(manifest.transferId(), copyFor), copyFor == null
        ? "transfer_id belongs only in the manifest of a personalized copy"
        : "transfer_id must be " + copyFor + ", the transfer this copy was made for");
    check(problems, manifest.productId().equals(session.product()), "product_id is not this upload's product");
    check(problems, manifest.version() == session.contentVersion(),
        "version must be " + session.contentVersion());
    check(problems, manifest.ciphertextLength() == session.totalSize(),
        "ciphertext_length must be " + session.totalSize());
    check(problems, manifest.chunkSize() == session.chunkSize(), "chunk_size must be " + session.chunkSize());
    check(problems, manifest.ciphertextSha256().equals(ciphertextSha256),
        "ciphertext_sha256 differs from the one declared with the request");
    check(problems, manifest.chunks().equals(asListed(session, held)),
        "chunks must list every held chunk in order with its offset, length and sha256");
    return problems;
  }

  private static List<ManifestChunk> asListed(UploadSession session, List<StoredChunk> held) {
    return held.stream()
        .map(c -> new ManifestChunk(c.index(), session.chunkOffset(c.index()), c.size(), c.sha256()))
        .toList();
  }

  private static void check(List<String> problems, boolean holds, String otherwise) {
    if (!holds) {
      problems.add(otherwise);
    }
  }
}
