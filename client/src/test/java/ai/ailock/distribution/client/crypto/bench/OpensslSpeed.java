package ai.ailock.distribution.client.crypto.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** Runs {@code openssl speed -evp aes-256-gcm -seconds 1} and reads its 16384-byte column. */
final class OpensslSpeed {

  private OpensslSpeed() {}

  /** @return openssl's output, or an empty string if openssl is missing or fails */
  static String aes256Gcm16k() {
    try {
      Process process =
          new ProcessBuilder("openssl", "speed", "-evp", "aes-256-gcm", "-seconds", "1")
              .redirectErrorStream(true)
              .start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0 ? output : "";
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  /**
   * Reads MB/s at 16384 bytes from the result table: a header "type 16 bytes 64 bytes ..." and a
   * line per cipher whose columns are thousands of bytes per second ("5374885.89k").
   *
   * @return MB/s (10^6 bytes), or NaN if the table is not there
   */
  static double parse16k(String output) {
    int column = -1;
    for (String line : output.split("\\R")) {
      String[] tokens = line.trim().split("\\s+");
      if (tokens[0].equals("type")) {
        column = sizeColumn(tokens, "16384");
      } else if (column > 0
          && tokens.length > column
          && tokens[0].toLowerCase(Locale.ROOT).equals("aes-256-gcm")) {
        return Double.parseDouble(tokens[column].replace("k", "")) / 1000;
      }
    }
    return Double.NaN;
  }

  /** Header tokens: "type", then "N" "bytes" pairs. Data tokens: the name, then a value per N. */
  private static int sizeColumn(String[] header, String size) {
    for (int i = 1, column = 1; i < header.length; i += 2, column++) {
      if (header[i].equals(size)) {
        return column;
      }
    }
    return -1;
  }
}
