package ai.ailock.distribution.engine.attachment;

import java.util.UUID;

public record AttachmentId(UUID value) {
  public static AttachmentId parse(String text) {
    return new AttachmentId(UUID.fromString(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
