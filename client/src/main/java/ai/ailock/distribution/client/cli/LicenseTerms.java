package ai.ailock.distribution.client.cli;

import ai.ailock.distribution.client.personalize.License;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** The license terms a seller writes into personalized copies: a UTF-8 text file, or the SDK's default terms. */
final class LicenseTerms {
  private LicenseTerms() {}

  static String read(@Nullable Path file) throws IOException {
    return file == null ? License.defaultTerms() : Files.readString(file, StandardCharsets.UTF_8).strip();
  }
}
