package ai.ailock.distribution.engine.upload;

import java.util.UUID;

public record UploadId(UUID value) {
  public static UploadId parse(String text) {
    return new UploadId(UUID.fromString(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
