package ai.ailock.distribution.engine.transfer;

import java.util.UUID;

public record TransferId(UUID value) {
  public static TransferId parse(String text) {
    return new TransferId(UUID.fromString(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
