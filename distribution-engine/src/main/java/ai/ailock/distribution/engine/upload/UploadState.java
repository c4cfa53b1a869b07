package ai.ailock.distribution.engine.upload;

import java.util.Locale;

public enum UploadState {
  OPEN, COMPLETED, EXPIRED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static UploadState fromWire(String wire) {
    return valueOf(wire.toUpperCase(Locale.ROOT));
  }
}
