package ai.ailock.distribution.engine.upload;

import java.util.ArrayList;
import java.util.List;

/** Checks that a manifest describes exactly the ciphertext an upload session holds. */
final class ManifestRules {
  private ManifestRules() {}

  /** @return each disagreement between manifest and upload, as a sentence; empty if they agree */
  static List<String> disagreements(SignedManifest manifest, UploadSession session, List<StoredChunk> held,
      String ciphertextSha256) {
    var problems = new ArrayList<String>();
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
