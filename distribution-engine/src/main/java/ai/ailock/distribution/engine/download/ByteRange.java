package ai.ailock.distribution.engine.download;

/** An inclusive byte range inside one chunk, as in an HTTP {@code Range: bytes=first-last} header. */
public record ByteRange(long first, long last) {
  public ByteRange {
    if (first < 0 || last < first) {
      throw new IllegalArgumentException("invalid range");
    }
  }

  public long length() {
    return last - first + 1;
  }
}
