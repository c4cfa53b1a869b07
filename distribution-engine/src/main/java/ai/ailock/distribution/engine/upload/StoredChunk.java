package ai.ailock.distribution.engine.upload;

import ai.ailock.distribution.engine.blob.BlobKey;

/** A transport chunk the service holds: its position, size, SHA-256 (lowercase hex) and where its bytes are. */
public record StoredChunk(int index, int size, String sha256, BlobKey blobKey) {}
