package ai.ailock.distribution.client.manifest;

/**
 * One transport chunk of the ciphertext, as the manifest lists it.
 *
 * @param index position in the chunk list, from 0
 * @param offset first ciphertext byte of the chunk: {@code index × chunk_size}
 * @param length bytes in the chunk: {@code chunk_size}, except the last chunk
 * @param sha256 lowercase hex SHA-256 of the chunk's bytes
 */
public record ManifestChunk(int index, long offset, int length, String sha256) {}
