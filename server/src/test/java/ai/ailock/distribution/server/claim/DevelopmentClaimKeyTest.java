package ai.ailock.distribution.server.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevelopmentClaimKeyTest {
  @TempDir Path dir;

  @Test
  void generatesAnOwnerOnlyKeyOnceAndReadsTheSameKeyAfterARestart() throws Exception {
    Path file = dir.resolve("data").resolve("claim-signing-key.properties");

    ClaimSigningKey first = DevelopmentClaimKey.loadOrCreate(file);
    ClaimSigningKey again = DevelopmentClaimKey.loadOrCreate(file);

    assertThat(first.kid()).startsWith("dev-").isEqualTo(again.kid());
    assertThat(first.rawPublic()).isEqualTo(again.rawPublic());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(Files.list(file.getParent())).containsExactly(file);
  }
}
