package ai.ailock.distribution.engine.upload;

/** A chunk as the seller's manifest lists it. */
public record ManifestChunk(int index, long offset, int length, String sha256) {}
