package ai.ailock.distribution.client.crypto;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;

/** What a stream released before it ended or failed. */
record StreamOutcome(byte[] released, @Nullable IOException failure) {

  /** Reads {@code in} to the end in {@code slice}-byte reads, keeping what preceded a failure. */
  static StreamOutcome drain(InputStream in, int slice) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[slice];
    try {
      for (int n; (n = in.read(buffer, 0, slice)) != -1; ) {
        out.write(buffer, 0, n);
      }
      return new StreamOutcome(out.toByteArray(), null);
    } catch (IOException e) {
      return new StreamOutcome(out.toByteArray(), e);
    }
  }
}
