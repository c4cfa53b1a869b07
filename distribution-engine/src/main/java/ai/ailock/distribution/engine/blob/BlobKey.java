package ai.ailock.distribution.engine.blob;

import java.util.regex.Pattern;

/**
 * Where a blob lives inside a {@link BlobStore}: a relative path of {@code /}-separated segments.
 *
 * <p>Each segment is 1-128 characters of {@code [A-Za-z0-9._-]} and is neither {@code .} nor {@code ..},
 * so a key can never name a location outside the store's root, whatever the backend.
 */
public record BlobKey(String value) {
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]{1,128}");
  private static final int MAX_LENGTH = 512;

  public BlobKey {
    if (value.isEmpty() || value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("blob key must be 1-" + MAX_LENGTH + " characters");
    }
    for (String segment : value.split("/", -1)) {
      if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
        throw new IllegalArgumentException("illegal blob key segment in " + value);
      }
    }
  }

  /** @return this key with {@code segment} appended */
  public BlobKey resolve(String segment) {
    return new BlobKey(value + "/" + segment);
  }

  @Override
  public String toString() {
    return value;
  }
}
